import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `dlnpath flow` and `dlnpath plot` end to end (small horizons and grids: the numeric runs are
/// a fraction of a second each even in a debug build).
@Suite("dlnpath flow and plot")
struct FlowPlotCLITests {
    static let orthogonal = repositoryFile("examples/orthogonal.json")
    static let berthier = repositoryFile("examples/berthier-example.json")

    /// Monotone instance: the deviation from the exact limit shrinks with ε, in the order given.
    @Test func flowJSONDeviationsShrink() throws {
        let run = try runDLNPath(["flow", Self.orthogonal, "--epsilon", "1e-5,1e-20,1e-100", "--s-max", "3", "--grid", "150",
                                  "--json", "--expect-consistent"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let o = try jsonObject(run.stdout)
        let rows = try #require(o["rows"] as? [[String: Any]])
        #expect(rows.map { $0["epsilon"] as? String } == ["1e-5", "1e-20", "1e-100"])
        let limit = rows.compactMap { ($0["maxDeviationFromLimit"] as? NSNumber)?.doubleValue }
        let lasso = rows.compactMap { ($0["maxDeviationFromLasso"] as? NSNumber)?.doubleValue }
        #expect(limit.count == 3 && lasso.count == 3)
        #expect(zip(limit, limit.dropFirst()).allSatisfy { $1 < $0 }, "\(limit)")
        // z is monotone here, so the limit is the lasso path and both deviations agree.
        #expect(zip(limit, lasso).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(limit) vs \(lasso)")
        #expect(o["consistentWithLimit"] as? Bool == true)
        #expect((o["fitLimit"] as? [String: Any])?["verdict"] as? String == "consistent")
        #expect((o["exact"] as? [String: Any])?["equivalent"] as? Bool == true)
        #expect((o["sMax"] as? NSNumber)?.doubleValue == 3)
    }

    /// The human-readable report has the table and the reading, with the exact facts.
    @Test func flowText() throws {
        let run = try runDLNPath(["flow", Self.berthier, "--epsilon", "1e-5,1e-50", "--grid", "100"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("s_max = 9/2 (default"), "\(run.stdout)")
        #expect(run.stdout.contains("leaves the lasso path on (3/4, 3)"))
        #expect(run.stdout.contains("sup = 1/28"), "the exact limit gap's maximum: \(run.stdout)")
        #expect(run.stdout.contains("1e-50"))
        #expect(run.stdout.contains("verdict: consistent (against the exact limit)"), "\(run.stdout)")
        #expect(run.stdout.contains("criterion: consistent when"))
    }

    struct BadList: Sendable, CustomTestStringConvertible {
        let list: String
        let message: String
        var testDescription: String { "'\(list)'" }
    }

    static let badLists: [BadList] = [
        BadList(list: "1e-5,0", message: "ε must be positive, got '0'"),
        BadList(list: "-1e-5", message: "ε must be positive, got '-1e-5'"),
        BadList(list: "1e-5,abc", message: "'abc' is not a number"),
        BadList(list: "1e-5,1", message: "ε must be below 1"),
        BadList(list: "1e-5,2.5", message: "ε must be below 1"),
        BadList(list: "1e-5,,1e-10", message: "empty entry"),
    ]

    @Test(arguments: badLists)
    func flowRejectsBadEpsilonList(_ bad: BadList) throws {
        let run = try runDLNPath(["flow", Self.orthogonal, "--epsilon", bad.list, "--grid", "10"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(bad.message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// The limit's distance from the path is exactly 0 where the exact verdict says they agree
    /// (everywhere for the orthogonal design), not rounding noise; 1/4 where it says they part.
    @Test func limitDistanceFromTheLassoIsExactlyZeroWhereTheyAgree() throws {
        for (file, zero) in [(Self.orthogonal, true), (Self.berthier, false)] {
            let o = try jsonObject(try runDLNPath(["flow", file, "--epsilon", "1e-5,1e-10", "--grid", "100", "--json"]).stdout)
            let distance = try #require(o["limitDistanceFromLasso"] as? Double)
            let expected = try #require((o["fitLasso"] as? [String: Any])?["expectedIntercept"] as? Double)
            #expect(zero ? distance == 0 && expected == 0 : abs(distance - 0.25) < 1e-12 && expected == distance, "\(file): \(distance)")
        }
    }

    @Test func flowRejectsOtherBadOptions() throws {
        for args in [["--s-max", "-1"], ["--grid", "1"], ["--gradient-descent"], ["--step", "0.1"],
                     ["--gradient-descent", "--step", "0"], ["--epsilon", "1e-5", "--expect-consistent"]] {
            let run = try runDLNPath(["flow", Self.orthogonal] + args)
            #expect(run.status == 2, "\(args): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: "), "\(args): \(run.stderr)")
        }
    }

    /// With absurdly loose tolerances (rtol = atol = 0.1) the deviations no longer shrink with ε:
    /// the reading says so and --expect-consistent turns it into exit 1.
    @Test func expectConsistentFailsOnABadRun() throws {
        let run = try runDLNPath(["flow", Self.berthier, "--epsilon", "1e-5,1e-10,1e-20", "--grid", "100",
                                  "--rtol", "0.1", "--atol", "0.1", "--expect-consistent"])
        #expect(run.status == 1, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stderr.contains("expected the runs to be consistent with the exact limit"), "\(run.stderr)")
        #expect(run.stdout.contains("inconsistent"))
    }

    /// A step far beyond 2/Λ is reported as too large to track the flow.
    @Test func gradientDescentStepTooLarge() throws {
        let run = try runDLNPath(["flow", Self.berthier, "--epsilon", "1e-5,1e-10", "--s-max", "2", "--grid", "50",
                                  "--gradient-descent", "--step", "0.3", "--json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let o = try jsonObject(run.stdout)
        let gd = try #require(o["gradientDescent"] as? [[String: Any]])
        #expect(gd.count == 2)
        for row in gd {
            #expect(row["tracksFlow"] as? Bool == false)
            #expect((row["diagnosis"] as? String)?.contains("too large") == true, "\(row)")
        }
    }

    @Test func plotWritesParsableSVGWithLegend() throws {
        let output = try temporaryInput("fig.svg", "")
        let run = try runDLNPath(["plot", Self.berthier, "-o", output, "--epsilon", "1e-5", "--s-max", "4", "--samples", "120"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // One line of at most 160 characters, wrapped (the path of the file is part of it).
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 160 }, "\(run.stdout)")
        #expect(run.stdout.replacingOccurrences(of: "\n    ", with: " ").contains("shaded where the limit leaves the path: [0.75, 3]"), "\(run.stdout)")
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let document = try XMLDocument(data: data)
        #expect(document.rootElement()?.name == "svg")
        let text = document.rootElement()?.stringValue ?? ""
        for label in ["lasso path x(κ)", "exact limit x̄₀(s)", "numeric x̄_ε(s), ε = 1e-5", "x1", "x2",
                      "averaged limit ≠ lasso path", "exact limit", "numeric, ε = 1e-5", "Optimality gap"] {
            #expect(text.contains(label), "legend label \(label) missing")
        }
    }

    @Test func plotRejectsBadInput() throws {
        let output = try temporaryInput("fig.svg", "")
        for args in [["--epsilon", "1e-5,1e-10"], ["--epsilon", "0"], ["--s-max", "-2"], ["--samples", "1"]] {
            let run = try runDLNPath(["plot", Self.orthogonal, "-o", output] + args)
            #expect(run.status == 2, "\(args): \(run.stderr)")
        }
        let unwritable = try runDLNPath(["plot", Self.orthogonal, "-o", "/nonexistent-directory/fig.svg", "--samples", "20", "--s-max", "1"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write"), "\(unwritable.stderr)")
    }
}
