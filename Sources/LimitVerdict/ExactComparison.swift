import LassoHomotopy
import SaddleToSaddle
import ProblemDefinition

/// What `compare`, `flow` and `plot` all need: the exact ε → 0 limit, the exact lasso path and
/// the verdict between them (docs/math.md §3–4).
public struct ExactComparison: Sendable {
    public let limit: DLNLimit
    public let path: LassoPath
    public let verdict: Verdict

    /// Throws `LimitError` or `LassoPathError` when an internal check fails.
    public init(_ problem: Problem) throws {
        limit = try DLNLimit(problem: problem)
        path = try LassoPath(problem: problem)
        verdict = try Verdict(limit: limit, path: LassoPathInTime(path))
    }
}
