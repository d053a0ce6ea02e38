import LassoHomotopy
import SaddleToSaddle
import ProblemDefinition

extension LassoPathInTime {
    /// A computed lasso path, all its knots.
    public init(_ path: LassoPath, jobs: Int = 1) {
        self.init(kappa: path.knots.map(\.kappa), x: path.knots.map(\.x), isUnique: path.isUnique,
                  weightDecay: path.problem.weightDecay, jobs: jobs)
    }
}

extension Verdict {
    /// Computes the limit and the lasso path of `problem` and compares them (docs/math.md §4).
    public init(problem: Problem) throws {
        try self.init(limit: DLNLimit(problem: problem), path: LassoPathInTime(LassoPath(problem: problem)))
    }
}
