/// A list of exact values as a person types it — "1/10, 2" or several arguments — each in a
/// stated range: the `--at` lists of `path` (κ ≥ 0), `limit` (s ≥ 0) and `compare` (s > 0).
public enum RationalList {
    /// The values of one argument: commas separate; blanks (tabs and Unicode spaces) around a
    /// value are ignored.
    public static func pieces(_ token: String) -> [String] {
        token.split(separator: ",", omittingEmptySubsequences: false).map(NumberText.trimmingBlanks)
    }

    /// Parses every value of `tokens`; each must be ≥ `minimum` (> it when `strict`). An error
    /// names `option` and the `quantity` ("s", "κ") with the value as typed.
    public static func parse(_ tokens: [String], option: String, quantity: String,
                             minimum: Rational = .zero, strict: Bool = false) throws(RationalListError) -> [Rational] {
        var values: [Rational] = []
        for text in tokens.flatMap(pieces) {
            let value: Rational
            do { value = try Rational(parsing: text) } catch { throw RationalListError("\(option): \(error)") }
            if value < minimum || (strict && value == minimum) {
                throw RationalListError("\(option): \(quantity) = \(NumberText.quote(text)) is \(value.signum < 0 ? "negative" : "out of range"); it must be \(strict ? ">" : "≥") \(minimum)")
            }
            values.append(value)
        }
        return values
    }
}

/// A value of a `RationalList` that is not a number or out of range; `description` is the message.
public struct RationalListError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
