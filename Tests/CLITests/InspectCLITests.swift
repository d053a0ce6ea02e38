import Foundation
import Testing

@Suite("dlnpath inspect")
struct InspectCLITests {
    struct Example: CustomTestStringConvertible, Sendable {
        let file: String
        let rank: Int
        let dimension: Int
        let lambdaMax: String
        let positiveDefinite: Bool
        var testDescription: String { file }
    }

    static let examples: [Example] = [
        Example(file: "berthier-example.json", rank: 2, dimension: 2, lambdaMax: "3", positiveDefinite: true),
        Example(file: "orthogonal.json", rank: 3, dimension: 3, lambdaMax: "3", positiveDefinite: true),
        Example(file: "sklearn-2746-tie.json", rank: 2, dimension: 5, lambdaMax: "5/4", positiveDefinite: false),
    ]

    @Test(arguments: examples)
    func textOutput(_ example: Example) throws {
        let run = try runDLNPath(["inspect", repositoryFile("examples/\(example.file)")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("rank(M) = \(example.rank) of \(example.dimension)"), "\(run.stdout)")
        #expect(run.stdout.contains("λ_max = \(example.lambdaMax)"), "\(run.stdout)")
        #expect(run.stdout.contains(example.positiveDefinite ? "(positive definite)" : "(singular, positive semidefinite)"))
    }

    @Test(arguments: examples)
    func jsonOutput(_ example: Example) throws {
        let run = try runDLNPath(["inspect", "--json", repositoryFile("examples/\(example.file)")])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let o = try jsonObject(run.stdout)
        #expect(o["lambdaMax"] as? String == example.lambdaMax)
        #expect((o["rank"] as? NSNumber)?.intValue == example.rank)
        #expect((o["d"] as? NSNumber)?.intValue == example.dimension)
        #expect(o["positiveDefinite"] as? Bool == example.positiveDefinite)
    }

    /// Every problem file shipped in examples/ is accepted.
    @Test func everyShippedExampleIsAccepted() throws {
        let directory = packageRoot.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { ["json", "csv", "npz"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
        #expect(files.count >= Self.examples.count)
        for file in files {
            let run = try runDLNPath(["inspect", directory.appendingPathComponent(file).path])
            #expect(run.status == 0, "\(file): \(run.stderr)")
            #expect(run.stdout.contains("λ_max = "), "\(file)")
        }
    }

    /// Machine output uses exact "p/q" strings everywhere.
    @Test func jsonIsExact() throws {
        let run = try runDLNPath(["inspect", "--json", repositoryFile("examples/sklearn-2746-tie.json")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"lambdaMax\": \"5/4\""))
        let o = try jsonObject(run.stdout)
        #expect((o["n"] as? NSNumber)?.intValue == 2)
        #expect(o["scaling"] as? String == "mean")
        #expect(o["variant"] as? String == "signed")
        #expect(o["weightDecay"] as? String == "0")
        #expect(o["r"] as? [String] == ["0", "5/4", "0", "5/4", "0"])
        let m = try #require(o["M"] as? [[String]])
        #expect(m.count == 5 && m.allSatisfy { $0.count == 5 })
        #expect(m[1][1] == "1/2" && m[3][3] == "1/2" && m[0][0] == "0" && m[1][3] == "0")
        #expect((o["assumptions"] as? [String])?.isEmpty == false)
    }

    /// Command-line options override the file and show up in the output.
    @Test func optionsOverride() throws {
        let run = try runDLNPath(["inspect", "--json", "--positive", "--weight-decay", "1/10", "--scaling", "sum",
                                  repositoryFile("examples/sklearn-2746-tie.json")])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try jsonObject(run.stdout)
        #expect(o["variant"] as? String == "positive")
        #expect(o["weightDecay"] as? String == "1/10")
        #expect(o["scaling"] as? String == "sum")
        #expect(o["lambdaMax"] as? String == "5/2")    // r = Xᵀy = (0, 5/2, 0, 5/2, 0)
        #expect(o["r"] as? [String] == ["0", "5/2", "0", "5/2", "0"])
    }

    @Test func csvAndNumPyInputs() throws {
        let csv = try temporaryInput("data.csv", "y,a,b\n1,1,0\n2,0,2\n3,1,1\n")
        let run = try runDLNPath(["inspect", "--json", "--response", "y", csv])
        #expect(run.status == 0, "\(run.stderr)")
        let o = try jsonObject(run.stdout)
        #expect(o["M"] as? [[String]] == [["2/3", "1/3"], ["1/3", "5/3"]])
        #expect(o["lambdaMax"] as? String == "7/3")
        let fixtures = "Tests/ProblemReadingTests/Fixtures/"
        let npy = try runDLNPath(["inspect", "--json", repositoryFile(fixtures + "X_i8_be.npy"), "--y", repositoryFile(fixtures + "y_f8.npy")])
        #expect(npy.status == 0, "\(npy.stderr)")
        #expect(try jsonObject(npy.stdout)["M"] as? [[String]] == [["2/3", "1/3"], ["1/3", "5/3"]])
        let npz = try runDLNPath(["inspect", repositoryFile(fixtures + "xy_compressed.npz")])
        #expect(npz.status == 0, "\(npz.stderr)")
        #expect(npz.stdout.contains("n = 3 samples, d = 2 features"))
    }

    // MARK: failures: exit 2, nothing on stdout, a message naming the problem on stderr

    static let malformed: [(name: String, contents: String, message: String)] = [
        ("ragged.json", #"{"X": [[1, 2], [3]], "y": [1, 2]}"#, "X is ragged: row 2 has 1 entries"),
        ("mismatch.json", #"{"X": [[1], [2], [3]], "y": [1, 2]}"#, "X has 3 rows but y has 2 entries"),
        ("number.json", #"{"M": [[1, 0], [0, "x"]], "r": [1, 1]}"#, "M[2][2]: 'x' is not a number"),
        ("nan.json", #"{"M": [[1]], "r": ["NaN"]}"#, "r[1]: 'NaN' is not a number"),
        ("asym.json", #"{"M": [[1, 2], [3, 4]], "r": [1, 1]}"#, "M is not symmetric: M[1][2] = 2 but M[2][1] = 3"),
        ("indef.json", #"{"M": [[1, 2], [2, 1]], "r": [1, 1]}"#, "M is not positive semidefinite: v = ("),
        ("range.json", #"{"M": [[1, 0], [0, 0]], "r": [1, 1]}"#, "r is not in the range of M"),
        ("init.json", #"{"M": [[1]], "r": [1], "init": {"beta": [1], "gamma": [-1]}}"#, "degenerate initialisation"),
        ("key.json", #"{"M": [[1]], "r": [1], "weight_decay": 1}"#, "unknown key \"weight_decay\""),
        ("syntax.json", "{\"M\": [[1]],\n \"r\": [1,]}", "line 2"),
        ("bad.csv", "a,b,y\n1,2,3\n4,five,6\n", "line 3, column 2: 'five' is not a number"),
        ("ragged.csv", "a,b,y\n1,2,3\n4,5\n", "line 3"),
        ("empty.csv", "", "empty input"),
        ("problem.yaml", "M: [[1]]", "unknown file type '.yaml'"),
        ("garbage.npz", "this is not a zip archive", "not a ZIP archive"),
        ("short.npy", "\u{93}NUMPY", "short.npy"),
    ]

    @Test func malformedInputsExit2() throws {
        for (name, contents, message) in Self.malformed {
            let path = try temporaryInput(name, contents)
            let run = try runDLNPath(["inspect", path])
            #expect(run.status == 2, "\(name): status \(run.status), stderr \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(name): \(run.stdout)")
            #expect(run.stderr.hasPrefix("error: "), "\(name): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
            #expect(run.stderr.contains(name), "\(name): the message does not name the file: \(run.stderr)")
        }
    }

    @Test func binaryRejectionsExit2() throws {
        let fixtures = "Tests/ProblemReadingTests/Fixtures/"
        let truncated = try runDLNPath(["inspect", repositoryFile(fixtures + "truncated.npy"), "--y", repositoryFile(fixtures + "y_f8.npy")])
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("truncated data"), "\(truncated.stderr)")
        let nan = try runDLNPath(["inspect", repositoryFile(fixtures + "X_nan.npy"), "--y", repositoryFile(fixtures + "y_f8.npy")])
        #expect(nan.status == 2)
        #expect(nan.stderr.contains("X[2][1] is nan"), "\(nan.stderr)")
    }

    @Test func missingFileExits2() throws {
        let run = try runDLNPath(["inspect", "/nonexistent/dlnpath/problem.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/dlnpath/problem.json"))
        #expect(run.stderr.contains("cannot read file"))
    }

    /// Usage errors, ArgumentParser's and ours, are one line in the form of every other error,
    /// naming the command's help; a negative number is a value, not an option.
    @Test func usageErrorsExit2WithOneLine() throws {
        let example = repositoryFile("examples/orthogonal.json")
        let inspectHelp = " (see 'dlnpath inspect --help')"
        for (args, line) in [
            (["inspect"], "missing expected argument '<file>'" + inspectHelp),
            (["inspect", "--scaling", "median", example], "the value 'median' is invalid for '--scaling <mean|sum>'" + inspectHelp),
            (["inspect", "--weight-decay", "-1", example], "--weight-decay must be ≥ 0, got -1" + inspectHelp),
            (["inspect", "--weight-decay", "fast", example], "the value 'fast' is invalid for '--weight-decay <value>'" + inspectHelp),
            (["inspect", "--positive", "--signed", example], "--positive and --signed exclude each other" + inspectHelp),
            (["inspect", "--no-such-option", example], "unknown option '--no-such-option'" + inspectHelp),
            (["inspect", "--max-digits", "-1", example], "--max-digits must be at least 1, got -1" + inspectHelp),
            (["path", example, "--digits", "-3"], "--digits must be between 1 and 1000, got -3 (see 'dlnpath path --help')"),
            (["search", "--count", "-5", "--seed", "1", "--frequencies"], "--count must be ≥ 0 (see 'dlnpath search --help')"),
            (["generate", "mairal-yu"], "missing expected argument '--p <p>' (see 'dlnpath generate mairal-yu --help')"),
            (["no-such-command"], "unexpected argument 'no-such-command' (see 'dlnpath --help')"),
            (["inspect", example, "--y", example], "\(example): --y is for an X-only .csv or .npy file; a .json file carries y itself"),
        ] {
            let run = try runDLNPath(args)
            #expect(run.status == 2 && run.stdout.isEmpty, "\(args): status \(run.status)")
            #expect(run.stderr == "error: \(line)\n", "\(args)")
        }
    }

    @Test func helpExits0() throws {
        for args in [["--help"], ["inspect", "--help"], ["help", "inspect"]] {
            let run = try runDLNPath(args)
            #expect(run.status == 0, "\(args): \(run.stderr)")
            #expect(run.stdout.contains("USAGE") || run.stdout.contains("Usage"), "\(args): \(run.stdout)")
        }
        #expect(try runDLNPath(["--help"]).stdout.contains("inspect"))
    }
}
