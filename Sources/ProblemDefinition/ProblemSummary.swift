import ExactArithmetic
import ExactLinearAlgebra

/// What `inspect` reports about a validated problem: its size, rank, λ_max and what the other
/// commands assume about it (docs/math.md §0).
public struct ProblemSummary: Sendable {
    public let problem: Problem
    /// rank(M).
    public let rank: Int
    /// The smallest penalty κ with solution x = 0 (`Problem.kappaMax`).
    public let lambdaMax: Rational

    public init(_ problem: Problem) {
        self.problem = problem
        rank = problem.rank
        lambdaMax = problem.kappaMax
    }

    public var network: String { problem.variant == .signed ? "x = u∘v, s = 2t/log(1/ε)" : "x = u∘u, s = 4t/log(1/ε)" }

    /// What the other commands assume, one sentence each.
    public var assumptions: [String] {
        var lines = [
            "lasso: \(problem.variant == .signed ? "signed" : "nonnegative (x ≥ 0)"), penalty κ = λwd + 1/μ with λwd = \(problem.weightDecay)",
            "network: \(network); its averaged trajectory at time s is compared with the lasso at μ = s",
        ]
        if problem.isPositiveDefinite {
            lines.append("M is positive definite: every lasso solution is unique, and \"monotone ⇔ equivalent\" holds (docs/math.md §4)")
        } else {
            lines.append("M is singular: solutions may not be unique; comparisons use M·x, and non-unique faces are reported")
        }
        if let data = problem.data {
            lines.append("objectives are reported in data-fit form ‖Xx − y‖²/\(data.scaling == .mean ? "(2n)" : "2")")
        }
        return lines
    }

    /// The human-readable report; `file` names the problem in its first line.
    public func text(file: String, format: NumberFormat = .readable) -> String {
        var out = ["problem: \(file)"]
        if let data = problem.data {
            out.append("data: n = \(data.X.rows) samples, d = \(data.X.columns) features, scaling = \(data.scaling.rawValue) (M = XᵀX\(data.scaling == .mean ? "/n" : ""))")
        } else {
            out.append("quadratic: d = \(problem.dimension) (given as M, r)")
        }
        out.append("rank(M) = \(rank) of \(problem.dimension)\(problem.isPositiveDefinite ? " (positive definite)" : " (singular, positive semidefinite)")")
        out.append("λ_max = \(format(lambdaMax))  (x = 0 for every penalty κ ≥ λ_max)")
        out.append("variant: \(problem.variant.rawValue), weight decay λwd = \(format(problem.weightDecay))")
        out.append("")
        out.append("assumed by the other commands:")
        out += assumptions.map { "  - " + $0 }
        return out.joined(separator: "\n")
    }
}
