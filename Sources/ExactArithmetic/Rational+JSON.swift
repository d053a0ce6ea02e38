import DataFormats
import JSONFormat

/// How exact values are written into a JSON document.
///
/// `.exactStrings` (the contract of every `--json` output): each value is the string "p/q"
/// (reduced, positive denominator, "p" when the denominator is 1). `.nearestDouble`
/// (`--json --float`): each value is the double nearest to it (ties to even) written as a JSON
/// number that reads back to exactly that double; a value beyond the double range (whose nearest
/// double is ±infinity, which JSON cannot hold) is written as `null`.
public enum ExactJSON: Sendable, Equatable {
    case exactStrings
    case nearestDouble

    /// One exact value.
    public func callAsFunction(_ q: Rational) -> JSONValue {
        switch self {
        case .exactStrings:
            return .string(q.description)
        case .nearestDouble:
            return ExactJSON.number(q.doubleValue)
        }
    }

    /// A nearest double as `.nearestDouble` writes it: `null` when infinite.
    public static func number(_ x: Double) -> JSONValue {
        // Swift prints the shortest text that reads back to the same double.
        x.isFinite ? .number(x == 0 ? "0.0" : "\(x)") : .null
    }

    public func callAsFunction(_ v: [Rational]) -> JSONValue { .array(v.map { self($0) }) }
    public func callAsFunction(_ m: [[Rational]]) -> JSONValue { .array(m.map { self($0) }) }
    /// `null` for nil (an infinite end, an undefined μ).
    public func optional(_ q: Rational?) -> JSONValue { q.map { self($0) } ?? .null }

    /// Writes `self(q)` straight into `out` (no `JSONValue`, no `String` for the exact form).
    public func append(_ q: Rational, to out: inout JSONOutput) {
        guard self == .exactStrings else { return self(q).write(to: &out) }
        out.appendByte(UInt8(ascii: "\""))
        q.appendDescription(to: &out)
        out.appendByte(UInt8(ascii: "\""))
    }

    /// Writes `optional(q)` straight into `out`.
    public func append(optional q: Rational?, to out: inout JSONOutput) {
        if let q { append(q, to: &out) } else { out.append("null") }
    }

    /// Writes `self(v)` straight into `out` (`JSONOutput.appendScalarArray`'s layout at `indent`).
    /// Fractions of one vector mostly share a few denominators (a path's knot, a direction, a
    /// saddle's q), so each one's digits are converted once and reused wherever it recurs.
    public func append(_ v: [Rational], to out: inout JSONOutput, indent: Int) {
        guard self == .exactStrings else {
            return out.appendScalarArray(count: v.count, indent: indent) { i, out in append(v[i], to: &out) }
        }
        var denominator = Rational.DenominatorDigits()
        out.appendScalarArray(count: v.count, indent: indent) { i, out in
            out.appendByte(UInt8(ascii: "\""))
            v[i].appendDescription(to: &out, reusing: &denominator)
            out.appendByte(UInt8(ascii: "\""))
        }
    }
}

extension JSONValue {
    /// Integers (counts, indices, signs) as JSON numbers.
    public static func integer(_ n: Int) -> JSONValue { .number(String(n)) }
    /// Indices as a JSON array of numbers, 0-based like numpy (the convention of every
    /// machine-readable output).
    public static func indices(_ v: [Int]) -> JSONValue { .array(v.map(integer)) }
}

extension ExactJSON {
    /// At most how many bytes `write(_:to:)` takes for q (quotes included).
    public static func capacity(_ q: Rational) -> Int { q.quotedTextCapacity }

    /// At most how many bytes `write(_:to:indent:)` takes for v.
    public static func capacity(_ v: [Rational], indent: Int) -> Int {
        var elements = 0
        for q in v { elements += q.quotedTextCapacity }
        return JSONCursor.scalarArrayCapacity(count: v.count, elements: elements, indent: indent)
    }

    /// `.exactStrings`' `"p/q"` through a cursor with room for `capacity(q)`.
    public static func write(_ q: Rational, to cursor: inout JSONCursor) {
        var none = Rational.DenominatorDigits()
        q.writeQuoted(to: &cursor, reusing: &none)
    }

    /// `.exactStrings`' vector (`append(_:to:indent:)`'s bytes) through a cursor with room for
    /// `capacity(v, indent:)`; a repeated big denominator is converted to decimal once.
    public static func write(_ v: [Rational], to cursor: inout JSONCursor, indent: Int) {
        var denominator = Rational.DenominatorDigits()
        cursor.scalarArray(count: v.count, indent: indent) { i, cursor in v[i].writeQuoted(to: &cursor, reusing: &denominator) }
    }
}
