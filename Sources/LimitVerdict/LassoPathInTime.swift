import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy

/// The lasso path read in the network's time s, as docs/math.md §4 compares it with the limit:
/// the knots κ₀ > κ₁ > … > κ_K = 0 (`Knot`s of a computed path, or the certificate's breakpoints
/// among them) and, on every segment reached, x as a function of s (`InverseAffine`). Between
/// consecutive knots the solution is their `Chord` (docs/math.md §1), so the knots determine it.
///
/// With weight decay λwd, time s corresponds to κ = λwd + 1/s, so only the part κ > λwd is
/// reached; segment j (from κ_j down to κ_{j+1}) covers s ∈ [1/(κ_j − λwd), 1/(κ_{j+1} − λwd)]
/// (open-ended when κ_{j+1} ≤ λwd), and for s < 1/(κ₀ − λwd) the solution is 0.
public struct LassoPathInTime: Sendable {
    public let kappa: [Rational]
    public let x: [[Rational]]
    /// Whether every lasso solution along the path is unique (else x is a canonical member).
    public let isUnique: Bool
    public let weightDecay: Rational
    /// `inverseAffine(j)` for the reached segments, computed once.
    private let formulas: [InverseAffine]

    /// Requires at least one knot, κ strictly decreasing (caller's invariant: a computed path).
    public init(_ knots: [Knot], isUnique: Bool, weightDecay: Rational) {
        self.init(kappa: knots.map(\.kappa), x: knots.map(\.x), isUnique: isUnique, weightDecay: weightDecay)
    }

    /// The same from the knots' κ and x alone (a streamed path keeps nothing else).
    public init(kappa: [Rational], x: [[Rational]], isUnique: Bool, weightDecay: Rational) {
        precondition(!kappa.isEmpty && kappa.count == x.count, "a path needs knots")
        self.kappa = kappa
        self.x = x
        self.isUnique = isUnique
        self.weightDecay = weightDecay
        let reached = max(0, min(kappa.count - 1, kappa.firstIndex { $0 <= weightDecay } ?? kappa.count))
        formulas = (0..<reached).map { j in
            Self.inTime(Chord(upper: kappa[j], x[j], lower: kappa[j + 1], x[j + 1]), weightDecay: weightDecay)
        }
    }

    /// A chord read at κ = λwd + 1/s: x(κ) = b₀ + κ·b₁ is (b₀ + λwd·b₁) + b₁/s.
    static func inTime(_ chord: Chord, weightDecay: Rational) -> InverseAffine {
        let (intercept, slope) = chord.affine
        return InverseAffine(constant: intercept.adding(weightDecay * slope), inverse: slope)
    }

    /// Any vector carried linearly along segment j (M·x, say), given at its two knots, in s-form.
    func inTime(segment j: Int, upper: [Rational], lower: [Rational]) -> InverseAffine {
        Self.inTime(Chord(upper: kappa[j], upper, lower: kappa[j + 1], lower), weightDecay: weightDecay)
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

    /// The solution at any κ (x₀ = 0 above κ₀, the last knot's below it), on its chord.
    public func solution(at k: Rational) -> [Rational] {
        if k >= kappa[0] { return x[0] }
        if k <= kappa[kappa.count - 1] { return x[kappa.count - 1] }
        let j = Chord.index(of: k, count: kappa.count) { kappa[$0] }
        return Chord(upper: kappa[j], x[j], lower: kappa[j + 1], x[j + 1]).solution(at: k)
    }
}
