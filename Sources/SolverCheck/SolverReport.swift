import ExactArithmetic

/// The outcome of `SolverCheck.compare`: one report per solver point, the knot analysis when the
/// output is a whole path, the error classes (`ErrorClass`) and a one-line verdict.
public struct SolverReport: Equatable, Sendable {
    /// What counts as an error: a point (or an exact knot on a path's interpolant) whose
    /// `PointComparison.error` exceeds it.
    public let tolerance: Rational
    /// Fail on any error above the tolerance (`check-solver --tolerance`), not only structural ones.
    public let strict: Bool
    public let kind: SolverOutput.Kind
    public let source: String
    public let points: [PointReport]
    /// Present for `.path` output.
    public let knots: KnotReport?
    /// The coordinates' names (a CSV header), when known.
    public let names: [String]?

    /// The structural errors of the path as a whole: a missed exact knot where the solver's
    /// interpolant is off, an extra solver knot whose point is off.
    public var knotErrors: [String] {
        guard let knots else { return [] }
        let missed = knots.missed.filter { !$0.passed }.map {
            "exact knot κ_\($0.index) at λ = \($0.kappa.decimalString(significantDigits: 8)) missed (interpolant off by \($0.interpolation!.error.decimalString(significantDigits: 3)))"
        }
        let extra = knots.spurious.filter { s in !points[s.index].passed }.map {
            "extra knot at λ = \($0.lambda.decimalString(significantDigits: 8)) (solver knot #\($0.index + 1))"
        }
        return missed + extra
    }

    /// The worst class over the points and the knots.
    public var errorClass: ErrorClass {
        if !knotErrors.isEmpty { return .structural }
        let interpolation: ErrorClass = (knots?.failures.isEmpty ?? true) ? .ok : .stoppingTolerance
        return max(points.map(\.errorClass).max() ?? .ok, interpolation)
    }

    /// No structural error; with `strict`, nothing above the tolerance at all.
    public var passed: Bool { strict ? errorClass == .ok : errorClass != .structural }
    /// Points above the tolerance.
    public var failedPoints: [PointReport] { points.filter { !$0.passed } }

    /// The largest error over the compared points (and interpolated knots), with its λ.
    public var largestError: (error: Rational, kappa: Rational)? {
        var all = points.compactMap(\.comparison).map { ($0.error, $0.kappa) }
        all += knots?.exactKnots.compactMap { k in k.interpolation.map { ($0.error, k.kappa) } } ?? []
        return all.max { $0.0 < $1.0 }
    }

    /// Stopping-tolerance errors from this size up also name the other problems a converged solver
    /// may have solved.
    static let otherProblemHint = Rational(1, 10_000)

    /// The verdict in one line: "PASS: …", "PASS with stopping-tolerance errors: …" or "FAIL: …".
    public var summary: String {
        let t = tolerance.decimalString(significantDigits: 3)
        var line: String
        let failed = failedPoints
        let structural = points.filter { $0.errorClass == .structural }
        if let first = structural.first {
            line = "FAIL: structural error at \(structural.count) of \(points.count) λ (first at λ = \(first.lambda.display), \(first.place): \(first.reason ?? ""))"
            // Mostly where the exact solution is 0: the solver's λ are on another scale, most often n× scikit-learn's.
            let zero = structural.filter { $0.comparison?.exactIsZero ?? false }.count
            if 2 * zero > structural.count {
                line += " (at \(zero) of them the exact solution is 0: if the solver penalised ½‖Xx − y‖², give --scaling sum)"
            } else if structural.allSatisfy({ $0.comparison.map { $0.error <= SolverCheck.stoppingToleranceLimit } ?? false }) {
                // Only signs wrong, values close: what a solver stopped early leaves near 0.
                line += " (each within \(SolverCheck.stoppingToleranceLimit.decimalString(significantDigits: 3)) of the solution's size, a coordinate near 0 on the wrong side: what a solver stopped by its convergence test leaves, such as coordinate descent at scikit-learn's default tol=1e-4; rerun it with a tighter tol to tell)"
            }
        } else if let first = knotErrors.first {
            line = "FAIL: structural error in the path: \(first)"
        } else if let first = failed.first {
            let largest = failed.compactMap(\.comparison).map(\.error).max() ?? .zero
            let what = "\(failed.count) of \(points.count) λ off by up to \(largest.decimalString(significantDigits: 3)) > \(t) with the right support and signs (first at λ = \(first.lambda.display), \(first.place))"
            line = strict ? "FAIL: \(what)" : "PASS with stopping-tolerance errors: \(what); tighten the solver's tolerance, or give --tolerance to fail on them"
            // Far above what a converged solver leaves (~1e-10): a solver that did converge solved another problem.
            if !strict, largest >= Self.otherProblemHint { line += " (if the solver did converge, it solved another problem: check alpha's scaling, --fit-intercept, --positive)" }
        } else if let first = knots?.failures.first {
            let what = "the interpolant is off at \(knots!.failures.count) exact knots (first at λ = \(first.kappa.decimalString(significantDigits: 8)): error \(first.interpolation!.error.decimalString(significantDigits: 3)) > \(t))"
            line = strict ? "FAIL: \(what)" : "PASS with stopping-tolerance errors: \(what)"
        } else {
            line = "PASS: all \(points.count) λ within tolerance \(t)"
            if let (error, kappa) = largestError {
                line += " (largest error \(error.decimalString(significantDigits: 3)) at λ = \(kappa.decimalString(significantDigits: 8)))"
            }
        }
        if let knots {
            line += "; path over [\(knots.from.decimalString(significantDigits: 6)), \(knots.to.decimalString(significantDigits: 6))]: "
            line += "\(knots.exactKnots.count) exact knots, \(knots.missed.count) missed, \(knots.spurious.count) spurious"
            if knots.knotsBelow > 0 { line += ", \(knots.knotsBelow) more exact knots below the range" }
        }
        return line
    }
}
