/// A JSON document as parsed, with numbers kept as their exact literal text.
///
/// Numbers are never converted to `Double` here: the text (e.g. `"-1.25e-3"`)
/// goes to the exact-arithmetic layer untouched, so no rounding can sneak in.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written in the source, e.g. `"0.1"`, `"-0"`, `"2.5E+10"`.
    /// When you build one yourself it must be a valid JSON number literal
    /// (see `JSONValue.isValidNumberLiteral`); the writer emits it verbatim.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The elements, or nil if this is not an array.
    public var asArray: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members, or nil if this is not an object.
    public var asObject: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The string, or nil if this is not a string.
    public var asString: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean, or nil if this is not a boolean.
    public var asBool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The exact number literal text, or nil if this is not a number.
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// Member lookup; nil if this is not an object or has no such key.
    public subscript(key: String) -> JSONValue? {
        asObject?[key]
    }

    /// Element lookup; nil if this is not an array or the index is out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Whether `text` is a number literal RFC 8259 accepts (`-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`).
    public static func isValidNumberLiteral(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return JSONParser.numberLiteralEnd(bytes, from: 0) == bytes.count && !bytes.isEmpty
    }
}

/// Literals make hand-built documents (tests, certificates) readable.
/// There is deliberately no float literal: it would pass through `Double`.
extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
