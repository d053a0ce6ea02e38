#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw writing of pretty JSON into memory sized beforehand, for the items of a long stream (a
/// path's knots): no bounds or uniqueness check per byte, one copy into the output per item. The
/// bytes are those of `JSONOutput+Pretty` (and so of the tree writer) for the same calls; every
/// scalar must be ASCII. The caller sizes the memory (`scalarArrayCapacity` and the like); writing
/// past it is a precondition failure caught at the end of `JSONOutput.compose`.
public struct JSONCursor {
    /// The next byte to write.
    public var position: UnsafeMutablePointer<UInt8>

    @inlinable public init(_ position: UnsafeMutablePointer<UInt8>) { self.position = position }

    @inlinable public mutating func byte(_ b: UInt8) {
        position.pointee = b
        position += 1
    }

    /// ASCII text (keys, `true`, separators).
    @inlinable public mutating func text(_ s: StaticString) {
        position.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        position += s.utf8CodeUnitCount
    }

    /// ASCII text held in a `String` (a number's text).
    public mutating func ascii(_ s: String) {
        var s = s
        s.withUTF8 { bytes in
            position.update(from: bytes.baseAddress!, count: bytes.count)
            position += bytes.count
        }
    }

    @inlinable public mutating func spaces(_ count: Int) {
        position.update(repeating: UInt8(ascii: " "), count: count)
        position += count
    }

    /// `n` in decimal (at most 20 bytes).
    public mutating func integer(_ n: Int) {
        if n < 0 { byte(UInt8(ascii: "-")) }
        var m = n.magnitude, count = 1, bound: UInt = 10
        while count < 20 && m >= bound { count += 1; bound &*= 10 }
        var p = position + count
        repeat {
            p -= 1
            p.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        } while m != 0
        position += count
    }

    /// `JSONOutput.appendMember`: `{` or `,`, a newline, the key at `indent + 2` and `": "`
    /// (at most `indent + key + 8` bytes).
    @inlinable public mutating func member(_ key: StaticString, first: Bool, indent: Int) {
        byte(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        byte(UInt8(ascii: "\n"))
        spaces(indent + 2)
        byte(UInt8(ascii: "\""))
        text(key)
        text("\": ")
    }

    /// `JSONOutput.appendObjectEnd` (`indent + 2` bytes).
    @inlinable public mutating func objectEnd(indent: Int) {
        byte(UInt8(ascii: "\n"))
        spaces(indent)
        byte(UInt8(ascii: "}"))
    }

    @inlinable public mutating func bool(_ flag: Bool) { flag ? text("true") : text("false") }

    /// The most bytes `scalarArray` writes for `count` scalars of at most `elements` bytes in all.
    @inlinable public static func scalarArrayCapacity(count: Int, elements: Int, indent: Int) -> Int {
        elements + count * (indent + 4) + indent + 4
    }

    /// `JSONOutput.appendScalarArray`'s layout: `[]`, one line while it fits within
    /// `JSONValue.prettyLineWidth` at `indent`, else one element per line. Written on one line
    /// first and, when too long, spread out in place (the elements move back to front).
    public mutating func scalarArray(count: Int, indent: Int, _ element: (Int, inout JSONCursor) -> Void) {
        guard count > 0 else { return text("[]") }
        let start = position
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { bounds in
            byte(UInt8(ascii: "["))
            for i in 0..<count {
                if i > 0 { text(", ") }
                bounds[2 * i] = position - start
                element(i, &self)
                bounds[2 * i + 1] = position - start
            }
            if indent + (position - start) < JSONValue.prettyLineWidth { return byte(UInt8(ascii: "]")) }
            // New place of each element: "[\n", then per element indent + 2 spaces, it, ",\n".
            var end = 2
            for i in 0..<count { end += indent + 2 + (bounds[2 * i + 1] - bounds[2 * i]) + (i + 1 < count ? 2 : 1) }
            var next = end // where the element after i begins its line
            for i in stride(from: count - 1, through: 0, by: -1) {
                let length = bounds[2 * i + 1] - bounds[2 * i]
                let separator = i + 1 < count ? 2 : 1
                let to = next - separator - length
                memmove(start + to, start + bounds[2 * i], length) // to ≥ from: back to front
                if separator == 2 { start[to + length] = UInt8(ascii: ",") }
                start[next - 1] = UInt8(ascii: "\n")
                (start + to - indent - 2).update(repeating: UInt8(ascii: " "), count: indent + 2)
                next = to - indent - 2
            }
            start[1] = UInt8(ascii: "\n")
            position = start + end
            spaces(indent)
            byte(UInt8(ascii: "]"))
        }
    }
}

extension JSONOutput {
    /// Appends what `body` writes through a cursor over `capacity` bytes of scratch memory (at
    /// least what it writes), with one copy.
    public mutating func compose(capacity: Int, _ body: (inout JSONCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var cursor = JSONCursor(buffer.baseAddress!)
            body(&cursor)
            let count = cursor.position - buffer.baseAddress!
            precondition(count <= capacity, "JSONCursor wrote past its memory")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
        flushIfFull()
    }
}
