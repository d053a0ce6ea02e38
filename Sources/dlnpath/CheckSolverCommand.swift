import ArgumentParser
import ExactArithmetic
import ProgressReporting
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
        objective gap, and the supports and signs. The error is ‖x − x(λ)‖∞ / max(‖x(λ)‖∞, u) \
        where the solution is unique, u = min(‖r‖∞ / max_i M_ii, ‖x(0)‖∞) (so errors do not depend on the data's units); \
        where it is not (singular M), KKT violation / ‖r‖∞, so any valid member of the solution set passes. With --path, the alphas are the \
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

    @Option(parsing: .unconditional, help: ArgumentHelp("The largest error that passes, exact (e.g. 1e-6, 1/1000); when given, stopping-tolerance errors fail too. Default: 1e-6, structural errors only fail.", valueName: "T"))
    var tolerance: Rational?

    @Flag(name: .customLong("fit-intercept"), help: "Center X and y as scikit-learn does with fit_intercept=True before comparing.")
    var fitIntercept = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Text: print every row (lines can get long).")
    var all = false

    @Flag(help: OutputOptions.quietHelp) var quiet = false

    func validate() throws {
        if let tolerance, tolerance.signum < 0 { throw ValidationError("--tolerance must be ≥ 0, got \(tolerance)") }
    }

    func run() throws {
        let (report, p) = try ProgressLine.showing(quiet: quiet) {
            try SolverCheck.check(try problem.load(), source: problem.source, solutionFile: solution, coefs: coefs, kind: path ? .path : .points, tolerance: tolerance, fitIntercept: fitIntercept)
        }
        if json { report.json.writeDocument() } else { print(report.text(problem: p, file: problem.file, centered: fitIntercept, layout: all ? .unbounded : NumberFormat.summaryLayout)) }
        // A failed check is a verdict (printed above), not an error message.
        guard report.passed else { throw ExitCode(1) }
    }
}
