import JSONFormat
import ExactArithmetic

// RunCheck's floating-point measurements as JSON numbers (null when not finite); exact values
// go through `ExactJSON` ("p/q" strings, or the nearest double with --float).
extension JSONValue {
    static func measured(_ x: Double) -> JSONValue { x.isFinite ? .number("\(x)") : .null }
    static func measured(_ x: Double?) -> JSONValue { x.map { measured($0) } ?? .null }
    static func measured(_ v: [Double]) -> JSONValue { .array(v.map { measured($0) }) }
}
