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
    /// The direction when the homotopy already knows it exactly (from the factorisation that
    /// produced the segment); nil means it is read off `numerators` if given (reduced only when
    /// asked), else computed from the end knots.
    private let knownDirection: [Rational]?
    /// The integer engine's formula of the segment, handed over by a streamed path
    /// (`LassoPath.stream`); nil otherwise.
    package let numerators: SegmentNumerators?

    public init(upper: Rational, lower: Rational, upperSolution: [Rational], lowerSolution: [Rational],
                active: [Int], signs: [Int], isUnique: Bool) {
        self.init(upper: upper, lower: lower, upperSolution: upperSolution, lowerSolution: lowerSolution,
                  active: active, signs: signs, isUnique: isUnique, direction: nil)
    }

    /// `direction` must be the slope of the interpolation, negated: the homotopy passes the
    /// direction of a nonsingular M_SS's formula, which the certificate pins to the two knots
    /// (c_S = κs_S at both ends with support S, so x_S = M_SS⁻¹(r_S − κs_S) there). The same
    /// pins `numerators`, that formula over det(M̃_SS): it equals the chord of the two knots.
    init(upper: Rational, lower: Rational, upperSolution: [Rational], lowerSolution: [Rational],
         active: [Int], signs: [Int], isUnique: Bool, direction: [Rational]?, numerators: SegmentNumerators? = nil) {
        self.upper = upper
        self.lower = lower
        self.upperSolution = upperSolution
        self.lowerSolution = lowerSolution
        self.active = active
        self.signs = signs
        self.isUnique = isUnique
        knownDirection = direction
        self.numerators = numerators
    }

    public static func == (a: Segment, b: Segment) -> Bool {
        a.upper == b.upper && a.lower == b.lower && a.upperSolution == b.upperSolution && a.lowerSolution == b.lowerSolution
            && a.active == b.active && a.signs == b.signs && a.isUnique == b.isUnique
    }

    /// The chord between the end knots.
    public var chord: Chord { Chord(upper: upper, upperSolution, lower: lower, lowerSolution) }

    /// The direction known exactly without the end knots: given, or read off `numerators`.
    private var exactDirection: [Rational]? { knownDirection ?? numerators?.direction }

    /// dx/dκ, constant on the segment.
    public var slope: [Rational] {
        if let exactDirection { return exactDirection.map { $0.isZero ? .zero : -$0 } }
        return chord.slope
    }

    /// x at κ = 0 of the affine extension, so that x(κ) = intercept + κ·slope.
    public var intercept: [Rational] { chord.affine.intercept }

    /// The direction `dx/d(−κ)` followed on this segment (docs/math.md §1's v).
    public var direction: [Rational] { exactDirection ?? chord.slope.map { -$0 } }

    /// x(κ) for κ in [lower, upper].
    public func solution(at kappa: Rational) -> [Rational] { chord.solution(at: kappa) }
}
