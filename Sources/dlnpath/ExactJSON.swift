import JSONFormat
import ExactArithmetic
import Foundation

/// Machine output: every number is an exact string "p/q" (reduced, positive denominator,
/// "p" when the denominator is 1), never a JSON float.
extension JSONValue {
    static func exact(_ q: Rational) -> JSONValue { .string(q.description) }
    static func exact(_ v: [Rational]) -> JSONValue { .array(v.map(exact)) }
    static func exact(_ m: [[Rational]]) -> JSONValue { .array(m.map(exact)) }
    static func optionalExact(_ q: Rational?) -> JSONValue { q.map(exact) ?? .null }
    /// A JSON number for display-only approximations (never read back as exact).
    static func approximate(_ x: Double) -> JSONValue { x.isFinite ? .number("\(x)") : .null }
}

/// Prints a JSON document on standard output, pretty and stable.
func printJSON(_ value: JSONValue) {
    print(value.serialized(pretty: true))
}
