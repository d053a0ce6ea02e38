import ExactArithmetic

/// The outcome of `SolverCheck.compare`: one report per solver point, the knot analysis when the
/// output is a whole path, and a one-line summary.
public struct SolverReport: Equatable, Sendable {
    /// What counts as failure: a point (or an exact knot on a path's interpolant) whose
    /// `PointComparison.error` exceeds it.
    public let tolerance: Rational
    public let kind: SolverOutput.Kind
    public let source: String
    public let points: [PointReport]
    /// Present for `.path` output.
    public let knots: KnotReport?

    public var passed: Bool { failedPoints.isEmpty && (knots?.failures.isEmpty ?? true) }
    public var failedPoints: [PointReport] { points.filter { !$0.passed } }

    /// The largest error over the compared points (and interpolated knots), with its λ.
    public var largestError: (error: Rational, kappa: Rational)? {
        var all = points.compactMap(\.comparison).map { ($0.error, $0.kappa) }
        all += knots?.exactKnots.compactMap { k in k.interpolation.map { ($0.error, k.kappa) } } ?? []
        return all.max { $0.0 < $1.0 }
    }

    /// "PASS: …" or "FAIL: …", with the first failure and the knot counts.
    public var summary: String {
        let t = tolerance.decimalString(significantDigits: 3)
        var line: String
        let failed = failedPoints
        if let first = failed.first {
            let why = first.comparison.map { "error \($0.error.decimalString(significantDigits: 3)) > \(t)" } ?? first.unusable ?? ""
            line = "\(passed ? "PASS" : "FAIL"): \(failed.count) of \(points.count) λ fail (first at λ = \(first.lambda.display), \(first.place): \(why))"
        } else {
            line = "\(passed ? "PASS" : "FAIL"): all \(points.count) λ within tolerance \(t)"
            if let (error, kappa) = largestError {
                line += " (largest error \(error.decimalString(significantDigits: 3)) at λ = \(kappa.decimalString(significantDigits: 8)))"
            }
        }
        if let knots {
            line += "; path over [\(knots.from.decimalString(significantDigits: 6)), \(knots.to.decimalString(significantDigits: 6))]: "
            line += "\(knots.exactKnots.count) exact knots, \(knots.missed.count) missed, \(knots.spurious.count) spurious"
            if knots.knotsBelow > 0 { line += ", \(knots.knotsBelow) more exact knots below the range" }
            if let first = knots.failures.first {
                line += ", interpolant off at \(knots.failures.count) exact knots (first at λ = \(first.kappa.decimalString(significantDigits: 8)): error \(first.interpolation!.error.decimalString(significantDigits: 3)) > \(t))"
            }
        }
        return line
    }
}
