import ArgumentParser
import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// `dlnpath inspect FILE`: what the problem is and what the other commands will assume.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Read a problem, validate it exactly, and describe it.",
        discussion: """
        Prints n, d, the rank of M, whether M is positive definite, λ_max (the smallest penalty \
        with solution 0) and what the other commands will assume. Fails with exit 2 and a \
        message naming the place on malformed input (ragged rows, unparsable numbers, M not \
        symmetric or not positive semidefinite, r outside the range of M, ...).
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Flag(help: "Print the description as JSON (exact numbers as \"p/q\" strings).")
    var json = false

    func run() throws {
        let p = try problem.load()
        let summary = ProblemSummary(p)
        if json {
            printJSON(summary.json)
        } else {
            print(summary.text(file: problem.file))
        }
    }
}

/// The facts `inspect` reports, computed once for both output forms.
struct ProblemSummary {
    let problem: Problem
    let rank: Int
    let lambdaMax: Rational

    init(_ problem: Problem) {
        self.problem = problem
        switch problem.definiteness {
        case .positiveDefinite: rank = problem.dimension
        case .positiveSemidefinite(let r): rank = r
        case .indefinite: rank = problem.M.rank // unreachable: validation rejects it
        }
        switch problem.variant {
        case .signed: lambdaMax = maxNorm(problem.r)
        case .positive: lambdaMax = problem.r.reduce(.zero) { Rational.max($0, $1) }
        }
    }

    var network: String { problem.variant == .signed ? "x = u∘v, s = 2t/log(1/ε)" : "x = u∘u, s = 4t/log(1/ε)" }

    var assumptions: [String] {
        var lines = [
            "lasso: \(problem.variant == .signed ? "signed" : "nonnegative (x ≥ 0)"), penalty κ = λwd + 1/μ with λwd = \(problem.weightDecay)",
            "network: \(network); its averaged trajectory at time s is compared with the lasso at μ = s",
        ]
        if problem.isPositiveDefinite {
            lines.append("M is positive definite: every lasso solution is unique, and \"monotone ⇔ equivalent\" holds (MATH §4)")
        } else {
            lines.append("M is singular: solutions may not be unique; comparisons use M·x, and non-unique faces are reported")
        }
        if let data = problem.data {
            lines.append("objectives are reported in data-fit form ‖Xx − y‖²/\(data.scaling == .mean ? "(2n)" : "2")")
        }
        return lines
    }

    func text(file: String) -> String {
        var out = ["problem: \(file)"]
        if let data = problem.data {
            out.append("data: n = \(data.X.rows) samples, d = \(data.X.columns) features, scaling = \(data.scaling.rawValue) (M = XᵀX\(data.scaling == .mean ? "/n" : ""))")
        } else {
            out.append("quadratic: d = \(problem.dimension) (given as M, r)")
        }
        out.append("rank(M) = \(rank) of \(problem.dimension)\(problem.isPositiveDefinite ? " (positive definite)" : " (singular, positive semidefinite)")")
        out.append("λ_max = \(exactAndApprox(lambdaMax))  (x = 0 for every penalty κ ≥ λ_max)")
        out.append("variant: \(problem.variant.rawValue), weight decay λwd = \(problem.weightDecay)")
        out.append("")
        out.append("assumed by the other commands:")
        out += assumptions.map { "  - " + $0 }
        return out.joined(separator: "\n")
    }

    var json: JSONValue {
        var o: [(String, JSONValue)] = []
        if let data = problem.data {
            o.append(("n", .number(String(data.X.rows))))
            o.append(("scaling", .string(data.scaling.rawValue)))
        }
        o.append(("d", .number(String(problem.dimension))))
        o.append(("rank", .number(String(rank))))
        o.append(("positiveDefinite", .bool(problem.isPositiveDefinite)))
        o.append(("lambdaMax", .exact(lambdaMax)))
        o.append(("variant", .string(problem.variant.rawValue)))
        o.append(("weightDecay", .exact(problem.weightDecay)))
        o.append(("M", .exact(problem.M.rowArrays)))
        o.append(("r", .exact(problem.r)))
        o.append(("assumptions", .array(assumptions.map { .string($0) })))
        return .object(JSONObject(o))
    }
}
