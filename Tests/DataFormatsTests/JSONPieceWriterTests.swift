import SeededRandom
import Testing
@testable import JSONFormat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `JSONOutput`'s piece-by-piece writers (`appendMember`, `appendScalarArray`, …) give the bytes
/// `JSONValue.write(to:indent:)` gives for the same tree.
@Suite("JSON written piece by piece") struct JSONPieceWriterTests {
    static func tree(_ value: JSONValue, indent: Int) -> String {
        var out = JSONOutput()
        value.write(to: &out, indent: indent)
        return out.string
    }

    static func pieces(_ items: [JSONValue], indent: Int) -> String {
        var out = JSONOutput()
        out.appendScalarArray(count: items.count, indent: indent) { i, out in items[i].write(to: &out) }
        return out.string
    }

    /// Arrays whose one-line form ends just below, at, and just above the 100-character width:
    /// `[` + 9 items of 8 characters + 8 separators = 89 characters, so indent 10 is the last
    /// that stays on one line (10 + 89 = 99 < 100).
    @Test func scalarArraysSwitchToOneElementPerLineAtTheWidth() {
        let items = (0..<9).map { JSONValue.string(String(format: "%06d", $0)) }
        for indent in 8...12 {
            let text = Self.pieces(items, indent: indent)
            #expect(text == Self.tree(.array(items), indent: indent), "indent \(indent)")
            #expect(text.contains("\n") == (indent >= 11), "indent \(indent)")
        }
        #expect(Self.pieces([], indent: 4) == "[]")
        #expect(Self.pieces([.number("7")], indent: 98) == "[\n" + String(repeating: " ", count: 100) + "7\n" + String(repeating: " ", count: 98) + "]")
    }

    /// Seeded arrays of numbers, strings, booleans and nulls of every length up to 40, at
    /// indents 0…60, against the tree writer.
    @Test func seededScalarArraysMatchTheTreeWriter() {
        var rng = SplitMix64(seed: 11_2026)
        for trial in 0..<400 {
            let count = rng.nextInt(in: 0...40), indent = rng.nextInt(in: 0...60)
            let items: [JSONValue] = (0..<count).map { _ in
                switch rng.nextInt(in: 0...3) {
                case 0: return .number(String(rng.nextInt(in: -1_000_000...1_000_000)))
                case 1: return .string(String(repeating: "7", count: rng.nextInt(in: 0...30)) + "/3")
                case 2: return .bool(rng.nextInt(in: 0...1) == 1)
                default: return .null
                }
            }
            #expect(Self.pieces(items, indent: indent) == Self.tree(.array(items), indent: indent), "trial \(trial)")
        }
    }

    /// An object written member by member, with integers at the Int64 edges.
    @Test func objectsAndIntegersMatchTheTreeWriter() {
        let edges: [Int64] = [0, 1, -1, 9, 10, -10, Int64.max, Int64.min, Int64.min + 1, 1_000_000_007]
        var out = JSONOutput()
        out.appendMember("edges", first: true, indent: 2)
        out.appendScalarArray(count: edges.count, indent: 4) { i, out in out.appendDecimal(edges[i]) }
        out.appendMember("flag", first: false, indent: 2)
        out.appendBool(false)
        out.appendMember("n", first: false, indent: 2)
        out.appendInteger(-42)
        out.appendObjectEnd(indent: 2)
        let tree: JSONValue = .object(JSONObject([
            ("edges", .array(edges.map { .number(String($0)) })), ("flag", .bool(false)), ("n", .number("-42")),
        ]))
        #expect(out.string == Self.tree(tree, indent: 2))
        #expect(out.string.contains("\n      -9223372036854775808,\n      -9223372036854775807,\n")) // too long for one line
    }

    /// Bytes appended through a caller's buffer, and a long stream to a file descriptor that
    /// flushes in blocks while arrays are written (the array in progress is never split).
    @Test func appendBytesAndFlushingKeepTheText() throws {
        var out = JSONOutput()
        out.appendBytes(capacity: 8) { buffer in
            for (i, byte) in "abc".utf8.enumerated() { buffer[i] = byte }
            return 3
        }
        out.append("!")
        #expect(out.string == "abc!")

        let items = (0..<30).map { JSONValue.string(String(repeating: "9", count: 40 + $0)) }
        var expected = JSONOutput()
        let streamed = try ScratchFile.with(for: "a test") { file -> String in
            var out = JSONOutput(fileDescriptor: fileno(file))
            for _ in 0..<1200 {
                out.appendScalarArray(count: items.count, indent: 4) { i, out in items[i].write(to: &out) }
                JSONValue.array(items).write(to: &expected, indent: 4)
            }
            out.flush()
            rewind(file)
            var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 1 << 16)
            while case let count = fread(&buffer, 1, buffer.count, file), count > 0 { bytes += buffer[..<count] }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(streamed.utf8.count > 2 << 20)
        #expect(streamed == expected.string)
    }

    /// `JSONCursor`'s raw writes give `appendScalarArray`'s and `appendMember`'s bytes: arrays on
    /// both sides of the width (spread out in place), integers at the Int64 edges, within the
    /// capacity it states.
    @Test func cursorMatchesThePieceWriter() {
        var rng = SplitMix64(seed: 11_1204)
        let edges = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.min + 1, 1_000_000_007]
        for trial in 0..<400 {
            let count = rng.nextInt(in: 0...30), indent = rng.nextInt(in: 0...70)
            let items: [Int] = (0..<count).map { _ in
                rng.nextInt(in: 0...2) == 0 ? edges[rng.nextInt(in: 0...(edges.count - 1))] : rng.nextInt(in: -1_000_000...1_000_000)
            }
            var pieces = JSONOutput()
            pieces.appendMember("k", first: true, indent: indent)
            pieces.appendScalarArray(count: count, indent: indent + 2) { i, out in out.appendInteger(items[i]) }
            pieces.appendMember("flag", first: false, indent: indent)
            pieces.appendBool(trial % 2 == 0)
            pieces.appendObjectEnd(indent: indent)
            let capacity = 3 * (indent + 12) + JSONCursor.scalarArrayCapacity(count: count, elements: 20 * count, indent: indent + 2)
            var cursor = JSONOutput()
            cursor.compose(capacity: capacity) { c in
                c.member("k", first: true, indent: indent)
                c.scalarArray(count: count, indent: indent + 2) { i, c in c.integer(items[i]) }
                c.member("flag", first: false, indent: indent)
                c.bool(trial % 2 == 0)
                c.objectEnd(indent: indent)
            }
            #expect(cursor.string == pieces.string, "trial \(trial)")
        }
        // One line up to the width and spread out from it: `[` + 9 items of 6 digits + 8 separators.
        for indent in 30...50 {
            var cursor = JSONOutput()
            cursor.compose(capacity: JSONCursor.scalarArrayCapacity(count: 9, elements: 54, indent: indent)) { c in
                c.scalarArray(count: 9, indent: indent) { i, c in c.integer(100_000 + i) }
            }
            #expect(cursor.string.contains("\n") == (indent + 71 >= 100), "indent \(indent)")
            #expect(cursor.string == Self.tree(.array((0..<9).map { .number(String(100_000 + $0)) }), indent: indent))
        }
    }
}
