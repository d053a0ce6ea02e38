import CZlib
import DataFormats
import Foundation
import Testing
@testable import NumPyFormat

/// Hostile `.npz` archives, generated here: each must be refused at once (without inflating the
/// bomb) with a short message naming the member, and an unused bomb must not be touched at all.
@Suite("NPZ archive bombs") struct ArchiveBombTests {
    /// Raw deflate of `data` with a full flush and no final block: the bytes can be repeated, and
    /// each copy inflates to `data` again (no back-reference crosses a full flush).
    static func deflateBlocks(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        #expect(dln_deflate_init_raw(&stream, 9) == Z_OK)
        defer { deflateEnd(&stream) }
        var input = data
        var output = [UInt8](repeating: 0, count: data.count + 1024)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                #expect(deflate(&stream, Z_FULL_FLUSH) == Z_OK)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }

    /// A final empty fixed-Huffman block: ends a deflate stream.
    static let finalBlock: [UInt8] = [0x03, 0x00]

    /// The NPY header (no data) of a float64 vector of `count` elements.
    static func header(count: Int) -> [UInt8] { npyBytes(header: npyHeader("<f8", shape: "(\(count),)"), payload: []) }

    /// A deflate stream of `header` followed by `mebibytes` MiB of zeros, built from one deflated
    /// MiB repeated (about 1 KiB each), so a 2 GiB bomb costs about 2 MB and no inflating.
    static func zeroBomb(header: [UInt8], mebibytes: Int) -> [UInt8] {
        let zeros = deflateBlocks([UInt8](repeating: 0, count: 1 << 20))
        var out = deflateBlocks(header)
        out.reserveCapacity(out.count + zeros.count * mebibytes + 2)
        for _ in 0..<mebibytes { out += zeros }
        return out + finalBlock
    }

    struct Member {
        var name: String
        var method: UInt16
        var data: [UInt8]
        var uncompressedSize: Int
        var crc: UInt32
    }

    /// A ZIP archive of `members`; `directory` lists central-directory records as (member index,
    /// name), so several records may point at one member's local header and data.
    static func archive(_ members: [Member], directory: [(Int, String)]? = nil) -> [UInt8] {
        var out: [UInt8] = []
        var offsets: [Int] = []
        for m in members {
            offsets.append(out.count)
            let name = Array(m.name.utf8)
            out += bytes(UInt32(0x0403_4B50)) + bytes(UInt16(20)) + bytes(UInt16(0)) + bytes(m.method)
                + bytes(UInt32(0)) + bytes(m.crc) + bytes(UInt32(m.data.count)) + bytes(UInt32(truncatingIfNeeded: m.uncompressedSize))
                + bytes(UInt16(name.count)) + bytes(UInt16(0)) + name + m.data
        }
        let records = directory ?? members.indices.map { ($0, members[$0].name) }
        let centralOffset = out.count
        for (index, recordName) in records {
            let m = members[index], name = Array(recordName.utf8)
            out += bytes(UInt32(0x0201_4B50)) + bytes(UInt16(20)) + bytes(UInt16(20)) + bytes(UInt16(0)) + bytes(m.method)
                + bytes(UInt32(0)) + bytes(m.crc) + bytes(UInt32(m.data.count)) + bytes(UInt32(truncatingIfNeeded: m.uncompressedSize))
                + bytes(UInt16(name.count)) + bytes(UInt16(0)) + bytes(UInt16(0)) + bytes(UInt16(0))
                + bytes(UInt16(0)) + bytes(UInt32(0)) + bytes(UInt32(offsets[index])) + name
        }
        let centralSize = out.count - centralOffset
        out += bytes(UInt32(0x0605_4B50)) + bytes(UInt16(0)) + bytes(UInt16(0))
            + bytes(UInt16(truncatingIfNeeded: records.count)) + bytes(UInt16(truncatingIfNeeded: records.count))
            + bytes(UInt32(centralSize)) + bytes(UInt32(centralOffset)) + bytes(UInt16(0))
        return out
    }

    /// A valid stored member holding `array`.
    static func stored(_ name: String, _ array: NPYArray) -> Member {
        let data = array.encodedBytes()
        return Member(name: name, method: 0, data: data, uncompressedSize: data.count, crc: crc32Checksum(data))
    }

    static let X = try! NPYArray(float64: [2, 0, 0, 1], shape: [2, 2])
    static let y = try! NPYArray(float64: [1, -1], shape: [2])

    func refusal(_ archive: [UInt8], reading names: Set<String>) -> DataFormatError? {
        thrownError { () throws(DataFormatError) in try NPZArchive(bytes: archive).arrays(named: names) }
    }

    @Test func theBombStreamReallyInflatesToZeros() throws {
        // One repeated block plus the end: what the 2 GiB stream is made of, checked on 3 MiB.
        let stream = Self.zeroBomb(header: Self.header(count: 4), mebibytes: 3)
        let inflater = try RawInflater(stream[...], base: 0)
        let header = Self.header(count: 4)
        #expect(try inflater.read(header.count) == header)
        #expect(try inflater.read(3 << 20) == [UInt8](repeating: 0, count: 3 << 20))
        #expect(try inflater.read(1).isEmpty && inflater.finished)
    }

    /// 2 GiB of zeros behind a header that says two doubles: refused after reading 16 + 1 bytes.
    @Test func memberInflatingFarBeyondItsHeaderIsRefused() throws {
        let header = Self.header(count: 2)
        let bomb = Self.zeroBomb(header: header, mebibytes: 2048)
        let declared = header.count + 16
        let archive = Self.archive([Self.stored("y.npy", Self.y),
                                    Member(name: "X.npy", method: 8, data: bomb, uncompressedSize: declared, crc: 0)])
        let clock = ContinuousClock(), start = clock.now
        let error = try #require(refusal(archive, reading: ["X", "y"]))
        #expect(clock.now - start < .seconds(2))
        #expect(error.member == "X.npy")
        #expect(error.message == "member inflates to more than the \(declared) bytes the archive declares")
        #expect(error.description.count < 200)
    }

    /// The same 2 GiB, declared honestly (header shape and directory agree): over the default
    /// 1 GiB limit, refused before anything is inflated.
    @Test func honestTwoGibibyteMemberIsOverTheLimit() throws {
        let count = 1 << 28
        let header = Self.header(count: count)
        let declared = header.count + 8 * count
        let bomb = Self.zeroBomb(header: header, mebibytes: 2048)
        var member = Member(name: "X.npy", method: 8, data: bomb, uncompressedSize: declared, crc: 0)
        let archive = Self.archive([member])
        let error = try #require(refusal(archive, reading: ["X"]))
        #expect(error.member == "X.npy")
        #expect(error.message == "member declares \(declared) bytes; at most \(1 << 30) inflated bytes are read from one archive")
        // Under a 4 GiB limit, a directory that disagrees with the header is refused instead.
        member.uncompressedSize = declared - 8
        let lying = Self.archive([member])
        let mismatch = try #require(thrownError { () throws(DataFormatError) in
            try NPZArchive(bytes: lying, inflatedLimit: 1 << 32).arrays(named: ["X"])
        })
        #expect(mismatch.message == "the member's .npy header (shape [\(count)], 8-byte items) implies \(declared) bytes, but the archive declares \(declared - 8)")
    }

    /// The limit holds for all members read together: 2 × 144 bytes do not fit in 200.
    @Test func theLimitIsSharedByTheMembersRead() throws {
        let archive = Self.archive([Self.stored("a.npy", Self.y), Self.stored("b.npy", Self.y)])
        let npz = try NPZArchive(bytes: archive, inflatedLimit: 200)
        #expect(try npz.arrays(named: ["a"]) == ["a": Self.y])
        let error = thrownError { () throws(DataFormatError) in try npz.arrays(named: ["a", "b"]) }
        #expect(error?.member == "b.npy")
        #expect(error?.message == "member declares 144 bytes; at most 200 inflated bytes are read from one archive (56 of them left)")
    }

    @Test func moreThanDeflateCanProduceIsRefusedUnread() throws {
        let member = Member(name: "X.npy", method: 8, data: [0x03, 0x00], uncompressedSize: 1 << 20, crc: 0)
        let error = try #require(refusal(Self.archive([member]), reading: ["X"]))
        #expect(error.message == "member declares \(1 << 20) bytes from 2 compressed bytes, more than deflate can produce")
    }

    /// A 2 GiB bomb beside the members a reader needs is never inflated.
    @Test func bombInAnUnusedMemberIsNotTouched() throws {
        let bomb = Self.zeroBomb(header: Self.header(count: 2), mebibytes: 2048)
        let archive = Self.archive([Self.stored("X.npy", Self.X), Self.stored("y.npy", Self.y),
                                    Member(name: "junk.npy", method: 8, data: bomb, uncompressedSize: 144, crc: 0)])
        let clock = ContinuousClock(), start = clock.now
        let npz = try NPZArchive(bytes: archive)
        #expect(npz.keys == ["X", "y", "junk"])
        #expect(try npz.arrays(named: ["X", "y"]) == ["X": Self.X, "y": Self.y])
        #expect(clock.now - start < .seconds(2))
        #expect(refusal(archive, reading: ["junk"])?.member == "junk.npy")
    }

    /// 4,000 directory records pointing at one compressed kernel: refused from the directory.
    @Test func overlappingMembersAreRefused() throws {
        let kernel = Self.zeroBomb(header: Self.header(count: 1 << 17), mebibytes: 1)
        let member = Member(name: "k0.npy", method: 8, data: kernel, uncompressedSize: 128 + (1 << 20), crc: 0)
        let archive = Self.archive([member], directory: (0..<4000).map { (0, "k\($0).npy") })
        let clock = ContinuousClock(), start = clock.now
        let error = try #require(thrownError { () throws(DataFormatError) in try NPZArchive(bytes: archive) })
        #expect(clock.now - start < .seconds(2))
        #expect(error.message.hasPrefix("members 'k"))
        #expect(error.message.hasSuffix("each byte of an archive may belong to one member only"))
        #expect(error.description.count < 200)
        // Data running into the central directory is refused too: 4 more bytes declared.
        let short = Self.stored("y.npy", Self.y)
        var stretched = Self.archive([short])
        let central = 30 + 5 + short.data.count
        for field in [central + 20, central + 24] {
            stretched.replaceSubrange(field..<field + 4, with: bytes(UInt32(short.data.count + 4)))
        }
        #expect(thrownError { () throws(DataFormatError) in try NPZArchive(bytes: stretched) }?.message
            == "member data overlaps the central directory")
    }

    @Test func tooManyMembersAreRefused() throws {
        let member = Self.stored("a.npy", Self.y)
        let archive = Self.archive([member], directory: (0...ZipReader.maximumMembers).map { (0, "a\($0).npy") })
        #expect(thrownError { () throws(DataFormatError) in try NPZArchive(bytes: archive) }?.message
            == "archive lists 10001 members; at most 10000 are accepted")
    }
}
