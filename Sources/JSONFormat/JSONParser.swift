import DataFormats
import Foundation

extension JSONValue {
    /// Deepest nesting of arrays/objects accepted, so hostile input cannot
    /// exhaust memory or the stack of code that later walks the tree.
    public static let maximumDepth = 512

    /// Parses one JSON text (RFC 8259, strict): no trailing garbage, no
    /// NaN/Infinity, no leading zeros, no trailing commas, no duplicate keys,
    /// no lone surrogates. A leading UTF-8 byte order mark is ignored.
    public static func parse(_ text: String) throws(DataFormatError) -> JSONValue {
        try parse(utf8: Array(text.utf8))
    }

    /// Parses UTF-8 encoded JSON; invalid UTF-8 inside strings is an error.
    public static func parse(_ data: Data) throws(DataFormatError) -> JSONValue {
        try parse(utf8: [UInt8](data))
    }

    /// Parses UTF-8 encoded JSON bytes.
    public static func parse(utf8 bytes: [UInt8]) throws(DataFormatError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Reads and parses a JSON file; errors name the file.
    public static func read(contentsOf url: URL) throws(DataFormatError) -> JSONValue {
        let data = try readFileData(url)
        return try attributing(to: url) { () throws(DataFormatError) in try parse(data) }
    }
}

/// Iterative (explicit-stack) RFC 8259 parser over UTF-8 bytes.
/// Iterative so that depth is bounded by `maximumDepth`, not by the call stack.
struct JSONParser {
    let bytes: [UInt8]
    var pos = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// An open container waiting for its next element. Frames are mutated in
    /// place through the stack (`stack[top].items.append`) so that appending
    /// never copies the elements gathered so far.
    private struct Frame {
        var isObject: Bool
        var items: [JSONValue] = []
        var object = JSONObject()
        var pendingKey = ""
    }

    mutating func parseDocument() throws(DataFormatError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(DataFormatError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input: expected a value") }
            var value: JSONValue
            switch bytes[pos] {
            case UInt8(ascii: "["):
                guard stack.count < JSONValue.maximumDepth else { throw nestingError() }
                pos += 1
                skipWhitespace()
                if peek(UInt8(ascii: "]")) { pos += 1; value = .array([]); break }
                stack.append(Frame(isObject: false))
                continue
            case UInt8(ascii: "{"):
                guard stack.count < JSONValue.maximumDepth else { throw nestingError() }
                pos += 1
                skipWhitespace()
                if peek(UInt8(ascii: "}")) { pos += 1; value = .object(JSONObject()); break }
                let key = try parseKey(for: JSONObject())
                stack.append(Frame(isObject: true, pendingKey: key))
                continue
            case UInt8(ascii: "\""): value = .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                throw error("NaN and Infinity are not valid JSON numbers")
            default:
                throw error("expected a value")
            }
            // Hand the finished value to the enclosing containers, closing any that end here.
            while let top = stack.indices.last {
                skipWhitespace()
                let next: UInt8? = pos < bytes.count ? bytes[pos] : nil
                if stack[top].isObject {
                    stack[top].object[stack[top].pendingKey] = value
                    if next == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        if peek(UInt8(ascii: "}")) { throw error("trailing comma in object") }
                        stack[top].pendingKey = try parseKey(for: stack[top].object)
                        break  // parse the next member's value
                    } else if next == UInt8(ascii: "}") {
                        pos += 1
                        value = .object(stack.removeLast().object)
                    } else {
                        throw error(next == nil ? "unexpected end of input: expected ',' or '}' in object"
                                                : "expected ',' or '}' in object")
                    }
                } else {
                    stack[top].items.append(value)
                    if next == UInt8(ascii: ",") {
                        pos += 1
                        skipWhitespace()
                        if peek(UInt8(ascii: "]")) { throw error("trailing comma in array") }
                        break  // parse the next element
                    } else if next == UInt8(ascii: "]") {
                        pos += 1
                        value = .array(stack.removeLast().items)
                    } else {
                        throw error(next == nil ? "unexpected end of input: expected ',' or ']' in array"
                                                : "expected ',' or ']' in array")
                    }
                }
            }
            if stack.isEmpty { return value }
        }
    }

    /// Parses `"key" :` and rejects keys already present in `object`.
    private mutating func parseKey(for object: JSONObject) throws(DataFormatError) -> String {
        guard peek(UInt8(ascii: "\"")) else {
            throw error(pos < bytes.count ? "expected a string key in object"
                                          : "unexpected end of input: expected a string key in object")
        }
        let keyStart = pos
        let key = try parseString()
        if object[key] != nil { throw error("duplicate key \"\(key)\" in object", at: keyStart) }
        skipWhitespace()
        guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after object key") }
        pos += 1
        return key
    }

    private mutating func expectLiteral(_ word: String) throws(DataFormatError) {
        let expected = Array(word.utf8)
        guard bytes.count - pos >= expected.count, bytes[pos..<pos + expected.count].elementsEqual(expected) else {
            throw error("invalid literal (expected '\(word)')")
        }
        pos += expected.count
    }

    private mutating func parseNumber() throws(DataFormatError) -> String {
        let start = pos
        if let end = JSONParser.numberLiteralEnd(bytes, from: pos) {
            pos = end
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        // Re-scan to say precisely what is wrong and where.
        var i = pos
        if bytes[i] == UInt8(ascii: "-") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "I") {
                throw error("NaN and Infinity are not valid JSON numbers", at: start)
            }
            if i >= bytes.count || !isDigit(bytes[i]) { throw error("expected a digit after '-'", at: i) }
        }
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count, isDigit(bytes[i + 1]) {
            throw error("leading zeros are not allowed in numbers", at: start)
        }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if i >= bytes.count || !isDigit(bytes[i]) { throw error("expected a digit after the decimal point", at: i) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        // Only the exponent can be wrong now: skip 'e'/'E' and an optional sign.
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        throw error("expected a digit in the exponent", at: i)
    }

    /// End offset of a valid number literal starting at `start`, or nil.
    /// Leading zeros make it invalid (a digit may not follow a lone `0`).
    static func numberLiteralEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        func digits() -> Int {
            let first = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return i - first
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { return nil }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { return nil }
        } else {
            _ = digits()
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return i
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    func peek(_ byte: UInt8) -> Bool { pos < bytes.count && bytes[pos] == byte }

    private func nestingError() -> DataFormatError {
        error("nesting deeper than \(JSONValue.maximumDepth) levels")
    }

    /// An error located at byte `offset` (default: the current position).
    func error(_ message: String, at offset: Int? = nil) -> DataFormatError {
        let (line, column) = JSONParser.lineAndColumn(in: bytes, at: offset ?? pos)
        return DataFormatError(message, at: .lineColumn(line: line, column: column))
    }

    /// 1-based line and column of a byte offset; CRLF counts as one line break
    /// and columns count Unicode scalars (UTF-8 continuation bytes are skipped).
    static func lineAndColumn(in bytes: [UInt8], at offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = Swift.min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
