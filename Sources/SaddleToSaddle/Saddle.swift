import ExactArithmetic

/// One saddle of the ε → 0 limit of a diagonal linear network (docs/math.md §3): from time `s` on, the
/// instantaneous iterate x° sits at `x` until the next saddle's time (the last one forever).
///
/// Everything is exact. `q`, `correlation` and `objective` are unique; `x` is unique exactly when
/// `isUnique` is true — otherwise it is the face solver's canonical minimiser and the true limit
/// depends on the initialisation β, γ (docs/math.md §3), which this object does not claim to know.
public struct Saddle: Equatable, Sendable {
    /// The jump time; 0 for the starting saddle.
    public let s: Rational
    /// x° on [s, next s): the minimiser of ℓ + λwd‖·‖₁ over the face F(q) (0 at s = 0).
    public let x: [Rational]
    /// The dual variable q(s) = ∫₀ˢ c(x°(σ)) dσ (reduced on first read: `DualValues`).
    public var q: [Rational] { dual.values }
    private(set) var dual: DualValues
    /// c(x) = r − Mx, the velocity of q until the next saddle.
    public let correlation: [Rational]
    /// Whether the face problem had a single minimiser.
    public let isUnique: Bool
    /// The coordinates (0-based) whose |q_i| reached the bound 1 + λwd·s at this time.
    public let entering: [Int]
    /// The face F(q): coordinates (0-based, increasing) with |q_i| = 1 + λwd·s, and their signs
    /// (+1 / −1; always +1 in the positive case). x vanishes off the face.
    public let face: [Int]
    public let faceSigns: [Int]
    /// ℓ(x) + λwd‖x‖₁ (positive case: ℓ(x) + λwd·𝟙ᵀx): strictly decreasing along the saddles.
    public let objective: Rational

    public init(
        s: Rational, x: [Rational], q: [Rational], correlation: [Rational], isUnique: Bool,
        entering: [Int], face: [Int], faceSigns: [Int], objective: Rational
    ) {
        self.s = s
        self.x = x
        dual = DualValues(reduced: q)
        self.correlation = correlation
        self.isUnique = isUnique
        self.entering = entering
        self.face = face
        self.faceSigns = faceSigns
        self.objective = objective
    }

    /// A saddle whose q is still over the event loop's common denominator.
    init(
        s: Rational, x: [Rational], dual: DualNumerators, bound: Rational, correlation: [Rational], isUnique: Bool,
        entering: [Int], face: [Int], faceSigns: [Int], objective: Rational
    ) {
        self.init(s: s, x: x, q: [], correlation: correlation, isUnique: isUnique, entering: entering,
                  face: face, faceSigns: faceSigns, objective: objective)
        self.dual = DualValues(dual, bound: bound)
    }

    public static func == (a: Saddle, b: Saddle) -> Bool {
        a.s == b.s && a.x == b.x && a.correlation == b.correlation && a.isUnique == b.isUnique
            && a.entering == b.entering && a.face == b.face && a.faceSigns == b.faceSigns
            && a.objective == b.objective && a.q == b.q
    }

    /// q over one common denominator (not reduced) while the saddle still holds that form, for
    /// integer dot products that normalise once (the verdict); nil once q has been read.
    package var dualOverCommonDenominator: (numerators: [BigInteger], denominator: BigInteger)? { dual.integerForm }

    /// The coordinates where x is nonzero (0-based, increasing).
    public var support: [Int] { x.indices.filter { !x[$0].isZero } }
}
