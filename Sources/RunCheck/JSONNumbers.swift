import DataFormats
import ExactArithmetic

// RunCheck's JSON numbers: exact values as "p/q" strings, floating-point measurements as JSON
// numbers (null when not finite).
extension JSONValue {
    static func exactText(_ q: Rational) -> JSONValue { .string(q.description) }
    static func optionalExactText(_ q: Rational?) -> JSONValue { q.map(exactText) ?? .null }
    static func measured(_ x: Double) -> JSONValue { x.isFinite ? .number("\(x)") : .null }
    static func measured(_ x: Double?) -> JSONValue { x.map { measured($0) } ?? .null }
    static func measured(_ v: [Double]) -> JSONValue { .array(v.map { measured($0) }) }
    static func count(_ n: Int) -> JSONValue { .number(String(n)) }
}
