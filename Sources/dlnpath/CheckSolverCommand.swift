import ArgumentParser
import ExactArithmetic
import ProblemInput
import SolverCheck

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
        objective gap, and the supports and signs. The error is ‖x − x(λ)‖∞ / max(1, ‖x(λ)‖∞) \
        where the solution is unique; where it is not (singular M), KKT violation / max(1, \
        ‖r‖∞), so any valid member of the solution set passes. With --path, the alphas are the \
        solver's knots (lars_path): missed and extra knots are listed, and the solver's linear \
        interpolant is also checked at every exact knot it spans.

        Each λ is classified: ok (error ≤ tolerance, default 1e-6); stopping-tolerance (error \
        above the tolerance, but the same support and signs and at most 10% off: the solver \
        stopped before converging — tighten its tolerance); structural (a wrong support or \
        sign, a missed or extra knot, NaN, or values off by more than 10%: a wrong path).

        --fit-intercept compares with what scikit-learn fits when fit_intercept=True: the lasso \
        on X and y centered by their column means (X − mean(X, axis=0), y − mean(y)), exactly; \
        the intercept itself is not checked. The problem must be given as X, y.

        Exit codes: 0 no structural error (stopping-tolerance errors are reported, not failed, \
        unless --tolerance is given: then any λ above it fails); 1 the check failed (the verdict \
        says why); 2 bad usage, or a malformed solver file.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(help: ArgumentHelp("The solver's output (.npz, .npy with --coefs, .json, .csv).", valueName: "file"))
    var solution: String

    @Option(help: ArgumentHelp("With an .npy of alphas: the .npy of coefficients (d × K).", valueName: "file"))
    var coefs: String?

    @Flag(help: "The alphas are the solver's knots and x is linear between them (lars_path): also check the knots.")
    var path = false

    @Option(help: ArgumentHelp("The largest error that passes, exact (e.g. 1e-6, 1/1000); when given, stopping-tolerance errors fail too. Default: 1e-6, structural errors only fail.", valueName: "T"))
    var tolerance: Rational?

    @Flag(name: .customLong("fit-intercept"), help: "Center X and y as scikit-learn does with fit_intercept=True before comparing.")
    var fitIntercept = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if let tolerance, tolerance.signum < 0 { throw ValidationError("--tolerance must be ≥ 0, got \(tolerance)") }
    }

    func run() throws {
        var p = try problem.load()
        let t = tolerance ?? SolverCheck.defaultTolerance
        if fitIntercept { p = try SolverCheck.centered(p) }
        let names = try ProblemReader.featureNames(problem.source)
        let output = try SolverOutputReader.read(solution, coefs: coefs, dimension: p.dimension, kind: path ? .path : .points,
                                                 indexColumn: problem.indexColumn)
        let report = try SolverCheck.compare(problem: p, solution: output, tolerance: t, strict: tolerance != nil,
                                             names: names?.count == p.dimension ? names : nil)
        if json {
            printJSON(report.json)
        } else {
            print(SolverReportText(report: report, problem: p, file: problem.file, centered: fitIntercept).text)
        }
        // A failed check is a verdict (printed above), not an error message.
        guard report.passed else { throw ExitCode(1) }
    }
}

/// The human-readable report: one row per λ, the knot analysis, the summary line.
struct SolverReportText {
    let report: SolverReport
    let problem: Problem
    let file: String
    var centered = false

    var text: String {
        var out = [
            "problem: \(file) (d = \(problem.dimension), \(problem.variant == .signed ? "signed" : "nonnegative") lasso\(centered ? ", X and y centered as scikit-learn's fit_intercept=True" : ""))",
            "solver output: \(report.source) (\(report.points.count) λ, \(report.kind == .path ? "a path: linear between its alphas" : "independent points"))",
            "tolerance: \(report.tolerance.decimalString(significantDigits: 3))\(report.strict ? " (given: any error above it fails)" : " (errors above it fail only when structural)")",
            "",
            "columns:",
            "  #               position of λ in the solver's output (0-based, as alphas[k])",
            "  error           ‖x − x*‖∞ / max(1, ‖x*‖∞) against the exact solution x*; (KKT): KKT violation / max(1, ‖r‖∞), where x* is not unique",
            "  max |x − x*|    ‖x − x*‖∞;  relative: ‖x − x*‖∞ / ‖x*‖∞",
            "  KKT violation   the largest subgradient residual of x;  objective gap: F(x) − F(x*)",
            "  solver support  the solver's nonzero coordinates with their signs;  exact support: x*'s (E = where solutions may be nonzero)",
            "  class           ok, stopping-tolerance (right support and signs: tighten the solver's tolerance) or structural (why)",
            "",
        ]
        var table = TextTable(["#", "λ", "error", "max |x − x*|", "relative", "KKT violation", "objective gap", "solver support", "exact support", "class"])
        for point in report.points {
            guard let c = point.comparison else {
                table.append([String(point.index), point.lambda.display, "-", "-", "-", "-", "-", "-", "-", "structural: \(point.unusable ?? "")"])
                continue
            }
            table.append([String(point.index), point.lambda.display] + row(c, point))
        }
        out.append(table.render())
        if let knots = report.knots { out += knotLines(knots) }
        out.append("")
        out.append("verdict: " + report.summary)
        return out.joined(separator: "\n")
    }

    func row(_ c: PointComparison, _ point: PointReport) -> [String] {
        let exact = (c.unique ? "" : "E = ") + supportText(c.exactSupport, c.exactSigns)
        let verdict = point.errorClass == .structural ? "structural: \(point.reason ?? "")" : point.errorClass.rawValue
        return [
            decimal(c.error) + (c.criterion == .kkt ? " (KKT)" : ""), decimal(c.absoluteError),
            c.relativeError.map(decimal) ?? "-", decimal(c.kktViolation), decimal(c.objectiveGap),
            supportText(c.givenSupport, c.givenSigns), exact, verdict,
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

    /// "{x2+, x4−}" (0-based: "x0" is the first coordinate), or the CSV header's names.
    func supportText(_ indices: [Int], _ signs: [Int]) -> String {
        "{" + zip(indices, signs).map { i, s in "\(report.names?[i] ?? "x\(i)")\(s > 0 ? "+" : s < 0 ? "−" : "±")" }.joined(separator: ", ") + "}"
    }
}
