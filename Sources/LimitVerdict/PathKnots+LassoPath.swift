import LassoHomotopy
import SaddleToSaddle
import ProblemDefinition

extension PathKnots {
    /// The knots of a computed lasso path (the only place this module reads `LassoPath`).
    public init(_ path: LassoPath) {
        self.init(kappa: path.knots.map(\.kappa), x: path.knots.map(\.x), isUnique: path.isUnique,
                  weightDecay: path.problem.weightDecay)
    }
}

extension Verdict {
    /// Computes the limit and the lasso path of `problem` and compares them (docs/math.md §4).
    public init(problem: Problem) throws {
        try self.init(limit: DLNLimit(problem: problem), path: PathKnots(LassoPath(problem: problem)))
    }
}
