import Foundation
import Testing

/// `dlnpath path` and `dlnpath generate mairal-yu`: output forms and exit codes 0 / 2.
@Suite("dlnpath path / generate")
struct PathCLITests {
    static func knots(_ stdout: String) throws -> [[String: Any]] {
        try #require(try jsonObject(stdout)["knots"] as? [[String: Any]])
    }

    @Test func jsonKnotsOfTheWorkedExample() throws {
        let run = try runDLNPath(["path", repositoryFile("examples/berthier-example.json"), "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let knots = try Self.knots(run.stdout)
        #expect(knots.map { $0["lambda"] as? String } == ["3", "4/3", "1", "1/3", "0"])
        #expect(knots.first?["x"] as? [String] == ["0", "0"] && knots.last?["x"] as? [String] == ["1/2", "2"])
        #expect(try jsonObject(run.stdout)["unique"] as? Bool == true)
    }

    @Test func evaluatesTheScikitLearnTieAtOneThousandth() throws {
        let run = try runDLNPath(["path", repositoryFile("examples/sklearn-2746-tie.json"), "--at", "1/1000", "0", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let at = try #require(try jsonObject(run.stdout)["at"] as? [[String: Any]])
        #expect(at.first?["x"] as? [String] == ["0", "1249/500", "0", "1249/500", "0"])
        #expect(at.map { $0["unique"] as? Bool } == [true, false]) // zero columns: free at κ = 0
        let text = try runDLNPath(["path", repositoryFile("examples/sklearn-2746-tie.json"), "--at", "1/1000"])
        #expect(text.status == 0 && text.stdout.contains("(0, 1249/500, 0, 1249/500, 0)"))
        #expect(text.stdout.contains("+2,4")) // both coordinates join at κ_max: the tie
    }

    @Test func negativeOrMalformedPenaltiesAreBadInput() throws {
        let file = repositoryFile("examples/berthier-example.json")
        for args in [["--at", "-1"], ["--at=-1/2"], ["--at", "1", "-2"], ["--at", "abc"], ["--bogus"]] {
            let run = try runDLNPath(["path", file] + args)
            #expect(run.status == 2, "\(args): \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: "), "\(args)")
        }
        let negative = try runDLNPath(["path", file, "--at", "-1"])
        #expect(negative.stderr.contains("negative"))
        let missing = try runDLNPath(["path", "no-such-file.json"])
        #expect(missing.status == 2)
    }

    @Test func generatedMairalYuInstanceHasTheExpectedKnotCount() throws {
        let output = try temporaryInput("my4.json", "")
        let generate = try runDLNPath(["generate", "mairal-yu", "--p", "4", "-o", output])
        #expect(generate.status == 0, "\(generate.stderr)")
        let run = try runDLNPath(["path", output, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.knots(run.stdout).count == 41)
        let bad = try runDLNPath(["generate", "mairal-yu", "--p", "0"])
        #expect(bad.status == 2)
    }
}
