import ExactArithmetic

/// The verdict on one point of the solver's output.
public struct PointReport: Equatable, Sendable {
    /// Position in the solver's output (0-based) and its place in the file ("column 3").
    public let index: Int
    public let place: String
    public let lambda: SolverNumber
    /// nil when the point cannot be compared (`unusable` says why).
    public let comparison: PointComparison?
    /// "x is nan at coordinate 3", "λ = -0.5 is negative": the point fails.
    public let unusable: String?
    /// Within the tolerance.
    public let passed: Bool
    /// ok / stopping-tolerance / structural (`ErrorClass`), and why it is structural.
    public let errorClass: ErrorClass
    public let reason: String?

    init(index: Int, point: SolverOutput.Point, reference: ExactReference, tolerance: Rational, names: [String]? = nil) {
        self.index = index
        place = point.place
        lambda = point.lambda
        var comparison: PointComparison?
        var unusable: String?
        switch point.lambda {
        case .nonFinite(let v): unusable = "λ is \(SolverNumber.nonFinite(v).display)"
        case .exact(let kappa) where kappa.signum < 0: unusable = "λ = \(point.lambda.display) is negative; the lasso needs λ ≥ 0"
        case .exact(let kappa):
            if let i = point.x.firstIndex(where: { $0.exactValue == nil }) {
                unusable = "x is \(point.x[i].display) at coordinate \(i + 1)"
            } else {
                comparison = PointComparison(x: point.x.map { $0.exactValue! }, kappa: kappa, reference: reference)
            }
        }
        self.comparison = comparison
        self.unusable = unusable
        passed = comparison.map { $0.error <= tolerance } ?? false
        (errorClass, reason) = comparison?.classify(tolerance: tolerance, names: names) ?? (.structural, unusable)
    }
}
