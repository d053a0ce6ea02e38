import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import Testing
import LimitVerdict
import JSONFormat

/// The library calls behind `limit` and `compare` (ExactComparison, the JSON and text reports,
/// the expectation verdicts), tested directly rather than through the CLI.
@Suite struct ReportAPITests {
    /// docs/math.md §4's worked example: M = [[10, −4], [−4, 2]], r = (−3, 2).
    static func worked() throws -> ExactComparison {
        try ExactComparison(Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2")))
    }

    @Test func comparisonJSONCountsFromZero() throws {
        let c = try Self.worked()
        let doc = try c.verdict.json(path: c.path, at: [q("7/4")])
        #expect(doc["monotone"] == .bool(false))
        #expect(doc["equivalent"] == .bool(false))
        // They part at s = 3/4 and rejoin at s = 3, both coordinates (0 and 1) leaving the path.
        #expect(doc["divergence"] == .array([.object(JSONObject([("from", "3/4"), ("to", "3"), ("coordinates", [0, 1])]))]))
        // The first coordinate decreases in |z| on the segment below knot 1 (κ from 4/3 to 1).
        #expect(doc["monotonicityBreak"]?["coordinate"] == 0)
        #expect(doc["monotonicityBreak"]?["knot"] == 1)
        #expect(doc["monotonicityBreak"]?["kappaFrom"] == "4/3")
        #expect(doc["knots"]?.asArray?.map { $0["lambda"]! } == ["3", "4/3", "1", "1/3", "0"])
        #expect(doc["knots"]?[2]?["active"] == [1])
        #expect(doc["saddles"]?[2]?["entering"] == [1])
        #expect(doc["saddles"]?[2]?["face"] == [0, 1])
        #expect(doc["zDown"]?["total"] == "15/64")
        // The largest gap is 1/28 at s = 7/4; evaluated there it is exactly that.
        #expect(doc["at"]?[0]?["gap"] == "1/28")
        #expect(doc["at"]?[0]?["zDown"] == "15/64")
    }

    @Test func nearestDoubleWritesTheSameDocumentAsNumbers() throws {
        let c = try Self.worked()
        let doc = try c.verdict.json(path: c.path, .nearestDouble)
        #expect(doc["knots"]?[1]?["lambda"] == .number("1.3333333333333333"))
        #expect(doc["divergence"]?[0]?["from"] == .number("0.75"))
        #expect(doc["divergence"]?[0]?["coordinates"] == [0, 1])
        #expect(doc["comparedThrough"] == "x")
    }

    @Test func expectationsSayWhyTheyFail() throws {
        let v = try Self.worked().verdict
        #expect(v.unmetExpectation(equivalent: false, monotone: false) == nil)
        #expect(v.unmetExpectation(equivalent: true, monotone: false)
            == "expected the averaged DLN trajectory to equal the lasso path, but they part at s = 3/4")
        #expect(v.unmetExpectation(equivalent: false, monotone: true)
            == "expected z(μ) to be monotone, but coordinate 1 decreases in |z| for μ ∈ [3/4, 1]")
        let orthogonal = try ExactComparison(Problem(M: matrix([[1, 0], [0, 2]]), r: vector("3", "-1"))).verdict
        #expect(orthogonal.unmetExpectation(equivalent: true, monotone: true) == nil)
    }

    @Test func limitJSONAndTextAgree() throws {
        let limit = try Self.worked().limit
        let doc = try limit.json(at: [q("1")])
        #expect(doc["saddles"]?.asArray?.map { $0["s"]! } == ["0", "1/3", "3/4", "11/4"])
        #expect(doc["at"]?[0]?["saddle"] == 2)
        #expect(doc["at"]?[0]?["x"] == ["0", "1"])
        let text = try limit.text(file: "worked.json", at: [q("1")], format: .exact)
        #expect(text.hasPrefix("DLN limit (ε → 0) of worked.json: signed network x = u∘v, λwd = 0, d = 2\n"))
        #expect(text.contains("x°(s) = (0, 1)"))
    }

    @Test func compareTextLeadsWithTheProblem() throws {
        let c = try Self.worked()
        let text = try c.verdict.text(file: "worked.json", format: .exact)
        #expect(text.hasPrefix("compare worked.json: signed network x = u∘v vs the lasso, λwd = 0, d = 2, M positive definite\n\n"))
        #expect(text.contains("they part at s = 3/4"))
    }
}
