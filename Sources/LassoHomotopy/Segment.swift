import ExactArithmetic

/// The path between two consecutive knots, `lower ≤ κ ≤ upper`, where it is affine:
/// `x(κ) = intercept + κ·slope` (docs/math.md §1: `x_A = M_AA⁻¹r_A − κ M_AA⁻¹s_A` when M_AA is
/// nonsingular). A segment is the `Chord` of its two end knots, and that is what `LassoPath`
/// certifies (KKT at both ends, constant signs inside); its formulas are the chord's.
public struct Segment: Sendable, Equatable {
    /// κ at the knot above (the larger end).
    public let upper: Rational
    /// κ at the knot below.
    public let lower: Rational
    /// x at `upper` and at `lower` (the end knots' solutions).
    public let upperSolution: [Rational]
    public let lowerSolution: [Rational]
    /// The coordinates that are nonzero on the open segment, increasing.
    public let active: [Int]
    /// Their (constant) signs.
    public let signs: [Int]
    /// Whether the lasso solution is unique for every κ strictly inside the segment.
    public let isUnique: Bool

    /// The chord between the end knots.
    public var chord: Chord { Chord(upper: upper, upperSolution, lower: lower, lowerSolution) }

    /// dx/dκ, constant on the segment.
    public var slope: [Rational] { chord.slope }

    /// x at κ = 0 of the affine extension, so that x(κ) = intercept + κ·slope.
    public var intercept: [Rational] { chord.affine.intercept }

    /// The direction `dx/d(−κ)` followed on this segment (docs/math.md §1's v).
    public var direction: [Rational] { slope.map { -$0 } }

    /// x(κ) for κ in [lower, upper].
    public func solution(at kappa: Rational) -> [Rational] { chord.solution(at: kappa) }
}
