import ExactArithmetic
import JSONFormat
import LassoHomotopy
import LimitVerdict
import ProblemDefinition
import SaddleToSaddle
import Testing

/// The `compare --json` gap array (each piece's and part's ends written once and reused where
/// they recur) against the array built field by field from `verdict.gap`, exact and `--float`.
@Suite struct GapDocumentTests {
    static func plain(_ gap: [GapPiece], _ exact: ExactJSON) -> JSONValue {
        .array(gap.filter { !$0.maximum.isZero }.map { g in
            .object(JSONObject([
                ("from", exact(g.from)), ("to", exact.optional(g.to)), ("maximum", exact(g.maximum)),
                ("maximiser", exact.optional(g.maximiser)),
                ("parts", .array(g.parts.map { part in
                    .object(JSONObject([("from", exact(part.from)), ("to", exact.optional(part.to)),
                                        ("g0", exact(part.g0)), ("g1", exact(part.g1)), ("g2", exact(part.g2))]))
                })),
            ]))
        })
    }

    @Test func gapArrayIsWrittenFieldByField() throws {
        var problems = [try MairalYu.instance(p: 5), try MairalYu.instance(p: 6)]
        for seed in UInt64(1)...6 {
            problems.append(try randomProblem(seed: seed, n: 3, d: 4, variant: seed % 3 == 0 ? .positive : .signed,
                                              weightDecay: seed % 2 == 0 ? Rational(1, 4) : .zero))
        }
        var multipart = 0
        for (n, problem) in problems.enumerated() {
            let comparison = try ExactComparison(problem)
            for exact in [ExactJSON.exactStrings, .nearestDouble] {
                let document = try comparison.verdict.json(path: comparison.path, exact)
                #expect(document["gap"] == Self.plain(comparison.verdict.gap, exact), "problem \(n)")
            }
            multipart += comparison.verdict.gap.filter { !$0.maximum.isZero && $0.parts.count > 1 }.count
        }
        #expect(multipart > 0) // parts that share their ends were written
    }
}
