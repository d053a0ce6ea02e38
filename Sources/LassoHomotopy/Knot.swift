import ExactArithmetic

/// A breakpoint of the lasso path (docs/math.md §1): the penalty κ where the active set, a sign or the
/// direction changes, with the exact solution there.
public struct Knot: Sendable, Equatable {
    /// The total penalty κ (κ = λwd + 1/μ with weight decay).
    public let kappa: Rational
    /// The path's solution x(κ) (the canonical member when solutions are not unique).
    public let x: [Rational]
    /// {i : x_i ≠ 0}, increasing.
    public let active: [Int]
    /// sign(x_i) for each index in `active`.
    public let signs: [Int]
    /// The equicorrelation set E = {i : |c_i| = κ} (positive lasso: c_i = κ), increasing;
    /// empty at κ = 0, where every coordinate of the signed problem has c_i = 0 = κ.
    public let equicorrelation: [Int]
    /// Coordinates nonzero on the segment below but not on the segment above (a sign flip
    /// through zero counts as a drop and a join).
    public let joined: [Int]
    /// Coordinates nonzero on the segment above but not on the segment below.
    public let dropped: [Int]
    /// Whether x(κ) is the only lasso solution at this κ.
    public let isUnique: Bool

    /// How many events happen here (joins plus drops); more than one is a tie.
    public var multiplicity: Int { joined.count + dropped.count }
}
