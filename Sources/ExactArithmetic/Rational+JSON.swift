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
    public static func number(_ x: Double) -> JSONValue { numberText(x).map { .number($0) } ?? .null }

    /// The text of a nearest double as a JSON number, nil when infinite: Swift prints the
    /// shortest text that reads back to the same double (at most 24 characters).
    static func numberText(_ x: Double) -> String? { x.isFinite ? (x == 0 ? "0.0" : "\(x)") : nil }

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
    /// At most how many bytes `write(_:to:)` takes for q: the quoted "p/q", or a double's text.
    public func capacity(_ q: Rational) -> Int { self == .exactStrings ? q.quotedTextCapacity : 32 }

    /// At most how many bytes `write(_:to:indent:)` takes for v.
    public func capacity(_ v: [Rational], indent: Int) -> Int {
        var elements = 0
        if self == .exactStrings { for q in v { elements += q.quotedTextCapacity } } else { elements = 32 * v.count }
        return JSONCursor.scalarArrayCapacity(count: v.count, elements: elements, indent: indent)
    }

    /// `self(q)`'s bytes (what `append(_:to:)` writes) through a cursor with room for `capacity(q)`.
    public func write(_ q: Rational, to cursor: inout JSONCursor) {
        var none = Rational.DenominatorDigits()
        write(q, to: &cursor, reusing: &none)
    }

    /// `optional(q)`'s bytes through a cursor with room for `capacity(q)` (or 4 for `null`).
    public func write(optional q: Rational?, to cursor: inout JSONCursor) {
        if let q { write(q, to: &cursor) } else { cursor.text("null") }
    }

    /// `self(v)`'s bytes (`append(_:to:indent:)`'s) through a cursor with room for
    /// `capacity(v, indent:)`; in exact strings a repeated big denominator is converted to decimal once.
    public func write(_ v: [Rational], to cursor: inout JSONCursor, indent: Int) {
        var denominator = Rational.DenominatorDigits()
        switch self {
        case .exactStrings:
            cursor.scalarArray(count: v.count, indent: indent) { i, cursor in v[i].writeQuoted(to: &cursor, reusing: &denominator) }
        case .nearestDouble:
            cursor.scalarArray(count: v.count, indent: indent) { i, cursor in ExactJSON.nearestDouble.write(v[i], to: &cursor, reusing: &denominator) }
        }
    }

    private func write(_ q: Rational, to cursor: inout JSONCursor, reusing denominator: inout Rational.DenominatorDigits) {
        switch self {
        case .exactStrings: q.writeQuoted(to: &cursor, reusing: &denominator)
        case .nearestDouble:
            if let text = ExactJSON.numberText(q.doubleValue) { cursor.ascii(text) } else { cursor.text("null") }
        }
    }
}
