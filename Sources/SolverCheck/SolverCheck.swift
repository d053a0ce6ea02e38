import ExactArithmetic
import LassoHomotopy
import ProblemDefinition

/// Regression-tests a floating-point lasso solver against the exact path (docs/math.md §1): the Swift
/// API behind `dlnpath check-solver`, for a solver's own test suite.
///
/// ```swift
/// let output = SolverOutput(lambdas: alphas, solutions: xs, kind: .path)
/// let report = try SolverCheck.compare(problem: problem, solution: output)
/// #expect(report.passed, "\(report.summary)")
/// ```
public enum SolverCheck {
    /// 10⁻⁶: a double-precision solver that works is far below it (homotopy codes reach ~1e-15,
    /// coordinate descent run to a tight tolerance ~1e-10), while a wrong active set is far above.
    public static let defaultTolerance = Rational(1, 1_000_000)

    /// A point on the right face whose error exceeds 1/10 of the solution's size is not left by a
    /// stopping rule (coordinate descent at scikit-learn's default tol = 1e-4 stays below 2e-2):
    /// it is a structural error (`ErrorClass`).
    public static let stoppingToleranceLimit = Rational(1, 10)

    /// Compares `solution` with the exact lasso path of `problem`. Throws `SolverFileError` when
    /// the output does not fit the problem (wrong number of coordinates, a `.path` whose λ are
    /// not sorted), or whatever `LassoPath` throws.
    ///
    /// The report passes when no λ has a structural error (`ErrorClass`); with `strict`, only
    /// when every λ is within the tolerance. `names` name the coordinates in the report
    /// (a CSV header's feature names).
    public static func compare(
        problem: Problem, solution: SolverOutput, tolerance: Rational = defaultTolerance,
        strict: Bool = false, names: [String]? = nil
    ) throws -> SolverReport {
        // What is wrong with the output is said before the exact path is computed (minutes at d = 300).
        try validate(solution, dimension: problem.dimension, tolerance: tolerance, names: names)
        return try compare(path: LassoPath(problem: problem), solution: solution, tolerance: tolerance, strict: strict, names: names)
    }

    /// The same against an already computed path (to check many outputs for one problem).
    public static func compare(
        path: LassoPath, solution: SolverOutput, tolerance: Rational = defaultTolerance,
        strict: Bool = false, names: [String]? = nil
    ) throws -> SolverReport {
        try validate(solution, dimension: path.problem.dimension, tolerance: tolerance, names: names)
        let reference = ExactReference(path: path)
        let points = solution.points.enumerated().map { k, p in
            PointReport(index: k, point: p, reference: reference, tolerance: tolerance, names: names)
        }
        var knots: KnotReport?
        if solution.kind == .path {
            let usable = points.compactMap { r in r.comparison.map { (index: r.index, kappa: $0.kappa, x: solution.points[r.index].x.map { $0.exactValue! }) } }
            if !usable.isEmpty { knots = KnotReport(points: usable, reference: reference, tolerance: tolerance) }
        }
        return SolverReport(tolerance: tolerance, strict: strict, kind: solution.kind, source: solution.source,
                            points: points, knots: knots, names: names)
    }

    /// Throws `SolverFileError` when the output cannot be compared with a problem of dimension
    /// `d`: no solutions, a wrong number of coordinates or names, a path whose λ are not sorted.
    static func validate(_ solution: SolverOutput, dimension d: Int, tolerance: Rational, names: [String]?) throws {
        let at = solution.source.isEmpty ? "" : "\(solution.source): "
        guard tolerance.signum >= 0 else { throw SolverFileError("the tolerance must be ≥ 0, got \(tolerance)") }
        guard !solution.points.isEmpty else { throw SolverFileError("\(at)the solver output has no solutions") }
        if let bad = solution.points.first(where: { $0.x.count != d }) {
            throw SolverFileError("\(at)\(bad.place) has \(bad.x.count) coordinates but the problem has d = \(d)")
        }
        if let names, names.count != d {
            throw SolverFileError("\(names.count) feature names for d = \(d) coordinates")
        }
        let lambdas = solution.points.compactMap(\.lambda.exactValue)
        let decreasing = zip(lambdas, lambdas.dropFirst()).allSatisfy { $0 >= $1 }
        let increasing = zip(lambdas, lambdas.dropFirst()).allSatisfy { $0 <= $1 }
        guard solution.kind != .path || decreasing || increasing else {
            throw SolverFileError("\(at)a path's alphas must be sorted (the solver's knots in order); these are not (lars_path's method='lar' gives such alphas; the lasso path is method='lasso'); without --path they are checked as independent points")
        }
    }
}
