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
/// What it concludes, without the pieces, is `facts`.
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
    /// Per divergence interval, its largest gap and where (`maximumGap(from:to:)` over it).
    let divergenceMaxima: [(maximum: Rational, maximiser: Rational?)?]
    /// Stopped at S (`limit.horizon`): the last divergence interval ends at S with the two sides
    /// still apart there, so S is where the comparison stops, not where they rejoin.
    public let apartAtHorizon: Bool
    /// Non-nil if the results disagree with docs/math.md §4 (`VerdictFacts.contradiction`).
    public var contradiction: String? { facts.contradiction }

    public init(limit: DLNLimit, path: LassoPathInTime) throws {
        try self.init(AveragedLimit(limit), PathSide(path))
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
        let images = !problem.isPositiveDefinite
        comparesImages = images

        let calculator = GapCalculator(weightDecay: problem.weightDecay, images: images)
        // z↓ and the pieces' comparisons and gaps are independent: with `parallel`, on two
        // threads, the pieces in chunks of about equal work cut where the saddle changes if
        // possible (a chunk recomputes its first saddle's products).
        let chunks = parallel ? Verdict.chunks(pieces, count: 16) : [pieces.indices]
        let horizon = limit.horizon
        let results = parallelMap([nil] + chunks, jobs: parallel ? 2 : 1, chunk: 1) { range -> VerdictPart in
            guard let range else { return .downward(DownwardVariation(path, horizon: horizon)) }
            var products = VerdictProducts(limit, path)
            return .pieces(calculator.compareAndGap(pieces, in: range, horizon: horizon, &products))
        }
        var compared: [PieceComparison] = [], gap: [GapPiece] = [], downward: DownwardVariation?
        for part in results {
            switch part {
            case .downward(let z): downward = z
            case .pieces(let p):
                compared.append(contentsOf: p.compared)
                gap.append(contentsOf: p.gap)
            }
        }
        downwardVariation = downward!
        self.gap = gap
        var intervals = DivergenceBuilder()
        for n in pieces.indices { intervals.add(pieces[n], compared[n], gap: gap[n]) }
        divergence = intervals.intervals
        divergenceMaxima = intervals.maxima
        equivalent = divergence.isEmpty
        apartAtHorizon = intervals.apartAt(horizon: limit.horizon)
        link = Link(limit, path, equalPositions: Link.equalPositions(images: images, limit.scaled))
    }

    /// About `count` consecutive ranges of `pieces` of equal work, weighted by the size of the
    /// numbers (they grow with time), each starting where the saddle changes unless that would
    /// make it half as long again (Mairal–Yu's last saddles span most of its 265,721 pieces).
    static func chunks(_ pieces: [CommonPiece], count: Int) -> [Range<Int>] {
        // Pieces with equal formulas only compare them (M positive definite): weight 1.
        let weights = pieces.map { p in
            p.averagedFormula == p.lassoFormula ? 1 : 1 + p.averagedFormula.inverse.denominator.bitWidth + p.lassoFormula.constant.denominator.bitWidth
        }
        let target = max(1, weights.reduce(0, +) / count)
        var out: [Range<Int>] = [], start = 0, load = 0
        for n in pieces.indices {
            if load >= target, pieces[n].saddle != pieces[n - 1].saddle || 2 * load >= 3 * target {
                out.append(start..<n)
                (start, load) = (n, 0)
            }
            load += weights[n]
        }
        out.append(start..<pieces.count)
        return out
    }

    /// The exact limit gap Lasso(x̄(s), κ) − Lasso*(κ) at κ = λwd + 1/s, s > 0.
    public func gap(at s: Rational) throws -> Rational {
        guard s.signum > 0 else { throw LimitError("the gap is defined for s > 0, not s = \(s)") }
        return Verdict.gap(limit.problem, at: s, averaged: averaged(at: s), lasso: path.solution(at: limit.problem.weightDecay + s.reciprocal))
    }

    /// Lasso(x̄, κ) − Lasso(x, κ) at κ = λwd + 1/s.
    static func gap(_ problem: Problem, at s: Rational, averaged: [Rational], lasso: [Rational]) -> Rational {
        let kappa = problem.weightDecay + s.reciprocal
        func objective(_ x: [Rational]) -> Rational { problem.loss(x) + kappa * oneNorm(x) }
        return objective(averaged) - objective(lasso)
    }

    /// x̄(s) for s > 0, equal to `limit.averaged(at:)`, from the formula of the piece in force
    /// (x_k + B_k/s over common denominators; the rational B_k of `DLNLimit` are not summed).
    func averaged(at s: Rational) -> [Rational] {
        var lo = 0, hi = pieces.count - 1 // the last piece starting at or before s
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if pieces[mid].from <= s { lo = mid } else { hi = mid - 1 }
        }
        return pieces[lo].averagedFormula.value(at: s)
    }

    /// η(s) of Theorem 2.2 with the exact z↓(s), s > 0.
    public func eta(at s: Rational) throws -> Eta {
        try Verdict.check(etaTime: s)
        return Eta(s: s, zDown: downwardVariation.value(at: s), weightDecay: limit.problem.weightDecay)
    }

    /// Throws unless s > 0, where η is defined (`compare --at` checks every time first).
    static func check(etaTime s: Rational) throws {
        guard s.signum > 0 else { throw LimitError("η is defined for s > 0, not s = \(s)") }
    }

    /// The largest gap on [from, to] (to = nil: unbounded) over the common pieces it meets, and
    /// where (nil: only approached as s → ∞); the first in time order on a tie.
    public func maximumGap(from: Rational, to: Rational?) -> (maximum: Rational, maximiser: Rational?)? {
        var best: (maximum: Rational, maximiser: Rational?)?
        // Pieces are in time order: skip those ending before `from` (binary search), stop after `to`.
        var lo = 0, hi = gap.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if let end = gap[mid].to, compareRationals(end, from) < 0 { lo = mid + 1 } else { hi = mid }
        }
        for g in gap[lo..<gap.count] {
            if let to, compareRationals(to, g.from) < 0 { break }
            // A piece inside [from, to] has its maximum computed already (the same clipping).
            let inside = compareRationals(from, g.from) <= 0 && (to.map { end in g.to.map { compareRationals($0, end) <= 0 } ?? false } ?? true)
            guard let m = inside ? (value: g.maximum, at: g.maximiser) : g.maximum(from: from, to: to) else { continue }
            if best.map({ compareRationals($0.maximum, m.value) < 0 }) ?? true { best = (m.value, m.at) }
        }
        return best
    }
}

/// What the verdict reads from the limit alone: the limit and x̄ = x_k + B_k/s on every saddle's
/// interval (`averagedFormulas`).
struct AveragedLimit: Sendable {
    let limit: DLNLimit
    let formulas: [IntegerAffine]

    /// `jobs`: threads for the formulas' big entries (`averagedFormulas`).
    init(_ limit: DLNLimit, jobs: Int = 1) {
        self.limit = limit
        formulas = averagedFormulas(limit, jobs: jobs)
    }
}

/// What the verdict reads from the lasso path alone, formed beside the limit: monotonicity of z.
struct PathSide: Sendable {
    let path: LassoPathInTime
    let monotonicityBreak: MonotonicityBreak?

    init(_ path: LassoPathInTime) {
        self.path = path
        monotonicityBreak = firstMonotonicityBreak(path)
    }
}

/// One task of the verdict's parallel part: z↓, or the comparisons and gaps of a chunk of pieces.
private enum VerdictPart: Sendable {
    case downward(DownwardVariation)
    case pieces((compared: [PieceComparison], gap: [GapPiece]))
}
