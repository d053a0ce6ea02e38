import JSONFormat
import ExactArithmetic
import Foundation

/// Shorthands for the commands that still build JSON by hand (flow, plot, search, check-solver).
extension JSONValue {
    static func exact(_ q: Rational) -> JSONValue { ExactJSON.exactStrings(q) }
    static func exact(_ v: [Rational]) -> JSONValue { ExactJSON.exactStrings(v) }
    static func exact(_ m: [[Rational]]) -> JSONValue { ExactJSON.exactStrings(m) }
    static func optionalExact(_ q: Rational?) -> JSONValue { ExactJSON.exactStrings.optional(q) }
    /// A JSON number for display-only approximations (never read back as exact).
    static func approximate(_ x: Double) -> JSONValue { x.isFinite ? .number("\(x)") : .null }
}

/// Prints a JSON document on standard output, pretty and stable, streamed in blocks (the
/// document is never one string in memory).
func printJSON(_ value: JSONValue) {
    fflush(nil) // whatever print() buffered goes first
    var out = JSONOutput(fileDescriptor: 1)
    value.write(to: &out)
    out.append("\n")
    out.flush()
}
