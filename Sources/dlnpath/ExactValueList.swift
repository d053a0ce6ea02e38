import ExactArithmetic
import Foundation

/// The exact values of an `--at` style option, which may look negative.
///
/// Commands declare the option with `.unconditionalSingleValue` (so `--at -1` reaches this check
/// instead of being taken for an unknown option) plus a hidden `.allUnrecognized` argument that
/// catches the further values of `--at 1/10 1/100`. Commas also separate values.
enum ExactValueList {
    /// Parses the values; each must be ≥ `minimum` (or > it when `strict`). Anything
    /// unrecognized that is not a number is bad usage (exit 2).
    static func parse(
        _ values: [String], unrecognized: [String], option: String, quantity: String,
        minimum: Rational = .zero, strict: Bool = false, command: String
    ) throws -> [Rational] {
        func pieces(_ token: String) -> [String] {
            token.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for token in unrecognized where values.isEmpty || pieces(token).contains(where: { (try? Rational(parsing: $0)) == nil }) {
            throw CLIFailure.badInput("unexpected argument '\(token)' (see 'dlnpath \(command) --help')")
        }
        return try (values + unrecognized).flatMap(pieces).map { text in
            guard let value = try? Rational(parsing: text) else { throw CLIFailure.badInput("\(option): '\(NumberText.quote(text))' is not a number") }
            if value < minimum || (strict && value == minimum) {
                throw CLIFailure.badInput("\(option): \(quantity) = \(NumberText.quote(text)) is \(value.signum < 0 ? "negative" : "out of range"); it must be \(strict ? ">" : "≥") \(minimum)")
            }
            return value
        }
    }
}
