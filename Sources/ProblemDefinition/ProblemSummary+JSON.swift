import DataFormats
import ExactArithmetic
import JSONFormat

extension ProblemSummary {
    /// The `inspect --json` document: n and scaling (data given), d, rank, positiveDefinite,
    /// lambdaMax, variant, weightDecay, M, r, assumptions.
    public func json(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        var o: [(String, JSONValue)] = []
        if let data = problem.data {
            o.append(("n", .integer(data.X.rows)))
            o.append(("scaling", .string(data.scaling.rawValue)))
        }
        o.append(("d", .integer(problem.dimension)))
        o.append(("rank", .integer(rank)))
        o.append(("positiveDefinite", .bool(problem.isPositiveDefinite)))
        o.append(("lambdaMax", exact(lambdaMax)))
        o.append(("variant", .string(problem.variant.rawValue)))
        o.append(("weightDecay", exact(problem.weightDecay)))
        o.append(("M", exact(problem.M.rowArrays)))
        o.append(("r", exact(problem.r)))
        o.append(("assumptions", .array(assumptions.map { .string($0) })))
        return .object(JSONObject(o))
    }
}
