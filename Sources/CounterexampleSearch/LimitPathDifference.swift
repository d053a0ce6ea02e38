import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import SaddleToSaddle
import LimitVerdict

/// Where the averaged DLN limit and the lasso path differ (docs/math.md §4), without the full `Verdict`.
///
/// Compare D(s) = M·Z(s) − s·M·x(λwd + 1/s) = M·(Z(s) − z(s)): the averaged limit x̄ = Z/s equals
/// the lasso solution iff D(s) = 0 (through M, which is all that is determined when M is singular,
/// and the same as comparing x when M is invertible). Z and z are continuous and piecewise linear
/// in s, 0 near s = 0, with breakpoints among the saddle times and the knot times 1/(κ_j − λwd),
/// and affine beyond the last; so D is piecewise linear and its values at the breakpoints and at
/// one point past the last determine it. Hence:
/// - equivalent ⇔ D vanishes at every checkpoint;
/// - rejoins (a divergence interval with a finite end) ⇔ after D is nonzero somewhere, it vanishes
///   again: at a later checkpoint, or inside a piece where D(a) and D(b) point in opposite
///   directions (a common root of every component), or on the final ray.
/// Agrees with `Verdict.equivalent` and `Verdict.divergence` (tested on seeded instances).
struct LimitPathDifference {
    let equivalent: Bool
    let rejoins: Bool

    init(_ limit: DLNLimit, _ path: LassoPath) throws {
        let problem = path.problem, wd = problem.weightDecay
        var times = Set(limit.saddles.map(\.s).filter { $0.signum > 0 })
        for knot in path.knots where knot.kappa > wd { times.insert((knot.kappa - wd).reciprocal) }
        var checkpoints = times.sorted()
        let beyond = Rational(2) * (checkpoints.last ?? .one) + .one
        checkpoints.append(beyond)
        let values = try checkpoints.map { s in
            problem.M * (try limit.integral(at: s)).subtracting(s * path.solution(at: wd + s.reciprocal))
        }
        equivalent = values.allSatisfy { $0.allSatisfy(\.isZero) }
        var rejoins = false
        var previous = [Rational](repeating: .zero, count: problem.dimension) // D(0) = 0
        for (n, value) in values.enumerated() {
            let isRay = n == values.count - 1
            // D(t) = a + τ(b − a) on the piece, τ ∈ [0, 1] (τ ≥ 0 on the final ray).
            if previous.contains(where: { !$0.isZero }), let tau = commonRoot(previous, value.subtracting(previous)),
               tau.signum > 0, isRay || tau <= .one {
                rejoins = true
                break
            }
            previous = value
        }
        self.rejoins = rejoins
    }
}

/// The τ with a + τ·v = 0 in every component, if there is one (a ≠ 0).
private func commonRoot(_ a: [Rational], _ v: [Rational]) -> Rational? {
    guard let i = v.firstIndex(where: { !$0.isZero }) else { return nil }
    let tau = -a[i] / v[i]
    return zip(a, v).allSatisfy { $0 + tau * $1 == .zero } ? tau : nil
}
