import CZlib
import Foundation
import Testing

/// `.npz` archive bombs through the command line: refused with exit 2 and one short line, or (a
/// bomb in a member no command reads) ignored. Archives are built here, byte by byte.
@Suite("CLI: archive bombs") struct ArchiveBombCLITests {
    static func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// A version-1.0 `.npy` file of float64 values with the given shape text.
    static func npy(_ values: [Double], shape: String) -> [UInt8] {
        let text = Array("{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }".utf8)
        let padding = (64 - (10 + text.count + 1) % 64) % 64
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0] + le(UInt16(text.count + padding + 1)) + text
            + [UInt8](repeating: 0x20, count: padding) + [0x0A] + values.flatMap { le($0.bitPattern) }
    }

    static func crc(_ data: [UInt8]) -> UInt32 {
        UInt32(data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) })
    }

    /// (name, method, data, declared uncompressed size); `directory` repeats member 0 under
    /// other names when given.
    static func archive(_ members: [(String, UInt16, [UInt8], UInt32)], repeats: Int = 0) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        var records: [(name: [UInt8], common: [UInt8], offset: Int)] = []
        for (name, method, data, size) in members {
            let nameBytes = Array(name.utf8)
            let common = le(UInt16(20)) + le(UInt16(0)) + le(method) + le(UInt32(0))
                + le(method == 0 ? crc(data) : 0) + le(UInt32(data.count)) + le(size)
                + le(UInt16(nameBytes.count)) + le(UInt16(0))
            records.append((nameBytes, common, out.count))
            out += le(UInt32(0x0403_4B50)) + common + nameBytes + data
        }
        for k in 0..<repeats { records.append((Array("k\(k).npy".utf8), records[0].common, records[0].offset)) }
        for r in records {
            var common = r.common
            common.replaceSubrange(22..<24, with: le(UInt16(r.name.count)))
            central += le(UInt32(0x0201_4B50)) + le(UInt16(20)) + common + le(UInt16(0)) + le(UInt16(0))
                + le(UInt16(0)) + le(UInt32(0)) + le(UInt32(r.offset)) + r.name
        }
        let centralOffset = out.count
        return out + central + le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0))
            + le(UInt16(records.count)) + le(UInt16(records.count)) + le(UInt32(central.count))
            + le(UInt32(centralOffset)) + le(UInt16(0))
    }

    static let X = npy([2, 0, 0, 1], shape: "(2, 2)")
    static let y = npy([1, -1], shape: "(2,)")

    func write(_ bytes: [UInt8]) throws -> String {
        let path = try temporaryInput("bomb.npz", "")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectRefused(_ bytes: [UInt8], member: String) throws {
        let file = try write(bytes)
        let clock = ContinuousClock(), start = clock.now
        let run = try runDLNPath(["inspect", file])
        #expect(clock.now - start < .seconds(3))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(file) && run.stderr.contains("member '\(member)'"), "\(run.stderr)")
        #expect(run.stderr.count < 400 && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    /// X declares 2 GiB of doubles (header and directory agree): over the 1 GiB limit, refused
    /// before inflating (its compressed bytes are never read).
    @Test func twoGibibyteMember() throws {
        let header = Self.npy([], shape: "(268435456, 1)")
        let junk = [UInt8](repeating: 0x55, count: 1 << 21)
        try expectRefused(Self.archive([("X.npy", 8, junk, UInt32(header.count) + (1 << 31)), ("y.npy", 0, Self.y, UInt32(Self.y.count))]),
                          member: "X.npy")
    }

    /// A 2 GiB bomb in a member beside X and y is refused by its name, as any extra member is,
    /// from the archive's directory: it is never inflated.
    @Test func bombInAnExtraMember() throws {
        let junk = [UInt8](repeating: 0x55, count: 1 << 21)
        let file = try write(Self.archive([("X.npy", 0, Self.X, UInt32(Self.X.count)), ("y.npy", 0, Self.y, UInt32(Self.y.count)),
                                           ("junk.npy", 8, junk, UInt32.max)]))
        let run = try runDLNPath(["inspect", file])
        #expect(run.status == 2 && run.stderr.contains("\(file): member 'junk' beside X and y"), "\(run.stderr)")
    }

    /// 4,000 directory records that all point at X's local header and data.
    @Test func overlappingMembers() throws {
        let bytes = Self.archive([("X.npy", 0, Self.X, UInt32(Self.X.count)), ("y.npy", 0, Self.y, UInt32(Self.y.count))], repeats: 4000)
        let file = try write(bytes)
        let run = try runDLNPath(["inspect", file])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("overlap"), "\(run.stderr)")
        #expect(run.stderr.count < 400, "\(run.stderr)")
    }
}
