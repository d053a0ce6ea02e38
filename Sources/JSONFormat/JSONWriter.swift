extension JSONValue {
    /// Pretty output keeps an array of scalars on one line while the whole
    /// line (indent included) stays within this many characters.
    public static let prettyLineWidth = 100

    /// The JSON text for this value. Numbers are written as their literal
    /// text, keys in insertion order, strings escaped per RFC 8259.
    ///
    /// Compact output has no whitespace. Pretty output indents by two spaces
    /// and keeps short arrays of scalars (e.g. vectors) on a single line.
    /// Neither form ends with a newline.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        if pretty {
            writePretty(into: &out, indent: 0)
        } else {
            writeCompact(into: &out)
        }
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeCompact(into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += "," }
                writeJSONString(entry.key, into: &out)
                out += ":"
                entry.value.writeCompact(into: &out)
            }
            out += "}"
        default:
            writeScalar(into: &out)
        }
    }

    private func writePretty(into out: inout String, indent: Int) {
        let inner = String(repeating: " ", count: indent + 2)
        switch self {
        case .array(let items) where items.isEmpty:
            out += "[]"
        case .array(let items):
            if let line = oneLine(items, indent: indent) {
                out += line
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.writePretty(into: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let object) where object.isEmpty:
            out += "{}"
        case .object(let object):
            out += "{\n"
            let entries = object.entries
            for (i, entry) in entries.enumerated() {
                out += inner
                writeJSONString(entry.key, into: &out)
                out += ": "
                entry.value.writePretty(into: &out, indent: indent + 2)
                out += i + 1 < entries.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            writeScalar(into: &out)
        }
    }

    /// `[a, b, c]` if every element is a scalar and the line is short enough.
    private func oneLine(_ items: [JSONValue], indent: Int) -> String? {
        var line = "["
        for (i, item) in items.enumerated() {
            switch item {
            case .array, .object: return nil
            default: break
            }
            if i > 0 { line += ", " }
            item.writeScalar(into: &line)
            if indent + line.count >= JSONValue.prettyLineWidth { return nil }
        }
        return line + "]"
    }

    private func writeScalar(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeJSONString(text, into: &out)
        case .array, .object: break
        }
    }
}

/// Writes `text` as a quoted JSON string: `"` and `\` are escaped, control
/// characters use the short escapes or `\u00XX`; everything else is literal UTF-8.
func writeJSONString(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{00}"..."\u{1F}": out += "\\u" + hex4(scalar.value).lowercased()
        default: out.unicodeScalars.append(scalar)
        }
    }
    out += "\""
}
