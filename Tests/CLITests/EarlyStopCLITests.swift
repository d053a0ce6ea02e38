import Foundation
import Testing

/// `--kappa-min` / `--s-max` on `path`, `limit` and `compare`: the JSON records the stop, the
/// knots and saddles are prefixes of the full run's, and bad values are bad usage (exit 2).
@Suite("dlnpath --kappa-min / --s-max")
struct EarlyStopCLITests {
    static let worked = repositoryFile("examples/berthier-example.json")

    @Test func pathStopsAtTheExactPointBetweenKnots() throws {
        // docs/math.md §1's example: knots κ = 3, 4/3, 1, …; at κ = 7/6 the solution is (−1/12, 1/4).
        for options in [["--kappa-min", "7/6"], ["--s-max", "6/7"], ["--kappa-min", "1.1666666666666666666666666666666666666666666666667"]] {
            let run = try runDLNPath(["path", Self.worked, "--json"] + options)
            #expect(run.status == 0, "\(run.stderr)")
            let doc = try jsonObject(run.stdout)
            let knots = try #require(doc["knots"] as? [[String: Any]])
            if options[1].hasPrefix("1.") { continue } // not 7/6 exactly: only that it runs
            #expect(knots.map { $0["lambda"] as? String } == ["3", "4/3", "7/6"])
            #expect(knots[2]["x"] as? [String] == ["-1/12", "1/4"] && (knots[2]["joined"] as? [Int])?.isEmpty == true)
            #expect(doc["stop"] as? [String: String] == ["lambda": "7/6", "mu": "6/7"])
        }
    }

    @Test func textSaysWhereItStopped() throws {
        let run = try runDLNPath(["path", Self.worked, "--kappa-min", "1"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("stopped early at κ = 1 (s = 1)"))
        let limit = try runDLNPath(["limit", Self.worked, "--s-max", "1"])
        #expect(limit.stdout.contains("stopped early at κ = 1 (s = 1)"))
    }

    /// κ_max = 3 on the worked example: a stop above it still shows that first knot, and says so.
    @Test(arguments: [("100", true), ("31/10", true), ("3", false), ("1", false)])
    func aStopAboveKappaMaxSaysTheFirstKnotIsBelowIt(kappa: String, above: Bool) throws {
        let sentence = "κ = \(kappa) is above κ_max = 3, where the lasso path starts: x = 0 for every κ ≥ 3, and the path's first knot is shown for reference"
        let path = try runDLNPath(["path", Self.worked, "--kappa-min", kappa])
        #expect(path.status == 0 && path.stdout.contains(sentence) == above, "\(path.stdout)")
        let compare = try jsonObject(try runDLNPath(["compare", Self.worked, "--kappa-min", kappa, "--json"]).stdout)
        #expect((compare["statements"] as? [String])?.contains(sentence) == above)
    }

    @Test func limitAndCompareRecordTheStop() throws {
        let limit = try jsonObject(try runDLNPath(["limit", Self.worked, "--s-max", "2", "--json"]).stdout)
        #expect(limit["stop"] as? [String: String] == ["s": "2"])
        #expect((limit["saddles"] as? [[String: Any]])?.map { $0["s"] as? String } == ["0", "1/3", "3/4"])
        let compare = try runDLNPath(["compare", Self.worked, "--s-max", "2", "--json"])
        #expect(compare.status == 0)
        let doc = try jsonObject(compare.stdout)
        #expect(doc["stop"] as? [String: String] == ["s": "2", "lambda": "1/2"])
        #expect((doc["statements"] as? [String])?.first?.contains("still apart at s = 2, where the comparison stops") == true)
        // Without a stop option the document has no "stop".
        #expect(try jsonObject(try runDLNPath(["compare", Self.worked, "--json"]).stdout)["stop"] == nil)
    }

    @Test(arguments: [
        (["path", "--kappa-min", "-1"], "negative"), (["path", "--s-max", "0"], "must be > 0"),
        (["path", "--kappa-min", "1", "--s-max", "2"], "not both"), (["limit", "--s-max", "x"], "not a number"),
        (["path", "--kappa-min", "1", "--at", "1/2"], "must be ≥ 1"), (["compare", "--s-max", "2", "--at", "3"], "beyond the stop"),
        (["limit", "--s-max", "2", "--at", "5/2"], "beyond the stop"),
    ])
    func badValuesAreBadUsage(arguments: [String], message: String) throws {
        let run = try runDLNPath([arguments[0], Self.worked] + arguments.dropFirst())
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
}
