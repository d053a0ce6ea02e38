import DataFormats
import ExactArithmetic
import LassoHomotopy
import SaddleToSaddle
import JSONFormat

extension Verdict {
    /// The `compare --json` document: saddles, knots (as `path --json`), monotone, equivalent,
    /// divergence, comparedThrough, unique, monotonicityBreak, link, zDown, gap, statements,
    /// contradiction, and with `times` the evaluations "at". Coordinates, knots and saddles
    /// count from 0.
    public func json(path lassoPath: LassoPath, at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        try document(path: lassoPath, at: times, exact).value()
    }

    /// The same document, to be streamed: `compare --json` writes it element by element (the
    /// `times` are evaluated here, so a bad time throws before anything is written).
    public func document(path lassoPath: LassoPath, at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONDocument {
        let knots = lassoPath.knots, weightDecay = lassoPath.problem.weightDecay
        return try document(knots: .elements(count: knots.count) { knots[$0].json(weightDecay: weightDecay, exact) }, at: times, exact)
    }

    /// The document with the knots as given (`ExactComparison.streamedDocument` spills them).
    func document(knots: JSONDocument, at times: [Rational], _ exact: ExactJSON) throws -> JSONDocument {
        let saddles = limit.saddles
        let zPieces = downwardVariation.pieces, gaps = gap.filter { !$0.maximum.isZero }
        var o: [(String, JSONDocument)] = [
            // Written straight to text on two threads (`SaddleText`): their exact q, c and x are
            // most of the document, and q is reduced without being kept.
            ("saddles", .objects(count: saddles.count, write: SaddleText(saddles, exact).write)),
            ("knots", knots),
        ]
        var v: [(String, JSONValue)] = [
            ("monotone", .bool(monotone)),
            ("equivalent", .bool(equivalent)),
            ("divergence", .array(divergence.map { d in
                .object(JSONObject([("from", exact(d.from)), ("to", exact.optional(d.to)), ("coordinates", .indices(d.coordinates))]))
            })),
            ("comparedThrough", .string(comparesImages ? "M·x" : "x")),
            ("unique", .object(JSONObject([("limit", .bool(limit.isUnique)), ("path", .bool(path.isUnique))]))),
        ]
        v.append(("monotonicityBreak", monotonicityBreak.map { b in
            .object(JSONObject([
                ("knot", .integer(b.segment)), ("coordinate", .integer(b.coordinate)),
                ("kappaFrom", exact(b.kappaFrom)), ("kappaTo", exact(b.kappaTo)),
                ("muFrom", exact(b.muFrom)), ("muTo", exact.optional(b.muTo)), ("slope", exact(b.slope)),
                ("valueAtStart", exact(b.valueAtStart)),
                ("decreasingFrom", exact(b.decreasingFrom)), ("decreasingTo", exact.optional(b.decreasingTo)),
            ]))
        } ?? .null))
        v.append(("link", linkJSON(exact)))
        o += v.map { ($0.0, .value($0.1)) }
        // Values that recur (a piece's end as the next one's start, a gap piece's maximiser at
        // one of its ends, z↓'s c₁ = rate) are converted to text once (`RecentTexts`).
        o.append(("zDown", .object([
            ("total", .value(exact.optional(downwardVariation.total))),
            ("pieces", ParallelElements.document(count: zPieces.count, initial: { RecentTexts(exact) }) { n, texts in
                let p = zPieces[n], c = p.coefficients
                return .object(JSONObject([
                    ("from", texts.text(p.from)), ("to", texts.text(p.to)), ("rate", texts.text(p.rate)),
                    ("valueAtFrom", texts.text(p.valueAtFrom)), ("c0", texts.text(c.c0)), ("c1", texts.text(c.c1)),
                    ("c2", texts.text(c.c2)), ("coordinates", .indices(p.coordinates)),
                ]))
            }),
        ])))
        // Runs of 8 consecutive gap pieces per thread, so that most pieces find their start kept.
        o.append(("gap", ParallelElements.document(count: gaps.count, chunk: max(8, gaps.count / 1024),
                                                   initial: { RecentTexts(exact) }) { n, texts in
            let g = gaps[n]
            return .object(JSONObject([
                ("from", texts.text(g.from)), ("to", texts.text(g.to)), ("maximum", exact(g.maximum)),
                ("maximiser", texts.text(g.maximiser)),
                ("parts", .array(g.parts.map { part in
                    .object(JSONObject([("from", texts.text(part.from)), ("to", texts.text(part.to)),
                                        ("g0", exact(part.g0)), ("g1", exact(part.g1)), ("g2", exact(part.g2))]))
                })),
            ]))
        }))
        o.append(("statements", .value(.array(statements.map { .string($0) }))))
        o.append(("contradiction", .value(contradiction.map { .string($0) } ?? .null)))
        if !times.isEmpty { o.append(("at", .value(.array(try times.map { try evaluationJSON(at: $0, exact) })))) }
        if let horizon = limit.horizon {
            o.append(("stop", .value(.object(JSONObject([("s", exact(horizon)), ("lambda", exact(limit.problem.weightDecay + horizon.reciprocal))])))))
        }
        return .object(o)
    }

    /// The averaged limit, the lasso solution, the gap, z↓ and η at one time s > 0.
    public func evaluationJSON(at s: Rational, _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        let eta = try eta(at: s)
        let approximate: JSONValue = eta.approximate.isFinite ? .number("\(eta.approximate)") : .null
        return .object(JSONObject([
            ("s", exact(s)), ("xbar", exact(averaged(at: s))),
            ("lasso", exact(path.solution(at: limit.problem.weightDecay + s.reciprocal))),
            ("gap", exact(try gap(at: s))), ("zDown", exact(eta.zDown)),
            ("eta", .object(JSONObject([("exact", exact.optional(eta.exact)), ("expression", .string(eta.expression)), ("approximate", approximate)]))),
        ]))
    }

    func linkJSON(_ exact: ExactJSON) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("holds", .bool(link.holds)), ("matched", .integer(link.matched)),
            ("silentKnots", .indices(link.silentKnots)),
            ("statement", .string(linkStatement)),
        ]
        switch link.mismatch {
        case nil: o.append(("mismatch", .null))
        case let .time(saddle, s, knot, knotTime)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("time")), ("saddle", .integer(saddle)), ("s", exact(s)),
                                                      ("knot", knot.map { .integer($0) } ?? .null), ("knotTime", exact.optional(knotTime))]))))
        case let .position(saddle, s, knot, x, slope)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("position")), ("saddle", .integer(saddle)), ("s", exact(s)),
                                                      ("knot", .integer(knot)), ("x", exact(x)), ("slope", exact(slope))]))))
        case let .missingSaddle(knot, knotTime)?:
            o.append(("mismatch", .object(JSONObject([("kind", .string("missingSaddle")), ("knot", .integer(knot)), ("knotTime", exact(knotTime))]))))
        }
        return .object(JSONObject(o))
    }
}
