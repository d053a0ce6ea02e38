import ExactArithmetic

/// The exact values of an `--at` style option, which may look negative.
///
/// Commands declare the option with `.unconditionalSingleValue` (so `--at -1` reaches the range
/// check instead of being taken for an unknown option) plus a hidden `.allUnrecognized` argument
/// that catches the further values of `--at 1/10 1/100`. `RationalList` reads and checks them.
enum ExactValueList {
    /// The values; anything unrecognized that is not a number is bad usage (exit 2), and so is a
    /// value `RationalList` refuses (its `RationalListError`).
    static func parse(
        _ values: [String], unrecognized: [String], option: String, quantity: String,
        minimum: Rational = .zero, strict: Bool = false, command: String
    ) throws -> [Rational] {
        for token in unrecognized where values.isEmpty || RationalList.pieces(token).contains(where: { (try? Rational(parsing: $0)) == nil }) {
            throw CLIFailure.badInput("unexpected argument '\(token)' (see 'dlnpath \(command) --help')")
        }
        return try RationalList.parse(values + unrecognized, option: option, quantity: quantity, minimum: minimum, strict: strict)
    }
}
