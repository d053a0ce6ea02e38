import ExactArithmetic
import ParallelWork
import SaddleToSaddle
import ExactLinearAlgebra
import ProblemDefinition

/// docs/math.md §4's comparison of the averaged ε → 0 DLN limit with the lasso path under s ≡ μ,
/// κ = λwd + 1/s: monotonicity of z, equivalence with the exact divergence intervals, the
/// downward variation z↓ and η of Theorem 2.2, the exact limit gap, and the link between saddles
/// and knots. Everything is exact (η also has a decimal approximation for display).
///
/// `contradiction` is non-nil if the results ever disagree with docs/math.md §4 (monotone but not
/// equivalent; or, for positive definite M, equivalent but not monotone) — never expected.
public struct Verdict: Sendable {
    public let limit: DLNLimit
    public let path: LassoPathInTime
    public let pieces: [CommonPiece]
    public let monotone: Bool
    public let monotonicityBreak: MonotonicityBreak?
    public let equivalent: Bool
    /// True when M is singular and the comparison is of M·x (docs/math.md §4).
    public let comparesImages: Bool
    public let divergence: [Divergence]
    public let downwardVariation: DownwardVariation
    /// One per common piece, in time order.
    public let gap: [GapPiece]
    public let link: Link
    /// Stopped at S (`limit.horizon`): the last divergence interval ends at S with the two sides
    /// still apart there, so S is where the comparison stops, not where they rejoin.
    public let apartAtHorizon: Bool
    public let contradiction: String?

    public init(limit: DLNLimit, path: LassoPathInTime) throws {
        try self.init(AveragedLimit(limit), PathSide(path, horizon: limit.horizon))
    }

    /// From the parts each side determines alone (`ExactComparison` forms them on two threads);
    /// `parallel`: the gap pieces on two threads as well.
    init(_ averaged: AveragedLimit, _ side: PathSide, parallel: Bool = false) throws {
        let limit = averaged.limit, path = side.path
        let problem = limit.problem
        guard path.dimension == problem.dimension, path.weightDecay == problem.weightDecay else {
            throw LimitError("the lasso path (d = \(path.dimension), λwd = \(path.weightDecay)) is not for this problem (d = \(problem.dimension), λwd = \(problem.weightDecay))")
        }
        self.limit = limit
        self.path = path
        let pieces = commonPieces(limit, path, averaged: averaged.formulas)
        self.pieces = pieces
        monotonicityBreak = side.monotonicityBreak
        monotone = monotonicityBreak == nil
        downwardVariation = side.downwardVariation
        let images = !problem.isPositiveDefinite
        comparesImages = images

        var products = VerdictProducts(limit, path)
        let calculator = GapCalculator(weightDecay: problem.weightDecay, images: images)
        // Pieces are compared and their gaps computed independently: with `parallel`, the later half
        // of the work on a second thread, halved by the size of the numbers involved (they grow with time).
        let work = pieces.indices.filter { images || pieces[$0].averagedFormula != pieces[$0].lassoFormula }
        var split = pieces.count
        if parallel && work.count >= 8 {
            let weights = work.map { pieces[$0].averagedFormula.inverse.denominator.bitWidth + pieces[$0].lassoFormula.constant.denominator.bitWidth }
            var total = weights.reduce(0, +) / 2, n = 0
            while n + 1 < work.count && total > 0 { total -= weights[n]; n += 1 }
            split = work[max(1, n)]
        }
        let later = split..<pieces.count, horizon = limit.horizon
        let compared: [PieceComparison]
        if !later.isEmpty {
            let (early, late) = try concurrently({ calculator.compareAndGap(pieces, in: 0..<later.lowerBound, horizon: horizon, &products) }) {
                var own = VerdictProducts(limit, path)
                return calculator.compareAndGap(pieces, in: later, horizon: horizon, &own)
            }
            (compared, gap) = (early.compared + late.compared, early.gap + late.gap)
        } else {
            (compared, gap) = calculator.compareAndGap(pieces, in: pieces.indices, horizon: horizon, &products)
        }
        divergence = divergences(pieces, compared: compared)
        equivalent = divergence.isEmpty
        // Stopped at S: whether the two sides still differ at S (the last piece ends there).
        apartAtHorizon = limit.horizon != nil && !divergence.isEmpty && divergence[divergence.count - 1].to == limit.horizon
            && compared[compared.count - 1].apartAtEnd
        link = Link(limit, path) { x, a in images ? limit.scaled.times(x) == limit.scaled.times(a.rationals) : IntegerVector(x) == a }

        if monotone && !equivalent {
            contradiction = "z is monotone, yet the averaged limit leaves the lasso path at s = \(divergence[0].from); docs/math.md §4 says a monotone path is followed exactly"
        } else if problem.isPositiveDefinite && equivalent && !monotone {
            contradiction = "M is positive definite and the averaged limit equals the lasso path, yet z is not monotone; docs/math.md §4 says these agree"
        } else {
            contradiction = nil
        }
    }

    /// The exact limit gap Lasso(x̄(s), κ) − Lasso*(κ) at κ = λwd + 1/s, s > 0.
    public func gap(at s: Rational) throws -> Rational {
        guard s.signum > 0 else { throw LimitError("the gap is defined for s > 0, not s = \(s)") }
        let problem = limit.problem
        let kappa = problem.weightDecay + s.reciprocal
        func lasso(_ x: [Rational]) -> Rational { problem.loss(x) + kappa * oneNorm(x) }
        return lasso(averaged(at: s)) - lasso(path.solution(at: kappa))
    }

    /// x̄(s) for s > 0, equal to `limit.averaged(at:)`, from the formula of the piece in force
    /// (x_k + B_k/s over common denominators; the rational B_k of `DLNLimit` are not summed).
    func averaged(at s: Rational) -> [Rational] {
        var lo = 0, hi = pieces.count - 1 // the last piece starting at or before s
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pieces[mid].from <= s { lo = mid } else { hi = mid - 1 }
        }
        let a = pieces[lo].averagedFormula.constant, b = pieces[lo].averagedFormula.inverse
        // α/Dα + (β/Dβ)·(q/p) = (α·Dβ·p + β·Dα·q)/(Dα·Dβ·p) for s = p/q.
        let p = s.numerator, q = s.denominator
        let da = b.denominator * p, db = a.denominator * q, denominator = a.denominator * b.denominator * p
        return a.numerators.indices.map { i in
            var t = a.numerators[i].isZero ? BigInteger(0) : a.numerators[i] * da
            if !b.numerators[i].isZero { t.addProduct(b.numerators[i], db) }
            return t.isZero ? .zero : Rational(t, denominator)
        }
    }

    /// η(s) of Theorem 2.2 with the exact z↓(s), s > 0.
    public func eta(at s: Rational) throws -> Eta {
        guard s.signum > 0 else { throw LimitError("η is defined for s > 0, not s = \(s)") }
        return Eta(s: s, zDown: downwardVariation.value(at: s), weightDecay: limit.problem.weightDecay)
    }

    /// The largest gap on [from, to] (to = nil: unbounded) over the common pieces it meets, and
    /// where (nil: only approached as s → ∞); the first in time order on a tie.
    public func maximumGap(from: Rational, to: Rational?) -> (maximum: Rational, maximiser: Rational?)? {
        var best: (maximum: Rational, maximiser: Rational?)?
        for g in gap {
            // A piece inside [from, to] has its maximum computed already (the same clipping).
            let inside = from <= g.from && (to.map { end in g.to.map { $0 <= end } ?? false } ?? true)
            guard let m = inside ? (value: g.maximum, at: g.maximiser) : g.maximum(from: from, to: to) else { continue }
            if best.map({ $0.maximum < m.value }) ?? true { best = (m.value, m.at) }
        }
        return best
    }
}

/// What the verdict reads from the limit alone: the limit and x̄ = x_k + B_k/s on every saddle's
/// interval (`averagedFormulas`).
struct AveragedLimit: Sendable {
    let limit: DLNLimit
    let formulas: [IntegerAffine]

    init(_ limit: DLNLimit) {
        self.limit = limit
        formulas = averagedFormulas(limit)
    }
}

/// What the verdict reads from the lasso path alone: monotonicity of z and z↓ (up to the horizon).
struct PathSide: Sendable {
    let path: LassoPathInTime
    let monotonicityBreak: MonotonicityBreak?
    let downwardVariation: DownwardVariation

    init(_ path: LassoPathInTime, horizon: Rational?) {
        self.path = path
        monotonicityBreak = firstMonotonicityBreak(path)
        downwardVariation = DownwardVariation(path, horizon: horizon)
    }
}
