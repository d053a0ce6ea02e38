import ArgumentParser
import ExactArithmetic
import ProblemDefinition

/// `--kappa-min K` / `--s-max S` (`EarlyStop`): stop at κ = K, or at time S where κ = λwd + 1/S.
struct StopOptions: ParsableArguments {
    @Option(name: .customLong("kappa-min"), parsing: .unconditional, help: ArgumentHelp(
        "Stop at penalty κ = K ≥ 0: the last knot is the exact solution at K (exact: 1/10, 0.25).", valueName: "K"))
    var kappaMin: String?

    @Option(name: .customLong("s-max"), parsing: .unconditional, help: ArgumentHelp(
        "Stop at time s = S > 0, i.e. at κ = λwd + 1/S; the limit keeps the saddles with s ≤ S (exact).", valueName: "S"))
    var sMax: String?

    /// The stop for this problem (nil when neither option is given); `times` (`--at s`) must not pass it.
    func stop(_ problem: Problem, reaching times: [Rational] = []) throws -> EarlyStop? {
        try EarlyStop.parse(kappaMin: kappaMin, sMax: sMax, weightDecay: problem.weightDecay, reaching: times)
    }
}
