import DataFormats
/// String literals: escapes, `\uXXXX` with surrogate pairs, and UTF-8 checks.
/// Kept apart from the structural parser because it is the fiddly part.
extension JSONParser {
    /// Parses a string starting at the opening quote; `pos` ends after the closing quote.
    mutating func parseString() throws(DataFormatError) -> String {
        let open = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("unterminated string", at: open) }
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: "\""):
                pos += 1
                // Every byte was validated as UTF-8 or produced from a valid scalar.
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw error("control character U+\(hex4(UInt32(byte))) must be escaped in a string")
            case 0x20..<0x80:
                out.append(byte)
                pos += 1
            default:
                guard let length = utf8SequenceLength(at: pos) else { throw error("invalid UTF-8 in string") }
                out.append(contentsOf: bytes[pos..<pos + length])
                pos += length
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(DataFormatError) {
        let start = pos
        pos += 1
        guard pos < bytes.count else { throw error("unterminated string", at: start) }
        let simple: UInt8?
        switch bytes[pos] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(bytes[pos])))' in string", at: start)
        }
        if let simple {
            out.append(simple)
            pos += 1
            return
        }
        pos += 1
        var code = try parseHex4(escapeStart: start)
        if (0xDC00...0xDFFF).contains(code) {
            throw error("unpaired low surrogate \\u\(hex4(code)) in string", at: start)
        }
        if (0xD800...0xDBFF).contains(code) {
            guard bytes.count - pos >= 2, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw error("unpaired high surrogate \\u\(hex4(code)) in string", at: start)
            }
            let lowStart = pos
            pos += 2
            let low = try parseHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("high surrogate \\u\(hex4(code)) is not followed by a low surrogate", at: start)
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        // Surrogates were handled above, so this scalar always exists.
        if let scalar = Unicode.Scalar(code) { out.append(contentsOf: Array(String(scalar).utf8)) }
    }

    private mutating func parseHex4(escapeStart: Int) throws(DataFormatError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count, let digit = hexValue(bytes[pos]) else {
                throw error("\\u must be followed by four hex digits", at: escapeStart)
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// Length of the well-formed UTF-8 sequence at `i` (rejecting overlongs,
    /// surrogates and values past U+10FFFF), or nil if it is malformed.
    func utf8SequenceLength(at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard bytes.count - i >= length else { return nil }
        guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return nil }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

/// Four upper-case hex digits, e.g. `001F`.
func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
}
