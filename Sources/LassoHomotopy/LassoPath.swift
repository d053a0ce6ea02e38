import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// The exact lasso regularization path (docs/math.md §1) of a validated problem, signed or positive,
/// for any positive semidefinite M.
///
/// Contract: `knots` are strictly decreasing in κ from κ_max (x = 0) to 0; `segments[k]` joins
/// `knots[k]` and `knots[k+1]` affinely. Every segment is certified exactly before the path is
/// returned (KKT at both end knots, computed from the data, plus constant signs inside — docs/math.md
/// §1); a failed certificate throws instead. Where solutions are not unique the path is the
/// canonical member (see README): continuous, piecewise linear, following at every knot the
/// least-norm solution of the directional problem; `isUnique` says per knot and per segment.
/// The path is over the total penalty κ; with weight decay λwd, μ = 1/(κ − λwd) (`mu(at:)`).
public struct LassoPath: Sendable {
    /// How `M_SS` is factorised along the path; all choices give the same exact path.
    public enum Factorisation: String, Sendable, CaseIterable {
        /// `integer` for large instances whose entries share a modest common denominator,
        /// otherwise `rational`.
        case automatic
        /// Bordered exact inverse over `Rational` (gcd-reduced; best for small or structured data).
        case rational
        /// Over the integers: M̃_SS⁻¹ modulo word primes, exact values by Chinese remaindering
        /// (best for large dense decimal or float64 data).
        case integer
    }

    public let problem: Problem
    public let knots: [Knot]
    public let segments: [Segment]
    /// The factorisation actually used.
    public let factorisation: Factorisation
    /// How many knots were decided by the face solver (ties and degenerate steps).
    public let faceSolverKnots: Int
    /// Where the time went (wall clock), for benchmarks.
    public let timing: Timing

    public struct Timing: Sendable {
        /// The homotopy itself (factorisation updates, events, face problems, uniqueness tests).
        public let homotopy: Duration
        /// Assembling knots and segments.
        public let assembly: Duration
        /// The exact certificate.
        public let certificate: Duration
    }

    public init(problem: Problem, factorisation: Factorisation = .automatic) throws {
        let scaled = ScaledProblem(M: problem.M, r: problem.r)
        let (engine, chosen) = LassoPath.engine(problem, scaled, factorisation)
        try self.init(problem: problem, scaled: scaled, engine: engine, factorisation: chosen)
    }

    /// The engine for `factorisation` (`.automatic` picks one from the problem) and the choice made.
    static func engine(
        _ problem: Problem, _ scaled: ScaledProblem, _ factorisation: Factorisation
    ) -> (any ActiveSetEngine, Factorisation) {
        let chosen = factorisation == .automatic ? LassoPath.automaticChoice(problem, scaled) : factorisation
        let positive = problem.variant == .positive
        let engine: any ActiveSetEngine = chosen == .integer
            ? IntegerEngine(scaled: scaled, positive: positive, maximumSupport: problem.rank)
            : RationalEngine(M: problem.M, r: problem.r, positive: positive, scale: ColumnScaling.of(problem))
        return (engine, chosen)
    }

    /// The path with a given engine (tests use one that always declines, so that every knot
    /// goes through the face solver).
    init(problem: Problem, scaled: ScaledProblem, engine: any ActiveSetEngine, factorisation chosen: Factorisation) throws {
        var homotopy = Homotopy(problem: problem, engine: engine)
        let clock = ContinuousClock()
        let start = clock.now
        let (drafts, segmentDrafts) = try homotopy.run()
        let homotopyEnd = clock.now
        let segments = segmentDrafts.enumerated().map { k, s in
            Segment(upper: s.upper, lower: s.lower, upperSolution: drafts[k].x, lowerSolution: drafts[k + 1].x,
                    active: s.support, signs: s.signs, isUnique: s.isUnique, direction: s.keptInMemory ? s.direction : nil)
        }
        let knots = drafts.enumerated().map { k, draft in
            let active = draft.x.indices.filter { !draft.x[$0].isZero }
            let (joined, dropped) = LassoPath.events(above: k > 0 ? segments[k - 1] : nil, below: k < segments.count ? segments[k] : nil)
            return Knot(kappa: draft.kappa, x: draft.x, active: active, signs: active.map { draft.x[$0].signum },
                        equicorrelation: draft.equicorrelation, joined: joined, dropped: dropped, isUnique: draft.isUnique)
        }
        let assemblyEnd = clock.now
        try PathCertificate(problem: problem, scaled: scaled).check(knots: knots, segments: segments)
        self.problem = problem
        self.knots = knots
        self.segments = segments
        self.factorisation = chosen
        faceSolverKnots = homotopy.faceSolverKnots
        timing = Timing(homotopy: homotopyEnd - start, assembly: assemblyEnd - homotopyEnd, certificate: clock.now - assemblyEnd)
    }

    /// `LassoPath(problem:)`.
    public static func compute(_ problem: Problem) throws -> LassoPath { try LassoPath(problem: problem) }

    /// κ_max: x(κ) = 0 exactly for κ ≥ κ_max.
    public var kappaMax: Rational { knots[0].kappa }

    /// Whether the lasso solution is unique for every κ ≥ 0.
    public var isUnique: Bool { knots.allSatisfy(\.isUnique) && segments.allSatisfy(\.isUnique) }

    /// The path's solution at κ ≥ 0 (0 above κ_max). Callers validate κ ≥ 0 first.
    public func solution(at kappa: Rational) -> [Rational] {
        precondition(kappa.signum >= 0, "the lasso path is defined for κ ≥ 0")
        if kappa >= knots[0].kappa { return knots[0].x }
        let j = Chord.index(of: kappa, count: knots.count) { knots[$0].kappa } // κ_j > κ ≥ κ_{j+1}
        return kappa == knots[j + 1].kappa ? knots[j + 1].x : segments[j].solution(at: kappa)
    }

    /// `solution(at:)` over one common denominator, not reduced (`Chord.solutionNumerators`):
    /// for comparisons that need x(κ)'s signs, norms and differences but not its entries in
    /// lowest terms.
    public func solutionNumerators(at kappa: Rational) -> (numerators: [BigInteger], denominator: BigInteger) {
        precondition(kappa.signum >= 0, "the lasso path is defined for κ ≥ 0")
        if kappa >= knots[0].kappa { return (knots[0].x.map { _ in BigInteger(0) }, BigInteger(1)) }
        let j = Chord.index(of: kappa, count: knots.count) { knots[$0].kappa } // κ_j > κ ≥ κ_{j+1}
        return segments[j].chord.solutionNumerators(at: kappa)
    }

    /// Whether the lasso solution at κ ≥ 0 is unique (the knot's verdict at a knot, the
    /// segment's inside one; x = 0 is the only solution above κ_max).
    public func isUnique(at kappa: Rational) -> Bool {
        precondition(kappa.signum >= 0, "the lasso path is defined for κ ≥ 0")
        if kappa > knots[0].kappa { return true }
        if let knot = knots.first(where: { $0.kappa == kappa }) { return knot.isUnique }
        return segments.first { $0.lower < kappa && kappa < $0.upper }!.isUnique
    }

    /// `Lasso*(κ) = ℓ(x(κ)) + κ‖x(κ)‖₁` (positive lasso: κ·Σx, the same on x ≥ 0). Add
    /// `problem.lossOffset` for the data-fit form ‖Xx − y‖²/(2n) + penalty (docs/math.md §0).
    public func optimalValue(at kappa: Rational) -> Rational { Self.objective(problem, solution(at: kappa), kappa) }

    /// `ℓ(x) + κ‖x‖₁`.
    static func objective(_ problem: Problem, _ x: [Rational], _ kappa: Rational) -> Rational {
        problem.loss(x) + kappa * oneNorm(x)
    }

    /// μ = 1/(κ − λwd), the inverse regularisation the DLN's time plays (docs/math.md §0); nil for κ ≤ λwd.
    public func mu(at kappa: Rational) -> Rational? { Self.mu(problem, kappa) }

    static func mu(_ problem: Problem, _ kappa: Rational) -> Rational? {
        let excess = kappa - problem.weightDecay
        return excess.signum > 0 ? excess.reciprocal : nil
    }

    /// Coordinates that start or stop being nonzero at the knot between two segments (a sign
    /// flip through zero counts as both); supports are increasing, so one merge pass.
    static func events(above: Segment?, below: Segment?) -> (joined: [Int], dropped: [Int]) {
        guard let below else { return ([], []) }
        let upper = above?.active ?? [], upperSigns = above?.signs ?? []
        var joined: [Int] = [], dropped: [Int] = []
        var p = 0, q = 0
        while p < upper.count || q < below.active.count {
            if q == below.active.count || (p < upper.count && upper[p] < below.active[q]) {
                dropped.append(upper[p]); p += 1
            } else if p == upper.count || below.active[q] < upper[p] {
                joined.append(below.active[q]); q += 1
            } else {
                if upperSigns[p] != below.signs[q] { dropped.append(upper[p]); joined.append(below.active[q]) }
                p += 1; q += 1
            }
        }
        return (joined, dropped)
    }

    /// Integer factorisation pays off when the instance is large and scaling to integers does
    /// not inflate the entries (decimal data); small or structured instances stay rational.
    static func automaticChoice(_ problem: Problem, _ scaled: ScaledProblem) -> Factorisation {
        guard problem.dimension >= 24 else { return .rational }
        let rationalBits = problem.M.elements.reduce(0) { max($0, $1.numerator.bitWidth, $1.denominator.bitWidth) }
        return scaled.entryBits <= 2 * rationalBits + 64 ? .integer : .rational
    }
}
