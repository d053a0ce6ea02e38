import ExactArithmetic
import ProblemDefinition
import ProblemReading

extension SolverCheck {
    /// `check-solver`'s whole job on files: the solver's output `solutionFile` (with `coefs`, an
    /// `.npy` of coefficients, beside an `.npy` of alphas) read against `problem` — centered
    /// first when `fitIntercept`, as scikit-learn's fit_intercept=True does — and compared with
    /// its exact path; numbers in the solver's file are held to `source.limits` as the problem's are. `tolerance` nil: the default, and only structural errors fail; given:
    /// every λ above it fails too. Coordinates are named when `source` is a CSV whose header
    /// names every one. Returns the report and the problem compared with (centered or not).
    public static func check(
        _ problem: Problem, source: ProblemSource, solutionFile: String, coefs: String? = nil,
        kind: SolverOutput.Kind = .points, tolerance: Rational? = nil, fitIntercept: Bool = false
    ) throws -> (report: SolverReport, problem: Problem) {
        let p = fitIntercept ? try centered(problem) : problem
        let names = try ProblemReader.featureNames(source)
        let output = try SolverOutputReader.read(solutionFile, coefs: coefs, dimension: p.dimension, kind: kind,
                                                 indexColumn: source.indexColumn, limits: source.limits)
        let report = try compare(problem: p, solution: output, tolerance: tolerance ?? defaultTolerance, strict: tolerance != nil,
                                 names: names?.count == p.dimension ? names : nil)
        return (report, p)
    }
}
