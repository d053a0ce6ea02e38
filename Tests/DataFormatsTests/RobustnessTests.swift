import SeededRandom
import Foundation
import Testing
@testable import DataFormats
@testable import JSONFormat
@testable import CSVFormat
@testable import NumPyFormat

/// Hostile input must produce an error, never a crash: truncations and
/// random corruptions of every binary fixture, and random JSON/CSV text.
@Suite("Robustness") struct RobustnessTests {
    static let binaryFixtures = ["f8_c.npy", "f8_fortran.npy", "i8_fortran_3d.npy", "f4_be.npy", "v3_f8.npy",
                                 "savez.npz", "savez_compressed.npz"]

    func parseAnything(_ bytes: [UInt8]) {
        _ = try? NPYArray.parse(bytes: bytes)
        _ = try? NPZArchive.parse(bytes: bytes)
        _ = try? RawInflater(bytes[...], base: 0).read(1 << 16)
    }

    @Test(arguments: binaryFixtures)
    func everyTruncationFails(_ name: String) throws {
        let bytes = try fixture(name)
        let isZip = name.hasSuffix(".npz")
        for length in 0..<bytes.count {
            let cut = Array(bytes[0..<length])
            let error = isZip ? thrownError { () throws(DataFormatError) in try NPZArchive.parse(bytes: cut) }
                              : thrownError { () throws(DataFormatError) in try NPYArray.parse(bytes: cut) }
            #expect(error != nil, "\(name) cut to \(length) bytes was accepted")
        }
    }

    @Test(arguments: binaryFixtures)
    func randomCorruptionNeverCrashes(_ name: String) throws {
        let original = try fixture(name)
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<rng.nextInt(in: 1...4) {
                let i = rng.nextInt(in: 0..<bytes.count)
                bytes[i] = [0x00, 0xFF, 0x7F, 0x80, UInt8(rng.nextInt(in: 0...255))][rng.nextInt(in: 0..<5)]
            }
            parseAnything(bytes)
        }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let bytes = (0..<rng.nextInt(in: 0..<200)).map { _ in UInt8(rng.nextInt(in: 0...255)) }
            parseAnything(bytes)
            _ = try? JSONValue.parse(utf8: bytes)
        }
    }

    @Test func randomJSONAndCSVTextNeverCrashes() throws {
        let alphabet = Array("{}[]:,\"\\ \n\r\t0123456789.-+eEtrufalsn#uD8\u{00E9}x")
        var rng = SplitMix64(seed: 99)
        for _ in 0..<5000 {
            let text = String((0..<rng.nextInt(in: 0..<40)).map { _ in alphabet[rng.nextInt(in: alphabet.indices)] })
            if let value = try? JSONValue.parse(text) {
                // Anything accepted must survive a round trip.
                #expect(try JSONValue.parse(value.serialized()) == value, "\(text)")
                #expect(try JSONValue.parse(value.serialized(pretty: true)) == value, "\(text)")
            }
            _ = try? CSVTable.parse(text)
        }
    }
}
