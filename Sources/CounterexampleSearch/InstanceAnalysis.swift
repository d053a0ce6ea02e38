import ExactArithmetic
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// The exact facts about one instance that the properties ask for, computed lazily and cheapest
/// first: the lasso path always (docs/math.md §1), the monotonicity pre-test from it (docs/math.md §4), the
/// ε → 0 limit (docs/math.md §3) when that cannot decide, and the full verdict only for gaps.
final class InstanceAnalysis {
    let problem: Problem
    let path: LassoPath
    let knots: LassoPathInTime
    let monotone: Bool
    private var cachedLimit: DLNLimit?
    private var cachedVerdict: Verdict?
    private var cachedDivergence: [Divergence]?

    init(_ problem: Problem) throws {
        self.problem = problem
        path = try LassoPath(problem: problem)
        knots = LassoPathInTime(path)
        monotone = knots.isMonotone
    }

    var limit: DLNLimit {
        get throws {
            if let cachedLimit { return cachedLimit }
            let limit = try DLNLimit(problem: problem)
            cachedLimit = limit
            return limit
        }
    }

    /// Where the limit leaves the path, from the limit and the path alone (`Divergence.intervals`:
    /// the verdict's intervals without its gap, z↓ and link).
    var divergence: [Divergence] {
        get throws {
            if let cachedDivergence { return cachedDivergence }
            let divergence = try cachedVerdict?.divergence ?? Divergence.intervals(try limit, knots)
            cachedDivergence = divergence
            return divergence
        }
    }

    /// The limit equals the lasso path: no divergence interval.
    var equivalent: Bool { get throws { try divergence.isEmpty } }

    /// The limit leaves the path and comes back: a divergence interval with a finite end.
    var rejoins: Bool { get throws { try divergence.contains { $0.to != nil } } }

    var verdict: Verdict {
        get throws {
            if let cachedVerdict { return cachedVerdict }
            let verdict = try Verdict(limit: try limit, path: knots)
            cachedVerdict = verdict
            return verdict
        }
    }

    /// Some κ > 0 has more than one lasso solution (κ = 0 is excluded: with d > n least squares
    /// is never unique, which says nothing about the DLN).
    var lassoNonUnique: Bool {
        path.segments.contains { !$0.isUnique } || path.knots.contains { $0.kappa.signum > 0 && !$0.isUnique }
    }

    /// Whether the averaged limit equals the lasso path with no computation beyond the path:
    /// true when monotone (docs/math.md §4), false when not monotone and M is positive definite; nil
    /// otherwise (non-monotone, singular M: `divergence` compares through M).
    var equivalenceFromPath: Bool? {
        if monotone { return true }
        return problem.isPositiveDefinite ? false : nil
    }

    func holds(_ property: SearchProperty) throws -> Bool {
        switch property {
        case .nonMonotone:
            return !monotone
        case .notEquivalent:
            if let known = equivalenceFromPath { return !known }
            return try !equivalent
        case .rejoins:
            if monotone { return false }
            return try rejoins
        case .nonUnique:
            if lassoNonUnique { return true }
            return try !limit.isUnique
        case .gapAbove(let value):
            return try (gapIsZeroWithoutVerdict ? .zero : maximumGap) > value
        }
    }

    /// Monotone z and a unique limit (always so for positive definite M): the DLN saddles are the
    /// segment slopes, so x̄(s) = x(1/s) exactly and the gap is 0 for all s (docs/math.md §4), with no
    /// verdict needed.
    var gapIsZeroWithoutVerdict: Bool {
        get throws { try monotone && (problem.isPositiveDefinite || limit.isUnique) }
    }

    /// sup over s > 0 of the exact limit gap (docs/math.md §4), from the verdict's per-piece maxima.
    var maximumGap: Rational {
        get throws { try verdict.gap.map(\.maximum).max() ?? .zero }
    }
}
