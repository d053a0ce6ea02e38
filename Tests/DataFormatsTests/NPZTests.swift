import Foundation
import Testing
@testable import DataFormats
@testable import NumPyFormat

@Suite("NPZ archives") struct NPZTests {
    func npzError(_ bytes: [UInt8]) -> DataFormatError? {
        thrownError { () throws(DataFormatError) in try NPZArchive.parse(bytes: bytes) }
    }

    func checkCommonMembers(_ arrays: [String: NPYArray]) {
        #expect(arrays["X"]?.shape == [3, 2])
        #expect(arrays["X"]?.elements == [1, 2, 3, 4, 5, 0.1].map(NPYScalar.float))
        #expect(arrays["y"]?.elements == [.integer(1), .integer(-1), .integer(1)])
        #expect(arrays["lam"]?.shape == [] && arrays["lam"]?.elements == [.float(0.5)])
    }

    @Test func readsNpSavez() throws {
        let arrays = try NPZArchive.read(contentsOf: try fixtureURL("savez.npz"))
        #expect(Set(arrays.keys) == ["X", "y", "lam"])
        checkCommonMembers(arrays)
    }

    @Test func readsNpSavezCompressed() throws {
        let arrays = try NPZArchive.read(contentsOf: try fixtureURL("savez_compressed.npz"))
        #expect(Set(arrays.keys) == ["X", "y", "lam", "big"])
        checkCommonMembers(arrays)
        #expect(arrays["big"]?.shape == [1000])
        #expect(arrays["big"]?.elements == (0..<1000).map { .float(Double($0) * 0.37) })
    }

    @Test func writerRoundTrips() throws {
        let arrays = try [
            "w": NPYArray(float64: [0.25, -1e-300], shape: [2]),
            "support": NPYArray(int64: [0, 3, 4], shape: [3]),
            "A": NPYArray(float64: [1, 2, 3, 4, 5, 6], shape: [3, 2]),
        ]
        let data = try NPZArchive.encoded(arrays)
        #expect(try NPZArchive.parse(data) == arrays)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataformats-\(UUID()).npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try NPZArchive.write(arrays, to: url)
        #expect(try NPZArchive.read(contentsOf: url) == arrays)
    }

    /// A one-member stored archive, plus the offset of its central directory record.
    func smallArchive() throws -> (bytes: [UInt8], central: Int) {
        let bytes = [UInt8](try NPZArchive.encoded(["a": try NPYArray(int64: [7], shape: [1])]))
        let eocd = bytes.count - 22
        let central = Int(bytes[eocd + 16]) | Int(bytes[eocd + 17]) << 8
        return (bytes, central)
    }

    @Test func notAZip() throws {
        #expect(npzError([])?.description == "byte offset 0: not a ZIP archive (no end-of-central-directory record)")
        let npy = try fixture("f8_c.npy")
        #expect(npzError(npy)?.message == "not a ZIP archive (no end-of-central-directory record)")
    }

    @Test func badCRC() throws {
        var (bytes, _) = try smallArchive()
        let dataStart = 30 + 5  // local header + "a.npy"
        bytes[dataStart + 130] ^= 0x01
        let error = try #require(npzError(bytes))
        #expect(error.member == "a.npy")
        #expect(error.byteOffset == dataStart)
        #expect(error.message.hasPrefix("CRC-32 mismatch: archive says 0x"))
    }

    @Test func unsupportedMethod() throws {
        var (bytes, central) = try smallArchive()
        bytes[central + 10] = 12  // bzip2
        #expect(npzError(bytes)?.description
            == "member 'a.npy', byte offset \(central): unsupported compression method 12 (only 0 = stored and 8 = deflate)")
    }

    @Test func truncatedMemberAndArchive() throws {
        var (bytes, central) = try smallArchive()
        // Claim a member larger than what follows its local header.
        let claimed = UInt32(bytes.count - 20)
        for field in [central + 20, central + 24] {
            bytes.replaceSubrange(field..<field + 4, with: (0..<4).map { UInt8(truncatingIfNeeded: claimed >> (8 * $0)) })
        }
        #expect(npzError(bytes)?.description
            == "member 'a.npy', byte offset 35: truncated member data: expected \(claimed) bytes, found \(bytes.count - 35)")
        let (whole, _) = try smallArchive()
        #expect(npzError(Array(whole.dropLast(1)))?.message == "not a ZIP archive (no end-of-central-directory record)")
        #expect(npzError(Array(whole.dropFirst(40)))?.message
            == "central directory lies outside the file (truncated archive?)")
    }

    @Test func memberThatIsNotNPY() throws {
        let zip = try ZipWriter.archive([(name: "junk.npy", data: Array("hello".utf8))])
        #expect(npzError(zip)?.description
            == "member 'junk.npy', byte offset 0: not an NPY file (it does not start with \"\\x93NUMPY\")")
        let clash = try ZipWriter.archive([(name: "a.npy", data: try NPYArray(int64: [1], shape: [1]).encodedBytes()),
                                           (name: "a", data: try NPYArray(int64: [2], shape: [1]).encodedBytes())])
        #expect(npzError(clash)?.message == "two members have the same name once '.npy' is removed")
        let duplicate = try ZipWriter.archive([(name: "a.npy", data: []), (name: "a.npy", data: [])])
        #expect(npzError(duplicate)?.message == "archive contains the member name twice")
    }

    @Test func corruptCompressedMemberNamesTheMember() throws {
        var bytes = try fixture("savez_compressed.npz")
        bytes[200] ^= 0xFF
        let error = try #require(npzError(bytes))
        #expect(error.member != nil)
    }

    /// One stored member described only through zip64 records: 0xFFFFFFFF placeholders in the
    /// central directory with a zip64 extra field, a zip64 end record and its locator.
    static func zip64Archive(name: String, data: [UInt8]) -> [UInt8] {
        let nameBytes = Array(name.utf8)
        let crc = crc32Checksum(data)
        var out: [UInt8] = bytes(UInt32(0x0403_4B50)) + bytes(UInt16(45)) + bytes(UInt16(0)) + bytes(UInt16(0))
            + bytes(UInt32(0)) + bytes(crc) + bytes(UInt32(data.count)) + bytes(UInt32(data.count))
            + bytes(UInt16(nameBytes.count)) + bytes(UInt16(0)) + nameBytes + data
        let centralOffset = out.count
        let extra = bytes(UInt16(1)) + bytes(UInt16(24)) + bytes(UInt64(data.count)) + bytes(UInt64(data.count)) + bytes(UInt64(0))
        out += bytes(UInt32(0x0201_4B50)) + bytes(UInt16(45)) + bytes(UInt16(45)) + bytes(UInt16(0)) + bytes(UInt16(0))
            + bytes(UInt32(0)) + bytes(crc) + bytes(UInt32.max) + bytes(UInt32.max)
            + bytes(UInt16(nameBytes.count)) + bytes(UInt16(extra.count)) + bytes(UInt16(0)) + bytes(UInt16(0))
            + bytes(UInt16(0)) + bytes(UInt32(0)) + bytes(UInt32.max) + nameBytes + extra
        let centralSize = out.count - centralOffset
        let zip64End = out.count
        out += bytes(UInt32(0x0606_4B50)) + bytes(UInt64(44)) + bytes(UInt16(45)) + bytes(UInt16(45))
            + bytes(UInt32(0)) + bytes(UInt32(0)) + bytes(UInt64(1)) + bytes(UInt64(1))
            + bytes(UInt64(centralSize)) + bytes(UInt64(centralOffset))
        out += bytes(UInt32(0x0706_4B50)) + bytes(UInt32(0)) + bytes(UInt64(zip64End)) + bytes(UInt32(1))
        out += bytes(UInt32(0x0605_4B50)) + bytes(UInt16(0)) + bytes(UInt16(0)) + bytes(UInt16.max) + bytes(UInt16.max)
            + bytes(UInt32.max) + bytes(UInt32.max) + bytes(UInt16(0))
        return out
    }

    @Test func readsZip64Records() throws {
        let member = try NPYArray(float64: [0.5, -0.25], shape: [2])
        let archive = NPZTests.zip64Archive(name: "w.npy", data: member.encodedBytes())
        #expect(try NPZArchive.parse(bytes: archive) == ["w": member])
        // A zip64 extra field too short for the placeholders it must replace.
        var short = archive
        let extraSize = short.count - 22 - 20 - 56 - 28 + 2  // the size field of the 28-byte extra
        short[extraSize] = 8
        #expect(npzError(short)?.message == "zip64 extra field is too short")
    }
}
