import ArgumentParser
import ExactArithmetic
import ProblemDefinition
import SolverCheck
import PlainText

/// `dlnpath check-solver FILE --solution SOL`: compares a floating-point solver's output with the
/// exact lasso path (Sources/SolverCheck), so the command can gate a solver's own CI.
struct CheckSolverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-solver",
        abstract: "Compare a floating-point lasso solver's output with the exact path.",
        discussion: """
        SOL is what the solver wrote: an .npz with alphas and coefs (np.savez("sol.npz", \
        alphas=alphas, coefs=coefs) on scikit-learn's lars_path or lasso_path output; coefs is \
        d × K, one column per alpha), an .npy of alphas with --coefs COEFS.npy, JSON \
        ({"alphas": [...], "coefs": [[...], ...]} or {"solutions": [{"lambda": ..., "x": [...]}]}) \
        or CSV (one row per λ: lambda, x_1, ..., x_d). λ is scikit-learn's alpha, the penalty of \
        ‖Xx − y‖²/(2n) + λ‖x‖₁ (use --scaling sum for ½‖Xx − y‖² + λ‖x‖₁). Doubles are read as \
        the exact binary value they hold, text as the exact decimal it spells.

        For every λ: the error against the exact solution x(λ), the KKT violation, the \
        objective gap, and the active set and signs. A λ fails when its error exceeds the \
        tolerance: ‖x − x(λ)‖∞ / max(1, ‖x(λ)‖∞) where the solution is unique; where it is not \
        (singular M), KKT violation / max(1, ‖r‖∞), so any valid member of the solution set \
        passes. With --path, the alphas are the solver's knots (lars_path): missed and \
        spurious knots are listed, and the solver's linear interpolant is also checked at every \
        exact knot it spans.

        Exit codes: 0 every λ passes; 1 some λ fails; 2 bad usage, or a malformed solver file.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(help: ArgumentHelp("The solver's output (.npz, .npy with --coefs, .json, .csv).", valueName: "file"))
    var solution: String

    @Option(help: ArgumentHelp("With an .npy of alphas: the .npy of coefficients (d × K).", valueName: "file"))
    var coefs: String?

    @Flag(help: "The alphas are the solver's knots and x is linear between them (lars_path): also check the knots.")
    var path = false

    @Option(help: ArgumentHelp("The largest error that passes, exact (e.g. 1e-6, 1/1000). Default: 1e-6.", valueName: "T"))
    var tolerance: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if let tolerance {
            guard let t = try? Rational(parsing: tolerance) else { throw ValidationError("--tolerance: '\(tolerance)' is not a number") }
            if t.signum < 0 { throw ValidationError("--tolerance must be ≥ 0, got \(tolerance)") }
        }
    }

    func run() throws {
        let p = try problem.load()
        let t = try tolerance.map { try Rational(parsing: $0) } ?? SolverCheck.defaultTolerance
        let report: SolverReport
        do {
            let output = try SolverOutputReader.read(solution, coefs: coefs, dimension: p.dimension, kind: path ? .path : .points)
            report = try SolverCheck.compare(problem: p, solution: output, tolerance: t)
        } catch let error as SolverFileError {
            throw CLIFailure.badInput(error.message)
        }
        if json {
            printJSON(report.json)
        } else {
            print(SolverReportText(report: report, problem: p, file: problem.file).text)
        }
        guard report.passed else {
            throw CLIFailure.checkFailed("the solver output fails: \(report.summary)")
        }
    }
}

/// The human-readable report: one row per λ, the knot analysis, the summary line.
struct SolverReportText {
    let report: SolverReport
    let problem: Problem
    let file: String

    var text: String {
        var out = [
            "problem: \(file) (d = \(problem.dimension), \(problem.variant == .signed ? "signed" : "nonnegative") lasso)",
            "solver output: \(report.source) (\(report.points.count) λ, \(report.kind == .path ? "a path: linear between its alphas" : "independent points"))",
            "tolerance: \(report.tolerance.decimalString(significantDigits: 3)) on ‖x − x*‖∞/max(1, ‖x*‖∞) where x* is unique, on KKT violation/max(1, ‖r‖∞) where it is not",
            "",
        ]
        var table = TextTable(["#", "λ", "error", "‖x−x*‖∞", "relative", "KKT", "objective gap", "support", "verdict"])
        for point in report.points {
            guard let c = point.comparison else {
                table.append([String(point.index + 1), point.lambda.display, "-", "-", "-", "-", "-", "-", "FAIL: \(point.unusable ?? "")"])
                continue
            }
            table.append([String(point.index + 1), point.lambda.display] + row(c, passed: point.passed))
        }
        out.append(table.render())
        if let knots = report.knots { out += knotLines(knots) }
        out.append("")
        out.append(report.summary)
        return out.joined(separator: "\n")
    }

    func row(_ c: PointComparison, passed: Bool) -> [String] {
        let given = supportText(c.givenSupport, c.givenSigns)
        let support = c.supportAgrees ? given : "\(given) vs \(c.unique ? "" : "E = ")\(supportText(c.exactSupport, c.exactSigns))"
        return [
            decimal(c.error) + (c.criterion == .kkt ? " (KKT)" : ""), decimal(c.absoluteError),
            c.relativeError.map(decimal) ?? "-", decimal(c.kktViolation), decimal(c.objectiveGap), support,
            passed ? "ok" : "FAIL",
        ]
    }

    func knotLines(_ knots: KnotReport) -> [String] {
        let matched = knots.exactKnots.count - knots.missed.count
        var lines = [
            "",
            "path over λ ∈ [\(decimal(knots.from)), \(decimal(knots.to))]: \(knots.exactKnots.count) exact knots, \(matched) matched within \(decimal(knots.matchingTolerance)), \(knots.missed.count) missed; \(knots.spurious.count) spurious solver knots",
        ]
        if knots.knotsAbove > 0 { lines.append("  \(knots.knotsAbove) exact knots lie above the solver's largest λ") }
        if knots.knotsBelow > 0 { lines.append("  \(knots.knotsBelow) exact knots lie below the solver's smallest λ (it stopped there)") }
        let shown = 20
        for k in knots.missed.prefix(shown) {
            var line = "  missed exact knot \(k.index) at λ = \(short(k.kappa))"
            if let i = k.interpolation { line += "; interpolant error \(decimal(i.error))\(k.passed ? "" : " FAIL")" }
            lines.append(line)
        }
        if knots.missed.count > shown { lines.append("  … and \(knots.missed.count - shown) more missed knots") }
        for s in knots.spurious.prefix(shown) {
            lines.append("  spurious solver knot #\(s.index + 1) at λ = \(s.lambda.decimalString(significantDigits: 17))")
        }
        if knots.spurious.count > shown { lines.append("  … and \(knots.spurious.count - shown) more spurious knots") }
        for k in knots.failures.filter(\.matched).prefix(shown) {
            lines.append("  interpolant off at exact knot \(k.index), λ = \(decimal(k.kappa)): error \(decimal(k.interpolation?.error ?? .zero)) FAIL")
        }
        return lines
    }

    func decimal(_ q: Rational) -> String { q.decimalString(significantDigits: 3) }

    /// The exact value when it is short, else 12 digits (--json has every exact value).
    func short(_ q: Rational) -> String {
        q.description.count <= 24 ? exactAndApprox(q) : "≈" + q.decimalString(significantDigits: 12)
    }

    func supportText(_ indices: [Int], _ signs: [Int]) -> String {
        "{" + zip(indices, signs).map { i, s in "\(i + 1)\(s > 0 ? "+" : s < 0 ? "−" : "±")" }.joined(separator: ", ") + "}"
    }
}
