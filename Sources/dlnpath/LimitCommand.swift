import ArgumentParser
import JSONFormat
import ExactArithmetic
import ProblemDefinition
import SaddleToSaddle

/// `dlnpath limit FILE [--at s…] [--json]`: the exact ε → 0 trajectory of the network (MATH §3).
struct LimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit",
        abstract: "The exact ε → 0 limit of the DLN trajectory: its saddles, jump times and averaged path.",
        discussion: """
        Computes, in exact arithmetic, the saddle-to-saddle trajectory of the network x = u∘v \
        (or x = u∘u with --positive) in rescaled time s: the jump times, the saddle x° held from \
        each jump to the next (the last one forever), and the dual q(s) that decides the jumps. \
        Every saddle passes an exact KKT check. When a face problem has several minimisers the \
        saddle is marked non-unique: the true limit then depends on the initialisation β, γ, while \
        q and M·x° do not. --at s evaluates x°(s), q(s), Z(s) = ∫₀ˢ x° and the averaged x̄(s) = Z(s)/s.

        JSON (--json): every number is an exact "p/q" string; coordinates are 1-based.
        """
    )

    @OptionGroup var problem: ProblemOptions

    // The first value is taken unconditionally, so `--at -1` reaches our range check; further
    // values land in `unrecognized` (see ExactValueList).
    @Option(name: .customLong("at"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Times s ≥ 0 at which to evaluate the limit: --at 3/4 2 (exact; commas also separate).", valueName: "s"))
    var at: [String] = []

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unrecognized: [String] = []

    @Flag(help: "Print JSON (exact numbers as \"p/q\" strings).")
    var json = false

    func run() throws {
        let times = try ExactValueList.parse(at, unrecognized: unrecognized, option: "--at", quantity: "s", command: "limit")
        let p = try problem.load()
        let limit = try computeLimit(p)
        let report = LimitReport(limit: limit)
        if json {
            var o = report.json.asObject!
            if !times.isEmpty { o["at"] = .array(try times.map { try report.evaluationJSON(at: $0) }) }
            printJSON(.object(o))
        } else {
            print("DLN limit (ε → 0) of \(problem.file): \(report.network), λwd = \(p.weightDecay), d = \(p.dimension)")
            print(report.text)
            for s in times { print(try report.evaluationText(at: s)) }
        }
    }
}

/// Text and JSON of a `DLNLimit`, shared by `limit` and `compare`.
struct LimitReport {
    let limit: DLNLimit

    var network: String {
        limit.problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    var text: String {
        var table = TextTable(["k", "s", "entering", "face", "x°", "unique"])
        for (k, saddle) in limit.saddles.enumerated() {
            let face = zip(saddle.face, saddle.faceSigns).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: " ")
            table.append([
                String(k), exactAndApprox(saddle.s),
                saddle.entering.isEmpty ? "—" : saddle.entering.map { String($0 + 1) }.joined(separator: " "),
                face.isEmpty ? "—" : face, sparseText(saddle.x), saddle.isUnique ? "yes" : "NO (depends on β, γ)",
            ])
        }
        let last = limit.saddles[limit.saddles.count - 1]
        let stop = limit.problem.weightDecay.isZero
            ? "no coordinate of q can reach the box: x° = \(sparseText(last.x)) minimises ℓ\(limit.problem.variant == .positive ? " over x ≥ 0" : "")"
            : "no coordinate of q can reach the growing box 1 + λwd·s: x° is stationary for ℓ + λwd‖·‖₁"
        return "saddles (x° is held from each time s to the next; the last one forever):\n"
            + table.render() + "\nafter s = \(last.s): \(stop)"
    }

    var json: JSONValue {
        .object(JSONObject([
            ("variant", .string(limit.problem.variant.rawValue)),
            ("weightDecay", .exact(limit.problem.weightDecay)),
            ("unique", .bool(limit.isUnique)),
            ("saddles", .array(limit.saddles.map(saddleJSON))),
        ]))
    }

    func saddleJSON(_ saddle: Saddle) -> JSONValue {
        .object(JSONObject([
            ("s", .exact(saddle.s)), ("x", .exact(saddle.x)), ("q", .exact(saddle.q)),
            ("c", .exact(saddle.correlation)), ("unique", .bool(saddle.isUnique)),
            ("entering", oneBased(saddle.entering)), ("face", oneBased(saddle.face)),
            ("faceSigns", .array(saddle.faceSigns.map { .number(String($0)) })),
            ("objective", .exact(saddle.objective)),
        ]))
    }

    func evaluationJSON(at s: Rational) throws -> JSONValue {
        .object(JSONObject([
            ("s", .exact(s)), ("saddle", .number(String(try limit.saddleIndex(at: s)))),
            ("x", .exact(try limit.iterate(at: s))), ("q", .exact(try limit.dual(at: s))),
            ("Z", .exact(try limit.integral(at: s))), ("xbar", .exact(try limit.averaged(at: s))),
        ]))
    }

    func evaluationText(at s: Rational) throws -> String {
        """
        at s = \(exactAndApprox(s)) (saddle \(try limit.saddleIndex(at: s))):
          x°(s) = \(vectorText(try limit.iterate(at: s)))
          q(s)  = \(vectorText(try limit.dual(at: s)))
          Z(s)  = \(vectorText(try limit.integral(at: s)))
          x̄(s) = Z(s)/s = \(vectorText(try limit.averaged(at: s)))
        """
    }
}

func oneBased(_ indices: [Int]) -> JSONValue { .array(indices.map { .number(String($0 + 1)) }) }

/// A vector in full when short, else its nonzero entries "x3 = 1/2, x7 = −4" (1-based).
func sparseText(_ v: [Rational]) -> String {
    if v.count <= 6 { return vectorText(v) }
    let nonzero = v.indices.filter { !v[$0].isZero }
    return nonzero.isEmpty ? "0" : nonzero.map { "x\($0 + 1) = \(v[$0])" }.joined(separator: ", ")
}
