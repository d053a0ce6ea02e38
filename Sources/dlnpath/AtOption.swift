import ArgumentParser
import ExactArithmetic

/// `--at v…` of `path` (penalties κ), `limit` and `compare` (times s): exact values, which may
/// look negative.
///
/// The option is taken unconditionally (so `--at -1` reaches the range check instead of being
/// taken for an unknown option), and a hidden catch-all argument takes the further values of
/// `--at 1/10 1/100`. `RationalList` reads and checks them.
struct AtOption: ParsableArguments {
    @Option(name: .customLong("at"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Evaluate at these exact values (κ for path, s for limit and compare): --at 1/10 1/100, or comma-separated.", valueName: "value"))
    var values: [String] = []

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unrecognized: [String] = []

    /// The values; anything unrecognized that is not a number is bad usage (exit 2), and so is a
    /// value `RationalList` refuses (its `RationalListError`).
    func parse(quantity: String, minimum: Rational = .zero, strict: Bool = false, command: String) throws -> [Rational] {
        for token in unrecognized where values.isEmpty || RationalList.pieces(token).contains(where: { (try? Rational(parsing: $0)) == nil }) {
            throw CLIFailure.badInput("unexpected argument '\(token)' (see 'dlnpath \(command) --help')")
        }
        return try RationalList.parse(values + unrecognized, option: "--at", quantity: quantity, minimum: minimum, strict: strict)
    }
}
