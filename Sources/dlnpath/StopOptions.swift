import ArgumentParser
import ExactArithmetic
import ProblemDefinition

/// `--kappa-min K` / `--s-max S`: stop the homotopy at κ = K, or equivalently at time S, where
/// κ = λwd + 1/S (docs/math.md §4's s ≡ μ). Exact values; at most one of the two.
struct StopOptions: ParsableArguments {
    @Option(name: .customLong("kappa-min"), parsing: .unconditional, help: ArgumentHelp(
        "Stop at penalty κ = K ≥ 0: the last knot is the exact solution at K (exact: 1/10, 0.25).", valueName: "K"))
    var kappaMin: String?

    @Option(name: .customLong("s-max"), parsing: .unconditional, help: ArgumentHelp(
        "Stop at time s = S > 0, i.e. at κ = λwd + 1/S; the limit keeps the saddles with s ≤ S (exact).", valueName: "S"))
    var sMax: String?

    var isSet: Bool { kappaMin != nil || sMax != nil }

    /// κ_min for the lasso path; nil when neither option is given.
    func kappaMin(_ problem: Problem) throws -> Rational? {
        if let k = try parsedKappa() { return k }
        return try parsedTime().map { problem.weightDecay + $0.reciprocal }
    }

    /// S for the ε → 0 limit; nil when not stopped (also for K ≤ λwd, reached only as s → ∞).
    func horizon(_ problem: Problem) throws -> Rational? {
        if let s = try parsedTime() { return s }
        return try parsedKappa().flatMap { $0 > problem.weightDecay ? ($0 - problem.weightDecay).reciprocal : nil }
    }

    /// Text that closes a report stopped early (`inTime`: only if the stop is reached at a finite s).
    func note(_ problem: Problem, _ f: NumberFormat, inTime: Bool = false) throws -> String {
        guard let k = try kappaMin(problem), try !inTime || horizon(problem) != nil else { return "" }
        let s = try horizon(problem).map { " (s = \(f($0)))" } ?? ""
        return "\nstopped early at κ = \(f(k))\(s) (--kappa-min, --s-max): nothing below that κ, after that s, was computed"
    }

    private func parsedKappa() throws -> Rational? {
        if kappaMin != nil && sMax != nil { throw CLIFailure.badInput("give --kappa-min or --s-max, not both") }
        return try kappaMin.map { text in
            guard let k = try? Rational(parsing: text) else { throw CLIFailure.badInput("--kappa-min: '\(NumberText.quote(text))' is not a number") }
            guard k.signum >= 0 else { throw CLIFailure.badInput("--kappa-min: K = \(NumberText.quote(text)) is negative; it must be ≥ 0") }
            return k
        }
    }

    private func parsedTime() throws -> Rational? {
        if kappaMin != nil && sMax != nil { throw CLIFailure.badInput("give --kappa-min or --s-max, not both") }
        return try sMax.map { text in
            guard let s = try? Rational(parsing: text) else { throw CLIFailure.badInput("--s-max: '\(NumberText.quote(text))' is not a number") }
            guard s.signum > 0 else { throw CLIFailure.badInput("--s-max: S = \(NumberText.quote(text)) must be > 0") }
            return s
        }
    }
}
