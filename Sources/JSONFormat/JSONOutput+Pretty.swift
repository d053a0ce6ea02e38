/// Writing pretty JSON piece by piece, straight into the output, with the bytes
/// `JSONValue.write(to:indent:)` gives for the same tree: for documents written once per item of
/// a long stream (a path's knots), where building a `JSONValue` tree per item would cost more
/// than the numbers in it. The caller writes the members in order; every scalar written through
/// these functions must be ASCII (the one-line rule counts characters, here bytes).
extension JSONOutput {
    /// Opens a pretty object's member at `indent` (the object's own indent): `{` and a newline
    /// before the first, `,` and a newline before the others, then the key and `": "`.
    public mutating func appendMember(_ key: String, first: Bool, indent: Int) {
        if first { bytes.append(UInt8(ascii: "{")) } else { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        appendSpaces(indent + 2)
        appendQuoted(key)
        append(": ")
    }

    /// Closes an object opened by `appendMember` (with at least one member) at `indent`.
    public mutating func appendObjectEnd(indent: Int) {
        append("\n")
        appendSpaces(indent)
        append("}")
    }

    /// A member (not the first) holding indices, as `JSONValue.indices` writes them.
    public mutating func appendIndexMember(_ key: String, _ indices: [Int], indent: Int) {
        appendMember(key, first: false, indent: indent)
        appendScalarArray(count: indices.count, indent: indent + 2) { $1.appendInteger(indices[$0]) }
    }

    /// One ASCII byte (a quote, a separator).
    public mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
        flushIfFull()
    }

    /// An integer as a JSON number (`JSONValue.integer`).
    public mutating func appendInteger(_ n: Int) {
        appendDecimal(Int64(n))
    }

    /// `true` or `false`.
    public mutating func appendBool(_ flag: Bool) { append(flag ? "true" : "false") }

    /// The decimal digits of `n`, with a minus sign when negative (no allocation).
    public mutating func appendDecimal(_ n: Int64) {
        var magnitude = n.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude != 0
            if n < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
        flushIfFull()
    }

    /// Appends the bytes `body` writes into a buffer of `capacity` bytes; it returns how many it
    /// wrote (at most `capacity`).
    public mutating func appendBytes(capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: capacity))
        let written = bytes.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        precondition(written >= 0 && written <= capacity, "appendBytes wrote outside its buffer")
        bytes.removeLast(capacity - written)
        flushIfFull()
    }

    /// An array of `count` scalars, `element(i, &self)` writing scalar i, laid out as
    /// `JSONValue.array(…).write(to:indent:)` lays it out: `[]` when empty, on one line when it
    /// fits within `JSONValue.prettyLineWidth` at `indent`, else one element per line.
    public mutating func appendScalarArray(count: Int, indent: Int, _ element: (Int, inout JSONOutput) -> Void) {
        guard count > 0 else { return append("[]") }
        let held = holdsFlush
        holdsFlush = true
        var bounds = elementBounds
        elementBounds = []
        bounds.removeAll(keepingCapacity: true)
        let start = bytes.count
        bytes.append(UInt8(ascii: "["))
        for i in 0..<count {
            if i > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(UInt8(ascii: " "))
            }
            bounds.append(bytes.count)
            element(i, &self)
            bounds.append(bytes.count)
        }
        // One line while indent + "[a, b, …" stays under the width (JSONValue's oneLineLength).
        if indent + (bytes.count - start) < JSONValue.prettyLineWidth {
            bytes.append(UInt8(ascii: "]"))
        } else {
            spreadOverLines(from: start, bounds: bounds, indent: indent)
        }
        elementBounds = bounds
        holdsFlush = held
        flushIfFull()
    }

    /// Rewrites "[a, b, …" (from `start`, element i at bounds[2i]..<bounds[2i+1]) in place as
    /// "[\n" + per element (indent + 2) spaces, the element, "," but after the last, "\n" + indent
    /// spaces + "]". Elements move only towards the end (element i by 1 + (i + 1)(indent + 2) bytes
    /// or more), so moving them from the last to the first never overwrites one not yet moved:
    /// no copy of the array (a saddle's q is tens of MB of digits).
    private mutating func spreadOverLines(from start: Int, bounds: [Int], indent: Int) {
        let count = bounds.count / 2, space = UInt8(ascii: " ")
        var length = 2 + indent + 1 // "[\n" … spaces "]"
        for i in 0..<count { length += indent + 2 + (bounds[2 * i + 1] - bounds[2 * i]) + (i + 1 < count ? 2 : 1) }
        let oldEnd = bytes.count
        bytes.append(contentsOf: repeatElement(space, count: max(0, start + length - oldEnd)))
        bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var end = start + length // where what is still to be placed ends
            base[end - 1] = UInt8(ascii: "]")
            end -= 1 + indent
            (base + end).update(repeating: space, count: indent)
            for i in stride(from: count - 1, through: 0, by: -1) {
                base[end - 1] = UInt8(ascii: "\n")
                end -= 1
                if i + 1 < count {
                    base[end - 1] = UInt8(ascii: ",")
                    end -= 1
                }
                let size = bounds[2 * i + 1] - bounds[2 * i]
                end -= size
                (base + end).update(from: base + bounds[2 * i], count: size) // memmove: may overlap
                end -= indent + 2
                (base + end).update(repeating: space, count: indent + 2)
            }
            base[start] = UInt8(ascii: "[")
            base[start + 1] = UInt8(ascii: "\n")
        }
    }
}
