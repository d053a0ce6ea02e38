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
        let zPieces = downwardVariation.pieces, gaps = gap.filter { !$0.maximum.isZero }
        // Values that recur (a piece's end as the next one's start, a gap piece's maximiser at
        // one of its ends, z↓'s c₁ = rate) are converted to text once (`RecentTexts`); runs of 8
        // consecutive gap pieces per thread, so that most pieces find their start kept.
        return facts.document(.whole(
            // Written straight to text on two threads (`SaddleText`): their exact q, c and x are
            // most of the document, and q is reduced without being kept.
            saddles: .objects(count: limit.saddles.count, write: SaddleText(limit.saddles, exact).write),
            downwardPieces: ParallelElements.document(count: zPieces.count, initial: { RecentTexts(exact) }) { n, texts in zPieces[n].json(&texts) },
            gap: ParallelElements.document(count: gaps.count, chunk: max(8, gaps.count / 1024), initial: { RecentTexts(exact) }) { n, texts in
                gaps[n].json(&texts)
            }),
            knots: .elements(count: knots.count) { knots[$0].json(weightDecay: weightDecay, exact) },
            at: try times.map { try evaluationJSON(at: $0, exact) }, exact)
    }

    /// The averaged limit, the lasso solution, the gap, z↓ and η at one time s > 0.
    public func evaluationJSON(at s: Rational, _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        let eta = try eta(at: s)
        return Verdict.evaluationJSON(s: s, averaged: averaged(at: s), lasso: path.solution(at: limit.problem.weightDecay + s.reciprocal),
                                      gap: try gap(at: s), eta: eta, exact)
    }

    static func evaluationJSON(s: Rational, averaged: [Rational], lasso: [Rational], gap: Rational, eta: Eta, _ exact: ExactJSON) -> JSONValue {
        let approximate: JSONValue = eta.approximate.isFinite ? .number("\(eta.approximate)") : .null
        return .object(JSONObject([
            ("s", exact(s)), ("xbar", exact(averaged)), ("lasso", exact(lasso)), ("gap", exact(gap)), ("zDown", exact(eta.zDown)),
            ("eta", .object(JSONObject([("exact", exact.optional(eta.exact)), ("expression", .string(eta.expression)), ("approximate", approximate)]))),
        ]))
    }
}

extension VerdictFacts {
    /// The long arrays of `compare --json` (in memory: `Verdict.document`; streamed: spilled
    /// files): the saddles, z↓'s pieces and the gap pieces with a nonzero maximum. With
    /// `--summary`, the first largest gap in their place.
    enum LongParts {
        case whole(saddles: JSONDocument, downwardPieces: JSONDocument, gap: JSONDocument)
        case summary(largestGap: JSONValue)
    }

    /// The `compare --json` document around its long arrays and the knots; `at`, the evaluations.
    func document(_ parts: LongParts, knots: JSONDocument, at: [JSONValue], _ exact: ExactJSON) -> JSONDocument {
        var o: [(String, JSONDocument)] = [("knots", knots)]
        if case let .whole(saddles, _, _) = parts { o.insert(("saddles", saddles), at: 0) }
        var v: [(String, JSONValue)] = [
            ("monotone", .bool(monotone)),
            ("equivalent", .bool(equivalent)),
            ("divergence", .array(divergence.map { d in
                .object(JSONObject([("from", exact(d.from)), ("to", exact.optional(d.to)), ("coordinates", .indices(d.coordinates))]))
            })),
            ("comparedThrough", .string(comparesImages ? "M·x" : "x")),
            ("unique", .object(JSONObject([("limit", .bool(limitUnique)), ("path", .bool(pathUnique))]))),
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
        let total: (String, JSONDocument) = ("total", .value(exact.optional(downward.total)))
        switch parts {
        case let .whole(_, downwardPieces, gap):
            o.append(("zDown", .object([total, ("pieces", downwardPieces)])))
            o.append(("gap", gap))
        case let .summary(largestGap):
            o.append(("zDown", .object([total])))
            o.append(("largestGap", .value(largestGap)))
        }
        o.append(("statements", .value(.array(statements.map { .string($0) }))))
        o.append(("contradiction", .value(contradiction.map { .string($0) } ?? .null)))
        if !at.isEmpty { o.append(("at", .value(.array(at)))) }
        if let horizon {
            o.append(("stop", .value(.object(JSONObject([("s", exact(horizon)), ("lambda", exact(problem.weightDecay + horizon.reciprocal))])))))
        }
        return .object(o)
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

extension LargestGap {
    /// `compare --json --summary`'s "largestGap": the maximum and where (null: no nonzero gap).
    func json(_ exact: ExactJSON) -> JSONValue {
        guard let maximum else { return .null }
        return .object(JSONObject([("maximum", exact(maximum.exact)), ("maximiser", exact.optional(maximiser))]))
    }
}

extension DownwardVariationPiece {
    /// The piece in `compare --json` (texts of recurring values from `texts`).
    func json(_ texts: inout RecentTexts) -> JSONValue {
        let c = coefficients
        return .object(JSONObject([
            ("from", texts.text(from)), ("to", texts.text(to)), ("rate", texts.text(rate)),
            ("valueAtFrom", texts.text(valueAtFrom)), ("c0", texts.text(c.c0)), ("c1", texts.text(c.c1)),
            ("c2", texts.text(c.c2)), ("coordinates", .indices(coordinates)),
        ]))
    }
}

extension GapPiece {
    /// The piece in `compare --json` (texts of recurring values from `texts`).
    func json(_ texts: inout RecentTexts) -> JSONValue {
        let exact = texts.exact
        return .object(JSONObject([
            ("from", texts.text(from)), ("to", texts.text(to)), ("maximum", exact(maximum)),
            ("maximiser", texts.text(maximiser)),
            ("parts", .array(parts.map { part in
                .object(JSONObject([("from", texts.text(part.from)), ("to", texts.text(part.to)),
                                    ("g0", exact(part.g0)), ("g1", exact(part.g1)), ("g2", exact(part.g2))]))
            })),
        ]))
    }
}
