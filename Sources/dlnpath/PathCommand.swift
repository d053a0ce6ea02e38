import ArgumentParser
import JSONFormat
import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemDefinition

/// `dlnpath path FILE [--at κ…] [--json]`: the exact lasso regularization path (MATH §1).
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Compute the exact lasso regularization path.",
        discussion: """
        Prints the knots κ_max > κ_1 > … > 0 of the lasso path, exact and with decimal \
        approximations: κ, μ = 1/(κ − λwd), the active set with signs, the solution x and the \
        events (coordinates joining or leaving; more than one is a tie). x is linear in κ between \
        knots. Where the solution is not unique (singular M) this is said per knot and segment, \
        and the path shown is the canonical member (least-norm direction at every knot). Every \
        segment is certified exactly (KKT at both ends, constant signs inside) before anything \
        is printed; a failed certificate exits 1.

        --at evaluates the path at penalties κ ≥ 0: `--at 1/10 1/100`, `--at=-1` or a \
        comma-separated list; a negative κ is bad input (exit 2). JSON numbers are exact "p/q" \
        strings; coordinates are 1-based.
        """
    )

    @OptionGroup var problem: ProblemOptions

    // The first value is taken unconditionally, so `--at -1` reaches our check (a negative κ is
    // bad input, not an unknown option); further values land in `unrecognized`.
    @Option(name: .customLong("at"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Penalties κ ≥ 0 at which to evaluate the path: --at 1/10 1/100 (exact; commas also separate).", valueName: "κ"))
    var at: [String] = []

    /// The values after the first one of `--at` (the parser cannot tell "-1/2" from an option).
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unrecognized: [String] = []

    @Flag(help: "Print JSON: {\"knots\": [{\"lambda\", \"x\", …}], \"unique\", …} with exact \"p/q\" strings.")
    var json = false

    func run() throws {
        let penalties = try ExactValueList.parse(at, unrecognized: unrecognized, option: "--at", quantity: "κ", command: "path")
        let p = try problem.load()
        let path: LassoPath
        do {
            path = try LassoPath(problem: p)
        } catch let error as LassoPathError {
            throw CLIFailure.checkFailed(error.description)
        }
        let report = PathReport(path: path, penalties: penalties)
        if json { printJSON(report.json) } else { print(report.text(file: problem.file)) }
    }
}

/// The text and JSON forms of a certified path.
struct PathReport {
    let path: LassoPath
    let penalties: [Rational]

    private var problem: Problem { path.problem }
    private var hasWeightDecay: Bool { !problem.weightDecay.isZero }

    /// "{1−, 3+}" (1-based coordinates with the sign of x).
    static func activeText(_ active: [Int], _ signs: [Int]) -> String {
        active.isEmpty ? "∅" : "{" + zip(active, signs).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: ", ") + "}"
    }

    static func approximate(_ v: [Rational]) -> String {
        "(" + v.map { $0.decimalString(significantDigits: 6) }.joined(separator: ", ") + ")"
    }

    func text(file: String) -> String {
        let variant = problem.variant == .signed ? "signed" : "positive (x ≥ 0)"
        var out = [
            "lasso path of \(file): \(variant), d = \(problem.dimension), \(path.knots.count) knots, κ_max = \(exactAndApprox(path.kappaMax))",
            "certified: KKT at every knot and constant signs on every segment (MATH §1)",
            path.isUnique ? "solutions: unique for every κ ≥ 0"
                : "solutions: NOT unique where marked *; the path shown is the canonical member (least-norm direction at every knot)",
        ]
        if hasWeightDecay { out.append("weight decay λwd = \(problem.weightDecay): μ = 1/(κ − λwd), shown where κ > λwd") }
        var table = TextTable(["k", "κ", "μ", "active", "events", "x", "x ≈"])
        for (k, knot) in path.knots.enumerated() {
            var events: [String] = []
            if !knot.joined.isEmpty { events.append("+" + knot.joined.map { "\($0 + 1)" }.joined(separator: ",")) }
            if !knot.dropped.isEmpty { events.append("−" + knot.dropped.map { "\($0 + 1)" }.joined(separator: ",")) }
            table.append([
                "\(k)\(knot.isUnique ? "" : "*")", exactAndApprox(knot.kappa), path.mu(at: knot.kappa).map(exactAndApprox) ?? "—",
                Self.activeText(knot.active, knot.signs), events.joined(separator: " "),
                vectorText(knot.x), Self.approximate(knot.x),
            ])
        }
        out.append("")
        out.append(table.render())
        let nonUnique = path.segments.enumerated().filter { !$0.element.isUnique }
        if !nonUnique.isEmpty {
            out.append("")
            out.append("segments with non-unique solutions (between knots k and k+1): " + nonUnique.map { "\($0.offset)" }.joined(separator: ", "))
        }
        if !penalties.isEmpty {
            out.append("")
            var evaluations = TextTable(["κ", "μ", "x", "x ≈", "Lasso*", "unique"])
            for kappa in penalties {
                let x = path.solution(at: kappa)
                evaluations.append([
                    exactAndApprox(kappa), path.mu(at: kappa).map(exactAndApprox) ?? "—", vectorText(x), Self.approximate(x),
                    exactAndApprox(path.optimalValue(at: kappa) + problem.lossOffset), path.isUnique(at: kappa) ? "yes" : "no",
                ])
            }
            out.append(evaluations.render())
            if problem.data != nil { out.append("Lasso* is in data-fit form: ‖Xx − y‖²/\(problem.data!.scaling == .mean ? "(2n)" : "2") + penalty") }
        }
        return out.joined(separator: "\n")
    }

    var json: JSONValue {
        func indices(_ v: [Int]) -> JSONValue { .array(v.map { .number("\($0 + 1)") }) }
        func signs(_ v: [Int]) -> JSONValue { .array(v.map { .number("\($0)") }) }
        let knots: [JSONValue] = path.knots.map { knot in
            .object(JSONObject([
                ("lambda", .exact(knot.kappa)),
                ("mu", .optionalExact(path.mu(at: knot.kappa))),
                ("x", .exact(knot.x)),
                ("active", indices(knot.active)),
                ("signs", signs(knot.signs)),
                ("equicorrelation", indices(knot.equicorrelation)),
                ("joined", indices(knot.joined)),
                ("dropped", indices(knot.dropped)),
                ("unique", .bool(knot.isUnique)),
            ]))
        }
        let segments: [JSONValue] = path.segments.map { segment in
            .object(JSONObject([
                ("upper", .exact(segment.upper)),
                ("lower", .exact(segment.lower)),
                ("active", indices(segment.active)),
                ("signs", signs(segment.signs)),
                ("direction", .exact(segment.direction)),
                ("unique", .bool(segment.isUnique)),
            ]))
        }
        var members: [(String, JSONValue)] = [
            ("variant", .string(problem.variant.rawValue)),
            ("weightDecay", .exact(problem.weightDecay)),
            ("knots", .array(knots)),
            ("segments", .array(segments)),
            ("unique", .bool(path.isUnique)),
            ("certified", .bool(true)),
        ]
        if !penalties.isEmpty {
            members.append(("at", .array(penalties.map { kappa in
                .object(JSONObject([
                    ("lambda", .exact(kappa)),
                    ("mu", .optionalExact(path.mu(at: kappa))),
                    ("x", .exact(path.solution(at: kappa))),
                    ("value", .exact(path.optimalValue(at: kappa) + problem.lossOffset)),
                    ("unique", .bool(path.isUnique(at: kappa))),
                ]))
            })))
        }
        return .object(JSONObject(members))
    }
}
