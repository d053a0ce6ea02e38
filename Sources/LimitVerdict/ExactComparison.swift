import ExactArithmetic
import LassoHomotopy
import ParallelWork
import SaddleToSaddle
import ProblemDefinition

/// What `compare`, `flow` and `plot` all need: the exact ε → 0 limit, the exact lasso path and
/// the verdict between them (docs/math.md §3–4).
public struct ExactComparison: Sendable {
    public let limit: DLNLimit
    public let path: LassoPath
    public let verdict: Verdict

    /// Throws `LimitError` or `LassoPathError` when an internal check fails. With `horizon` S > 0
    /// both stop at S — the limit after its last saddle with s ≤ S, the path at κ = λwd + 1/S —
    /// and the verdict is about s ∈ (0, S].
    ///
    /// The limit (with the verdict's x̄ formulas) is computed on this thread while a second one
    /// computes the path (`concurrently`); the results are those of running them one after the other.
    public init(_ problem: Problem, horizon: Rational? = nil) throws {
        let (averaged, (path, side)) = try concurrently({ AveragedLimit(try DLNLimit(problem: problem, horizon: horizon), jobs: 2) }, {
            let path = try LassoPath(problem: problem, kappaMin: horizon.map { problem.weightDecay + $0.reciprocal })
            return (path, PathSide(LassoPathInTime(path, jobs: 2)))
        })
        limit = averaged.limit
        self.path = path
        verdict = try Verdict(averaged, side, parallel: true)
    }
}
