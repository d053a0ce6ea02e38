import ExactArithmetic
import ExactLinearAlgebra

/// How one solver point x at penalty κ compares with the exact lasso solution x* = x(κ), every
/// number exact (reported as decimals). Pass/fail uses `error`, the `ValueError` of x.
public struct PointComparison: Equatable, Sendable {
    public typealias Criterion = ValueError.Criterion

    /// The penalty, exactly as the solver gave it.
    public let kappa: Rational
    /// The solver's x, exactly.
    public let given: [Rational]
    public let unique: Bool
    /// Whether x* = 0 (then every solution is 0).
    public let exactIsZero: Bool
    /// Where the solution is unique: |x_i − x*_i| at each coordinate i where x and x* differ in
    /// sign, what `classify` weighs against the tolerance. x* itself is not kept: at a Gaussian
    /// 200×200 the exact solutions of lars_path's 501 points would hold 400 MB.
    public let wrongSignDistances: [Int: Rational]
    /// `‖x − x*‖∞` and `‖x − x*‖∞ / ‖x*‖∞` (nil when x* = 0): against the canonical member
    /// when the solution is not unique, so informative only.
    public let absoluteError: Rational
    public let relativeError: Rational?
    public let kktViolation: Rational
    /// `F(x) − F(x*)` with `F = ℓ + κ‖·‖₁`: ≥ 0 for feasible x, 0 exactly for solutions.
    public let objectiveGap: Rational
    /// Nonzero coordinates (0-based) of x and their signs.
    public let givenSupport: [Int]
    public let givenSigns: [Int]
    /// The exact support and signs: those of x* when unique; otherwise the equicorrelation set
    /// E with the signs of c* (every solution is supported in E with those signs, docs/math.md §1).
    public let exactSupport: [Int]
    public let exactSigns: [Int]
    /// Unique: the sign patterns are equal. Not unique: x's support lies in E with E's signs.
    public let supportAgrees: Bool
    public let criterion: Criterion
    public let error: Rational
    /// The size of x errors are measured against (`ExactReference.solutionScale`; `error` divides
    /// by it when the solution is unique).
    public let scale: Rational

    init(x: [Rational], kappa: Rational, reference: ExactReference) {
        let problem = reference.problem
        let xStar = reference.solution(at: kappa)
        let unique = reference.isUnique(at: kappa)
        self.kappa = kappa
        given = x
        self.unique = unique
        exactIsZero = xStar.isZero
        let difference = xStar.maxDistance(to: x)
        absoluteError = difference
        let size = xStar.maxNorm
        scale = reference.solutionScale(xStar)
        relativeError = size.isZero ? nil : difference / size
        let mx = reference.integerM.times(x) // the one O(d²) product per point
        let c = problem.r.subtracting(mx)
        kktViolation = kktResidual(x: x, correlation: c, kappa: kappa, variant: problem.variant)
        let loss = Rational(1, 2) * dot(x, mx) - dot(problem.r, x)
        objectiveGap = loss + kappa * oneNorm(x) - reference.optimalValue(solution: xStar, kappa: kappa)
        givenSupport = x.indices.filter { !x[$0].isZero }
        givenSigns = givenSupport.map { x[$0].signum }
        var wrongSigns: [Int: Rational] = [:]
        if unique {
            exactSupport = x.indices.filter { xStar.signum($0) != 0 }
            exactSigns = exactSupport.map(xStar.signum)
            for i in x.indices where x[i].signum != xStar.signum(i) { wrongSigns[i] = (x[i] - xStar.value(i)).magnitude }
            supportAgrees = givenSupport == exactSupport && givenSigns == exactSigns
            criterion = .solution
            error = difference / scale
        } else {
            let cStar = reference.correlation(xStar.values)
            let allowed = x.indices.map { reference.allowedSign($0, correlation: cStar, kappa: kappa) }
            exactSupport = x.indices.filter { allowed[$0] != nil }
            exactSigns = exactSupport.map { allowed[$0]! }
            supportAgrees = zip(givenSupport, givenSigns).allSatisfy { i, s in
                allowed[i].map { $0 == 0 || $0 == s } ?? false
            }
            criterion = .kkt
            error = kktViolation / reference.correlationScale
        }
        wrongSignDistances = wrongSigns
    }
}
