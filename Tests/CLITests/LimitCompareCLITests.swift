import Foundation
import Testing

/// `dlnpath limit` and `dlnpath compare` on docs/math.md §4's worked example, whose exact answers are
/// derived by hand in Tests/SaddleToSaddleTests: saddles at s = 1/3, 3/4, 11/4, divergence [3/4, 3].
@Suite("dlnpath limit / compare")
struct LimitCompareCLITests {
    let example = repositoryFile("examples/berthier-example.json")

    @Test func limitJSONHasTheExactSaddles() throws {
        let run = try runDLNPath(["limit", example, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let saddles = try #require(json["saddles"] as? [[String: Any]])
        #expect(saddles.map { $0["s"] as? String } == ["0", "1/3", "3/4", "11/4"])
        #expect(saddles.map { $0["x"] as? [String] } == [["0", "0"], ["-3/10", "0"], ["0", "1"], ["1/2", "2"]])
    }

    @Test func limitEvaluatesTheAveragedTrajectory() throws {
        // Z(2) = (1/3)·0 + (3/4 − 1/3)·(−3/10, 0) + (2 − 3/4)·(0, 1) = (−1/8, 5/4).
        let run = try runDLNPath(["limit", example, "--at", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Z(s)  = (-1/8, 5/4)"))
        #expect(run.stdout.contains("x̄(s) = Z(s)/s = (-1/16, 5/8)"))
    }

    @Test func compareJSONStatesTheVerdict() throws {
        let run = try runDLNPath(["compare", example, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["monotone"] as? Bool == false)
        #expect(json["equivalent"] as? Bool == false)
        let divergence = try #require(json["divergence"] as? [[String: Any]])
        #expect(divergence.count == 1)
        #expect(divergence.first?["from"] as? String == "3/4")
        #expect(divergence.first?["to"] as? String == "3")
        let knots = try #require(json["knots"] as? [[String: Any]])
        #expect(knots.map { $0["lambda"] as? String } == ["3", "4/3", "1", "1/3", "0"])
    }

    /// --summary: the largest gap (1/28 at s = 7/4, docs/math.md §4) and no long arrays, with --json only;
    /// with --expect-equivalent it gates the exit code and still prints the document.
    @Test func compareSummaryGivesTheLargestGap() throws {
        let run = try runDLNPath(["compare", example, "--json", "--summary"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["largestGap"] as? [String: String] == ["maximum": "1/28", "maximiser": "7/4"])
        #expect(json["saddles"] == nil && json["gap"] == nil && (json["zDown"] as? [String: String]) == ["total": "15/64"])
        let gated = try runDLNPath(["compare", example, "--json", "--summary", "--expect-equivalent"])
        #expect(gated.status == 1 && gated.stdout.contains("\"largestGap\""))
        let text = try runDLNPath(["compare", example, "--summary"])
        #expect(text.status == 2 && text.stdout.isEmpty)
        #expect(text.stderr.contains("--summary shortens the --json document; give both"))
    }

    @Test func compareTextSaysWhereThePathsPart() throws {
        let run = try runDLNPath(["compare", example, "--at", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("they part at s = 3/4"))
        #expect(run.stdout.contains("rejoin at s = 3"))
        #expect(run.stdout.contains("at s = 2: gap = 9/256"))
    }

    @Test func expectationsGateTheExitCode() throws {
        #expect(try runDLNPath(["compare", example, "--expect-equivalent"]).status == 1)
        #expect(try runDLNPath(["compare", example, "--expect-monotone"]).status == 1)
        let monotone = try runDLNPath(["compare", repositoryFile("examples/orthogonal.json"), "--expect-equivalent", "--expect-monotone"])
        #expect(monotone.status == 0, "\(monotone.stderr)")
        #expect(monotone.stdout.contains("equals the lasso path for all s"))
    }

    @Test func badTimesAreBadInput() throws {
        let negative = try runDLNPath(["limit", example, "--at", "-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("s = -1 is negative"))
        let zero = try runDLNPath(["compare", example, "--at", "0"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("it must be > 0"))
        let word = try runDLNPath(["limit", example, "--at", "1", "soon"])
        #expect(word.status == 2)
        #expect(word.stderr.contains("unexpected argument 'soon'"))
    }
}
