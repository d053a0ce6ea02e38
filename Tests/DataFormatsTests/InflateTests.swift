import Testing
import DataFormats
@testable import NumPyFormat

/// The zlib-backed decoder of ZIP members: the fixtures are raw deflate streams that Python's
/// zlib wrote with each block kind (Fixtures/make_fixtures.py).
@Suite("DEFLATE and CRC-32 (zlib)") struct InflateTests {
    /// Everything the stream holds, read in pieces of `chunk` bytes.
    func inflate(_ input: [UInt8], chunk: Int = 1 << 20) throws(DataFormatError) -> [UInt8] {
        let inflater = try RawInflater(input[...], base: 0)
        var output: [UInt8] = []
        while !inflater.finished {
            let piece = try inflater.read(chunk)
            output += piece
            if piece.isEmpty { break }
        }
        return output
    }

    @Test(arguments: ["stored", "fixed", "dynamic"])
    func decodesRawDeflateStreams(_ kind: String) throws {
        let plain = try fixture("deflate_plain.txt")
        let compressed = try fixture("deflate_\(kind).bin")
        #expect(try inflate(compressed) == plain)
        #expect(try inflate(compressed, chunk: 7) == plain)
    }

    @Test func readsNoMoreThanAsked() throws {
        let plain = try fixture("deflate_plain.txt")
        let inflater = try RawInflater(try fixture("deflate_dynamic.bin")[...], base: 0)
        #expect(try inflater.read(1000) == Array(plain.prefix(1000)))
        #expect(!inflater.finished)
        #expect(try inflater.read(plain.count) == Array(plain.dropFirst(1000)))
        #expect(inflater.finished)
        #expect(try inflater.read(1).isEmpty)
    }

    @Test func rejectsMalformedStreams() {
        func message(_ input: [UInt8]) -> String? {
            thrownError { () throws(DataFormatError) in try inflate(input) }?.message
        }
        #expect(message([0x07]) == "corrupt deflate data: invalid block type")
        #expect(message([0x01, 0x05, 0x00, 0x00, 0x00]) == "corrupt deflate data: invalid stored block lengths")
        // Fixed block whose first symbol copies from distance 1 with nothing written yet.
        #expect(message([0x03, 0x02]) == "corrupt deflate data: invalid distance too far back")
        #expect(message([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41])
            == "corrupt deflate data: compressed data ends before the deflate stream does")
        #expect(message([]) == "corrupt deflate data: compressed data ends before the deflate stream does")
    }

    @Test func truncatedStreamsFail() throws {
        let compressed = try fixture("deflate_dynamic.bin")
        for length in stride(from: 0, to: compressed.count - 1, by: 7) {
            let cut = Array(compressed[0..<length])
            #expect(thrownError { () throws(DataFormatError) in try inflate(cut) } != nil)
        }
    }

    @Test func crc32KnownValues() {
        #expect(crc32Checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(crc32Checksum([UInt8]()) == 0)
        #expect(crc32Checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }
}
