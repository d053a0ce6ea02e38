import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition

/// The exact lasso path a solver is compared with, and what it says at any penalty κ ≥ 0.
struct ExactReference {
    let path: LassoPath
    var problem: Problem { path.problem }
    /// The size of x below which errors are not measured relative to x*: the smaller of
    /// ‖r‖∞ / max_i M_ii (what the first coefficient to enter reaches alone at κ = 0) and ‖x(0)‖∞
    /// (where the path ends); 1 when both are 0. Both are in the units of x, so scaling X or y
    /// (data in other units) leaves every error, and so every class, unchanged.
    let unit: Rational
    /// What a KKT violation is divided by: ‖r‖∞ = λ_max of the signed lasso (1 when r = 0).
    let correlationScale: Rational
    /// M over one common denominator, formed once for the product with every point's x.
    let integerM: IntegerMatrix
    /// r over its least common denominator, for rᵀx*.
    private let rNumerators: [BigInteger]
    private let rDenominator: BigInteger

    init(path: LassoPath) {
        self.path = path
        let p = path.problem
        integerM = IntegerMatrix(p.M)
        rDenominator = p.r.leastCommonDenominator
        rNumerators = p.r.integers(over: rDenominator)
        let rNorm = maxNorm(p.r)
        correlationScale = rNorm.isZero ? .one : rNorm
        let diagonal = (0..<p.dimension).map { p.M[$0, $0] }.max() ?? .zero
        let alone = diagonal.signum > 0 ? rNorm / diagonal : .zero
        let end = maxNorm(path.solution(at: .zero))
        let floor = alone.isZero || end.isZero ? Rational.max(alone, end) : Rational.min(alone, end)
        unit = floor.isZero ? .one : floor
    }

    /// What a solution's error is divided by: `max(‖x*‖∞, unit)`.
    func solutionScale(_ exact: ExactSolution) -> Rational { Rational.max(exact.maxNorm, unit) }

    /// x(κ), the canonical member where it is not unique, over one common denominator.
    func solution(at kappa: Rational) -> ExactSolution { ExactSolution(path.solutionNumerators(at: kappa)) }

    /// The correlation c = r − Mx.
    func correlation(_ x: [Rational]) -> [Rational] { problem.r.subtracting(integerM.times(x)) }

    /// Whether the lasso solution at κ is a single point (docs/math.md §1: otherwise an affine family
    /// that shares c, E, the signs and the optimal value; the path holds a canonical member).
    func isUnique(at kappa: Rational) -> Bool {
        let knots = path.knots
        // Above κ_max, x = 0 is the only solution when κ > 0 (any other costs κ‖x‖₁ > 0 more).
        if kappa >= knots[0].kappa { return kappa.signum > 0 || knots[0].isUnique }
        var lo = 0, hi = knots.count - 1 // knots[lo].kappa > kappa ≥ knots[hi].kappa
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if knots[mid].kappa > kappa { lo = mid } else { hi = mid }
        }
        return knots[hi].kappa == kappa ? knots[hi].isUnique : path.segments[lo].isUnique
    }

    /// The allowed sign of coordinate i in any solution at κ, given the exact correlation c*:
    /// nil when x_i must be 0 (|c*_i| < κ, docs/math.md §1), else sign(c*_i) (0 = either, at κ = 0).
    func allowedSign(_ i: Int, correlation c: [Rational], kappa: Rational) -> Int? {
        switch problem.variant {
        case .signed: return c[i].magnitude == kappa ? c[i].signum : nil
        case .positive: return c[i] == kappa ? 1 : nil
        }
    }

    /// `Lasso*(κ) = ℓ(x*) + κ‖x*‖₁` for a solution x* at κ, in O(d): KKT gives c*_i = κ·sign(x*_i)
    /// on the support (docs/math.md §1), so `x*ᵀMx* = rᵀx* − κ‖x*‖₁` and `Lasso*(κ) = ½(κ‖x*‖₁ − rᵀx*)`.
    func optimalValue(solution x: ExactSolution, kappa: Rational) -> Rational {
        Rational(1, 2) * (kappa * x.oneNorm - x.dot(rNumerators, over: rDenominator))
    }
}
