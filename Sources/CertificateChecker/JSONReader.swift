import JSONFormat
import ExactArithmetic

/// A JSON value together with its place in the document, with typed accessors that throw
/// `MalformedCertificate` naming that place. The parser (`CertificateParser`) is written with
/// these, so every shape error reads like "lasso.knots[3].x: expected 2 entries, found 3".
struct JSONReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    func fail(_ message: String) -> MalformedCertificate { MalformedCertificate(at: path, message) }

    /// The members of an object that has exactly the `required` keys plus any of `optional`;
    /// an unknown key is an error, so no field can be silently left unchecked.
    func object(required: [String], optional: [String] = []) throws(MalformedCertificate) -> [String: JSONReader] {
        guard let object = value.asObject else { throw fail("expected an object, found \(kind)") }
        for key in object.keys where !required.contains(key) && !optional.contains(key) {
            throw fail("unknown field \"\(key)\"")
        }
        var members: [String: JSONReader] = [:]
        for key in required {
            guard let member = object[key] else { throw fail("missing field \"\(key)\"") }
            members[key] = JSONReader(member, path: join(key))
        }
        for key in optional { if let member = object[key] { members[key] = JSONReader(member, path: join(key)) } }
        return members
    }

    func array(count expected: Int? = nil) throws(MalformedCertificate) -> [JSONReader] {
        guard let items = value.asArray else { throw fail("expected an array, found \(kind)") }
        if let expected, items.count != expected {
            throw fail("expected \(expected) entries, found \(items.count)")
        }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    func string() throws(MalformedCertificate) -> String {
        guard let text = value.asString else { throw fail("expected a string, found \(kind)") }
        return text
    }

    func bool() throws(MalformedCertificate) -> Bool {
        guard let flag = value.asBool else { throw fail("expected true or false, found \(kind)") }
        return flag
    }

    /// A JSON integer literal (no fraction, no exponent) within `range`.
    func int(in range: ClosedRange<Int>) throws(MalformedCertificate) -> Int {
        guard let text = value.numberText else { throw fail("expected an integer, found \(kind)") }
        guard let n = Int(text), range.contains(n) else {
            throw fail("expected an integer in \(range.lowerBound)...\(range.upperBound), found \(text)")
        }
        return n
    }

    /// An exact number: a string "p/q" in canonical form (see `ExactText`).
    func rational() throws(MalformedCertificate) -> Rational {
        guard let text = value.asString else {
            throw fail("expected an exact number as a string \"p/q\", found \(kind)")
        }
        guard let q = ExactText.rational(text) else {
            throw fail("\"\(NumberText.quote(text))\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\"")
        }
        return q
    }

    /// `null` or an exact number.
    func optionalRational() throws(MalformedCertificate) -> Rational? {
        value.isNull ? nil : try rational()
    }

    func vector(count: Int) throws(MalformedCertificate) -> [Rational] {
        var out: [Rational] = []
        for item in try array(count: count) { out.append(try item.rational()) }
        return out
    }

    private func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private var kind: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let text): return "the number \(text)"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
