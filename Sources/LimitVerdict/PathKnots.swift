import ExactArithmetic
import ExactLinearAlgebra

/// The lasso path as docs/math.md §4 uses it: knots κ₀ > κ₁ > … > κ_K = 0 with the solution at each;
/// between consecutive knots the solution is affine in κ (docs/math.md §1), so the knots determine it.
///
/// With weight decay λwd, time s corresponds to κ = λwd + 1/s, so only the part κ > λwd is
/// reached; segment j (from κ_j down to κ_{j+1}) covers s ∈ [1/(κ_j − λwd), 1/(κ_{j+1} − λwd)]
/// (open-ended when κ_{j+1} ≤ λwd), and for s < 1/(κ₀ − λwd) the solution is 0.
public struct PathKnots: Sendable {
    public let kappa: [Rational]
    public let x: [[Rational]]
    /// Whether every lasso solution along the path is unique (else x is a canonical member).
    public let isUnique: Bool
    public let weightDecay: Rational
    /// `inverseAffine(j)` for the reached segments, computed once.
    private let formulas: [InverseAffine]

    /// Requires at least one knot, κ strictly decreasing (caller's invariant: a computed path).
    public init(kappa: [Rational], x: [[Rational]], isUnique: Bool, weightDecay: Rational) {
        precondition(!kappa.isEmpty && kappa.count == x.count, "a path needs knots with solutions")
        self.kappa = kappa
        self.x = x
        self.isUnique = isUnique
        self.weightDecay = weightDecay
        let reached = max(0, min(kappa.count - 1, kappa.firstIndex { $0 <= weightDecay } ?? kappa.count))
        formulas = (0..<reached).map { j in
            let slope = (kappa[j] - kappa[j + 1]).reciprocal * x[j].subtracting(x[j + 1])
            let intercept = x[j].subtracting(kappa[j] * slope)
            return InverseAffine(constant: intercept.adding(weightDecay * slope), inverse: slope)
        }
    }

    public var dimension: Int { x[0].count }

    /// The segments reached for some s > 0: those starting above λwd.
    public var reachedSegments: Range<Int> { 0..<formulas.count }

    /// Reached segment j (between κ_j and κ_{j+1}) in s-form: x(κ) = b₀ + κ·b₁ with
    /// κ = λwd + 1/s is a + b₁/s, where a = b₀ + λwd·b₁ is the slope of z(μ) = μ·x.
    public func inverseAffine(_ j: Int) -> InverseAffine { formulas[j] }

    /// The time s = 1/(κ_j − λwd) of knot j, nil when κ_j ≤ λwd (never reached).
    public func time(ofKnot j: Int) -> Rational? {
        kappa[j] > weightDecay ? (kappa[j] - weightDecay).reciprocal : nil
    }

    /// The solution at any κ (x₀ = 0 above κ₀, the last knot's below it), by interpolation.
    public func solution(at k: Rational) -> [Rational] {
        if k >= kappa[0] { return x[0] }
        if k <= kappa[kappa.count - 1] { return x[kappa.count - 1] }
        var lo = 0, hi = kappa.count - 1 // kappa[lo] > k ≥ kappa[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if kappa[mid] > k { lo = mid } else { hi = mid }
        }
        let t = (kappa[lo] - k) / (kappa[lo] - kappa[hi])
        return x[lo].adding(t * x[hi].subtracting(x[lo]))
    }
}
