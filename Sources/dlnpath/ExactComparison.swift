import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// The limit, with its guards' failures reported as failed checks (exit 1).
func computeLimit(_ problem: Problem) throws -> DLNLimit {
    do {
        return try DLNLimit(problem: problem)
    } catch let error as LimitError {
        throw CLIFailure.checkFailed("the ε → 0 limit failed a check: \(error.message)")
    }
}

/// What `compare`, `flow` and `plot` all need: the exact limit, the exact lasso path and the
/// verdict between them (MATH §3–4). An internal check failure is a failed check (exit 1).
struct ExactComparison {
    let limit: DLNLimit
    let path: LassoPath
    let verdict: Verdict

    init(_ problem: Problem) throws {
        limit = try computeLimit(problem)
        do {
            path = try LassoPath(problem: problem)
            verdict = try Verdict(limit: limit, path: PathKnots(path))
        } catch let error as LimitError {
            throw CLIFailure.checkFailed("the comparison failed a check: \(error.message)")
        } catch let error as LassoPathError {
            throw CLIFailure.checkFailed("the lasso path failed its check: \(error.description)")
        }
    }
}
