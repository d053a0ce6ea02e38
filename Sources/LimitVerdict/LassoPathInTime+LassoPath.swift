import LassoHomotopy
import SaddleToSaddle
import ProblemDefinition

extension LassoPathInTime {
    /// A computed lasso path, all its knots.
    public init(_ path: LassoPath) {
        self.init(path.knots, isUnique: path.isUnique, weightDecay: path.problem.weightDecay)
    }
}

extension Verdict {
    /// Computes the limit and the lasso path of `problem` and compares them (docs/math.md §4).
    public init(problem: Problem) throws {
        try self.init(limit: DLNLimit(problem: problem), path: LassoPathInTime(LassoPath(problem: problem)))
    }
}
