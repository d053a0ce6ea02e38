import ExactArithmetic
import LassoHomotopy
import ProblemInput
import SaddleToSaddle

/// The exact facts about one instance that the properties ask for, computed lazily and cheapest
/// first: the lasso path always (MATH §1), the monotonicity pre-test from it (MATH §4), and the
/// ε → 0 limit (MATH §3) with the full verdict only when a property cannot be decided without.
final class InstanceAnalysis {
    let problem: Problem
    let path: LassoPath
    let monotone: Bool
    private var cachedLimit: DLNLimit?
    private var cachedVerdict: Verdict?

    init(_ problem: Problem) throws {
        self.problem = problem
        path = try LassoPath(problem: problem)
        monotone = isMonotone(path)
    }

    var limit: DLNLimit {
        get throws {
            if let cachedLimit { return cachedLimit }
            let limit = try DLNLimit(problem: problem)
            cachedLimit = limit
            return limit
        }
    }

    var verdict: Verdict {
        get throws {
            if let cachedVerdict { return cachedVerdict }
            let verdict = try Verdict(limit: try limit, path: PathKnots(path))
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
    /// true when monotone (MATH §4), false when not monotone and M is positive definite; nil
    /// otherwise (non-monotone, singular M: compare M·x through the verdict).
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
            return try !verdict.equivalent
        case .rejoins:
            if monotone { return false }
            return try verdict.divergence.contains { $0.to != nil }
        case .nonUnique:
            if lassoNonUnique { return true }
            return try !limit.isUnique
        case .gapAbove(let value):
            // Monotone with positive definite M: x̄(s) = x(1/s) exactly (MATH §4), so the gap is 0.
            if monotone && problem.isPositiveDefinite { return Rational.zero > value }
            return try maximumGap > value
        }
    }

    /// sup over s > 0 of the exact limit gap (MATH §4), from the verdict's per-piece maxima.
    var maximumGap: Rational {
        get throws { try verdict.gap.map(\.maximum).max() ?? .zero }
    }
}
