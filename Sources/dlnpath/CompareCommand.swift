import ArgumentParser
import DataFormats
import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemInput
import SaddleToSaddle

/// `dlnpath compare FILE [--json]`: the lasso knots and the DLN saddles side by side, then MATH
/// §4's verdict in plain words.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the averaged ε → 0 DLN trajectory with the lasso path, exactly.",
        discussion: """
        Time s of the network plays μ = 1/(κ − λwd) of the lasso. Prints the lasso knots and the \
        DLN saddles side by side, then the verdict: whether z(μ) = μ·x(κ(μ)) is monotone, whether \
        the averaged trajectory x̄(s) equals the lasso solution for every s (and if not, the exact \
        intervals where they differ), the downward variation z↓ of Berthier's Theorem 2.2, the \
        exact limit gap Lasso(x̄(s)) − Lasso*(s) with its maxima, and whether the jump times are \
        the knots 1/κ_k with the saddles equal to the segment slopes. For positive definite M, \
        "monotone" and "equivalent" must agree (MATH §4); if they ever do not, a warning goes to \
        standard error. --at s evaluates the gap and η(s) at given times.

        The verdict is information: compare exits 0 whatever it is, unless --expect-equivalent or \
        --expect-monotone is given and fails (exit 1). JSON numbers are exact "p/q" strings; \
        coordinates are 1-based.
        """
    )

    @OptionGroup var problem: ProblemOptions

    // The first value is taken unconditionally, so `--at -1` reaches our range check; further
    // values land in `unrecognized` (see ExactValueList).
    @Option(name: .customLong("at"), parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Times s > 0 at which to print the exact gap and η(s): --at 1 2 (exact; commas also separate).", valueName: "s"))
    var at: [String] = []

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unrecognized: [String] = []

    @Flag(help: "Print JSON (exact numbers as \"p/q\" strings).")
    var json = false

    @Flag(help: "Exit 1 unless the averaged DLN trajectory equals the lasso path for all s.")
    var expectEquivalent = false

    @Flag(help: "Exit 1 unless z(μ) is coordinatewise monotone.")
    var expectMonotone = false

    func run() throws {
        let times = try ExactValueList.parse(at, unrecognized: unrecognized, option: "--at", quantity: "s", strict: true, command: "compare")
        let p = try problem.load()
        let exact = try ExactComparison(p)
        let verdict = exact.verdict
        let report = CompareReport(verdict: verdict, path: exact.path)
        if json {
            var o = report.json.asObject!
            if !times.isEmpty { o["at"] = .array(try times.map(report.evaluationJSON)) }
            printJSON(.object(o))
        } else {
            print("compare \(problem.file): \(LimitReport(limit: exact.limit).network) vs the \(p.variant == .signed ? "" : "nonnegative ")lasso, λwd = \(p.weightDecay), d = \(p.dimension), M \(p.isPositiveDefinite ? "positive definite" : "singular")")
            print(report.text)
            for s in times { print(try report.evaluationText(at: s)) }
        }
        if let contradiction = verdict.contradiction {
            FileHandle.standardError.write(Data("warning: CONTRADICTION WITH MATH §4: \(contradiction)\n".utf8))
        }
        if expectEquivalent && !verdict.equivalent {
            throw CLIFailure.checkFailed("expected the averaged DLN trajectory to equal the lasso path, but they part at s = \(NumberText.quote(verdict.divergence[0].from))")
        }
        if expectMonotone, let b = verdict.monotonicityBreak {
            throw CLIFailure.checkFailed("expected z(μ) to be monotone, but coordinate \(b.coordinate + 1) decreases in |z| for μ ∈ [\(b.decreasingFrom), \(b.decreasingTo.map(\.description) ?? "∞")]")
        }
    }
}

/// Text and JSON of a `Verdict` with its lasso path.
struct CompareReport {
    let verdict: Verdict
    let path: LassoPath

    var limit: DLNLimit { verdict.limit }

    /// One row per time at which a knot or a saddle happens (s = ∞ for κ = λwd).
    var sideBySide: String {
        let knots = verdict.path
        var rows: [Rational: (knot: Int?, saddle: Int?)] = [:]
        for j in knots.kappa.indices { if let t = knots.time(ofKnot: j) { rows[t, default: (nil, nil)].knot = j } }
        for (k, saddle) in limit.saddles.enumerated() where k > 0 { rows[saddle.s, default: (nil, nil)].saddle = k }
        var table = TextTable(["s", "lasso knot κ", "x(κ)", "slope a below the knot", "DLN saddle x°", "x° = a?"])
        for t in rows.keys.sorted() {
            let (j, k) = rows[t]!
            let slope = j.flatMap { $0 < knots.reachedSegments.upperBound ? knots.inverseAffine($0).constant : nil }
            let saddleX = k.map { limit.saddles[$0].x }
            let mark = slope != nil && saddleX != nil ? (slope! == saddleX! ? "=" : "≠") : ""
            table.append([
                exactAndApprox(t), j.map { exactAndApprox(knots.kappa[$0]) } ?? "", j.map { sparseText(knots.x[$0]) } ?? "",
                slope.map(sparseText) ?? "", saddleX.map(sparseText) ?? "", mark,
            ])
        }
        let unreached = knots.kappa.indices.filter { knots.time(ofKnot: $0) == nil }
        var out = table.render()
        if unreached == [knots.kappa.count - 1], knots.kappa[unreached[0]] == knots.weightDecay {
            out += "\n(s → ∞ is κ = λwd = \(knots.weightDecay), the last knot: x = \(sparseText(knots.x[unreached[0]])))"
        } else if !unreached.isEmpty {
            out += "\n(s → ∞ is κ = λwd = \(knots.weightDecay), where x = \(sparseText(path.solution(at: knots.weightDecay))); knots at κ ≤ λwd (\(unreached.map { knots.kappa[$0].description }.joined(separator: ", "))) are never reached)"
        }
        return out
    }

    var text: String {
        var out = ["", "lasso knots and DLN saddles by time s = 1/(κ − λwd):", sideBySide, "", "verdict:"]
        out += verdict.statements.map { "  - " + $0 }
        let gaps = verdict.gap.filter { !$0.maximum.isZero }
        if !gaps.isEmpty {
            out += ["", "limit gap Lasso(x̄(s)) − Lasso*(s) where it is not 0 (exact maxima):"]
            var table = TextTable(["s from", "to", "max gap", "at s"])
            for g in gaps {
                table.append([exactAndApprox(g.from), g.to.map(exactAndApprox) ?? "∞", exactAndApprox(g.maximum), g.maximiser.map(exactAndApprox) ?? "→ ∞"])
            }
            out.append(table.render())
        }
        if !verdict.downwardVariation.isZero {
            out += ["", "downward variation z↓(μ) = value at start + rate·[(μ − start) + (μ² − start²)/2]:"]
            var table = TextTable(["μ from", "to", "rate", "z↓ at start", "coordinates decreasing in |z|"])
            for p in verdict.downwardVariation.pieces {
                table.append([exactAndApprox(p.from), p.to.map(exactAndApprox) ?? "∞", exactAndApprox(p.rate), exactAndApprox(p.valueAtFrom),
                              p.coordinates.isEmpty ? "—" : p.coordinates.map { String($0 + 1) }.joined(separator: " ")])
            }
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }

    func evaluationText(at s: Rational) throws -> String {
        let eta = try verdict.eta(at: s)
        return "at s = \(exactAndApprox(s)): gap = \(exactAndApprox(try verdict.gap(at: s))), z↓ = \(exactAndApprox(eta.zDown)), η = \(eta.expression) ≈ \(eta.approximate)"
    }

    func evaluationJSON(at s: Rational) throws -> JSONValue {
        let eta = try verdict.eta(at: s)
        return .object(JSONObject([
            ("s", .exact(s)), ("xbar", .exact(try limit.averaged(at: s))),
            ("lasso", .exact(verdict.path.solution(at: limit.problem.weightDecay + s.reciprocal))),
            ("gap", .exact(try verdict.gap(at: s))), ("zDown", .exact(eta.zDown)),
            ("eta", .object(JSONObject([("exact", .optionalExact(eta.exact)), ("expression", .string(eta.expression)), ("approximate", .approximate(eta.approximate))]))),
        ]))
    }

    /// Exactly the knots of `dlnpath path --json`.
    var knotsJSON: JSONValue { PathReport(path: path, penalties: []).json["knots"] ?? .array([]) }

    var json: JSONValue {
        let v = verdict
        var o: [(String, JSONValue)] = [
            ("saddles", .array(limit.saddles.map(LimitReport(limit: limit).saddleJSON))),
            ("knots", knotsJSON),
            ("monotone", .bool(v.monotone)),
            ("equivalent", .bool(v.equivalent)),
            ("divergence", .array(v.divergence.map { d in
                .object(JSONObject([("from", .exact(d.from)), ("to", .optionalExact(d.to)), ("coordinates", oneBased(d.coordinates))]))
            })),
            ("comparedThrough", .string(v.comparesImages ? "M·x" : "x")),
            ("unique", .object(JSONObject([("limit", .bool(limit.isUnique)), ("path", .bool(v.path.isUnique))]))),
        ]
        o.append(("monotonicityBreak", v.monotonicityBreak.map { b in
            .object(JSONObject([
                ("knot", .number(String(b.segment))), ("coordinate", .number(String(b.coordinate + 1))),
                ("kappaFrom", .exact(b.kappaFrom)), ("kappaTo", .exact(b.kappaTo)),
                ("muFrom", .exact(b.muFrom)), ("muTo", .optionalExact(b.muTo)), ("slope", .exact(b.slope)),
                ("valueAtStart", .exact(b.valueAtStart)),
                ("decreasingFrom", .exact(b.decreasingFrom)), ("decreasingTo", .optionalExact(b.decreasingTo)),
            ]))
        } ?? .null))
        o.append(("link", linkJSON))
        o.append(("zDown", .object(JSONObject([
            ("total", .optionalExact(v.downwardVariation.total)),
            ("pieces", .array(v.downwardVariation.pieces.map { p in
                let c = p.coefficients
                return .object(JSONObject([
                    ("from", .exact(p.from)), ("to", .optionalExact(p.to)), ("rate", .exact(p.rate)),
                    ("valueAtFrom", .exact(p.valueAtFrom)), ("c0", .exact(c.c0)), ("c1", .exact(c.c1)), ("c2", .exact(c.c2)),
                    ("coordinates", oneBased(p.coordinates)),
                ]))
            })),
        ]))))
        o.append(("gap", .array(v.gap.filter { !$0.maximum.isZero }.map { g in
            .object(JSONObject([
                ("from", .exact(g.from)), ("to", .optionalExact(g.to)), ("maximum", .exact(g.maximum)),
                ("maximiser", .optionalExact(g.maximiser)),
                ("parts", .array(g.parts.map { part in
                    .object(JSONObject([("from", .exact(part.from)), ("to", .optionalExact(part.to)),
                                        ("g0", .exact(part.g0)), ("g1", .exact(part.g1)), ("g2", .exact(part.g2))]))
                })),
            ]))
        })))
        o.append(("statements", .array(v.statements.map { .string($0) })))
        o.append(("contradiction", v.contradiction.map { .string($0) } ?? .null))
        return .object(JSONObject(o))
    }

    var linkJSON: JSONValue {
        var o: [(String, JSONValue)] = [
            ("holds", .bool(verdict.link.holds)), ("matched", .number(String(verdict.link.matched))),
            ("silentKnots", .array(verdict.link.silentKnots.map { .number(String($0)) })),
            ("statement", .string(verdict.linkStatement)),
        ]
        switch verdict.link.mismatch {
        case nil: o.append(("mismatch", .null))
        case let .time(saddle, s, knot, knotTime)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("time")), ("saddle", .number(String(saddle))), ("s", .exact(s)),
                                                      ("knot", knot.map { .number(String($0)) } ?? .null), ("knotTime", .optionalExact(knotTime))]))))
        case let .position(saddle, s, knot, x, slope)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("position")), ("saddle", .number(String(saddle))), ("s", .exact(s)),
                                                      ("knot", .number(String(knot))), ("x", .exact(x)), ("slope", .exact(slope))]))))
        case let .missingSaddle(knot, knotTime)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("missingSaddle")), ("knot", .number(String(knot))), ("knotTime", .exact(knotTime))]))))
        }
        return .object(JSONObject(o))
    }
}
