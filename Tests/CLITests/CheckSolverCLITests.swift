import Foundation
import Testing
import TestScratch

@Suite("dlnpath check-solver")
struct CheckSolverCLITests {
    let example = repositoryFile("examples/berthier-example.json")
    let tie = repositoryFile("examples/sklearn-2746-tie.json")

    /// The exact knots 3, 4/3, 1, 1/3, 0 of docs/math.md §4's example, as a path: exit 0.
    @Test func exactPathPasses() throws {
        let solution = try temporaryInput("exact.json", #"""
        {"alphas": ["3", "4/3", "1", "1/3", "0"],
         "coefs": [["0", "-1/6", "0", "0", "1/2"], ["0", "0", "1/2", "5/6", "2"]]}
        """#)
        let run = try runDLNPath(["check-solver", example, "--solution", solution, "--path"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("PASS: all 5 λ within tolerance 1e-06 (largest error 0"), "\(run.stdout)")
        #expect(run.stdout.contains("5 exact knots, 5 matched"), "\(run.stdout)")
    }

    /// scikit-learn 1.9.1's lars_path output on issue 2746 (saved as CSV): exit 1, structural
    /// errors at the second and third alphas; the verdict is printed, not an error message.
    @Test func sklearnTieFails() throws {
        let solution = try temporaryInput("lars.csv", "alpha,x1,x2,x3,x4,x5\n1.25,0,0,0,0,0\n1.25,0,2.5,0,0,0\n0,0,5,0,2.5,0\n")
        let run = try runDLNPath(["check-solver", tie, "--solution", solution, "--path", "--json"])
        #expect(run.status == 1, "\(run.stderr)")
        let o = try jsonObject(run.stdout)
        #expect(o["passed"] as? Bool == false)
        let points = try #require(o["points"] as? [[String: Any]])
        #expect(points.map { $0["passed"] as? Bool } == [true, false, false])
        #expect(points[1]["lambdaExact"] as? String == "5/4")
        #expect(points[1]["givenSupport"] as? [String] == ["+1"])
        #expect(points.map { $0["index"] as? Int } == [0, 1, 2])
        #expect(points[1]["exactSupport"] as? [String] == [])
        #expect(points[2]["kktViolation"] as? NSNumber == 1.25)
        #expect(points.map { $0["class"] as? String } == ["ok", "structural", "structural"])
        #expect(o["class"] as? String == "structural")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let text = try runDLNPath(["check-solver", tie, "--solution", solution, "--path"])
        #expect(text.status == 1 && text.stderr.isEmpty, "\(text.stderr)")
        let last = text.stdout.split(separator: "\n").first { $0.hasPrefix("verdict:") }.map(String.init) ?? ""
        #expect(last.hasPrefix("verdict: FAIL: structural error at 2 of 3 λ (first at λ = 1.25, line 3: x2 has sign +, exact 0)"), "\(last)")
        for column in ["error", "max |x − x*|", "relative", "KKT violation", "objective gap", "solver support", "exact support", "class"] {
            #expect(text.stdout.contains(column), "column \(column) is not named")
        }
    }

    /// 60 penalties λ = 3 + k/20 ≥ κ_max = 3, where x = 0 is exact: the default text shows 40
    /// rows and points to --all, which shows all 60.
    @Test func allPrintsEveryRowTheHintPromises() throws {
        let rows = (0..<60).map { "\(60 + $0)/20,0,0\n" }.joined()
        let solution = try temporaryInput("zeros.csv", "lambda,x1,x2\n" + rows)
        let shown = try runDLNPath(["check-solver", example, "--solution", solution])
        #expect(shown.status == 0 && shown.stdout.contains("--all prints every row"), "\(shown.stdout)")
        #expect(!shown.stdout.split(separator: "\n").contains { $0.hasPrefix("50 ") }, "\(shown.stdout)")
        let all = try runDLNPath(["check-solver", example, "--solution", solution, "--all"])
        #expect(all.status == 0 && !all.stdout.contains("--all prints every row"), "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n")
        #expect((1...60).allSatisfy { k in lines.contains { $0.hasPrefix("\(k) ") } }, "\(all.stdout)")
    }

    @Test func npyPairAndTolerance() throws {
        let dir = try TestScratch.directory("CheckSolverCLI")
        // np.save of float64 [1.0] and [[0.0], [0.501]] (x(1) = (0, 1/2) exactly), written by hand.
        func npy(_ shape: String, _ values: [Double]) -> Data {
            var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shape), }"
            while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
            header += "\n"
            var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0])
            data += Data(header.utf8)
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data += Data($0) } }
            return data
        }
        try npy("(1,)", [1.0]).write(to: dir.appendingPathComponent("alphas.npy"))
        try npy("(2, 1)", [0.0, 0.501]).write(to: dir.appendingPathComponent("coefs.npy"))
        let args = ["check-solver", example, "--solution", dir.appendingPathComponent("alphas.npy").path,
                    "--coefs", dir.appendingPathComponent("coefs.npy").path]
        // x₁ off by 1/1000 with the right support, an error of 1/500 of x(1)'s size: a
        // stopping-tolerance error, reported, exit 0 ...
        let lenient = try runDLNPath(args)
        #expect(lenient.status == 0, "\(lenient.stdout)\(lenient.stderr)")
        #expect(lenient.stdout.contains("verdict: PASS with stopping-tolerance errors: 1 of 1 λ off by up to 0.002 > 1e-06"), "\(lenient.stdout)")
        // ... unless --tolerance is given.
        let strict = try runDLNPath(args + ["--tolerance", "1e-6"])
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout.contains("verdict: FAIL: 1 of 1 λ off by up to 0.002 > 1e-06 with the right support and signs (first at λ = 1, alpha 1 (column 1 of the coefficients))"), "\(strict.stdout)")
        let loose = try runDLNPath(args + ["--tolerance", "1/400"])
        #expect(loose.status == 0, "\(loose.stdout)\(loose.stderr)")
        #expect(loose.stdout.contains("PASS"))
    }

    static let malformed: [(name: String, contents: String, message: String)] = [
        ("ragged.json", #"{"alphas": [1, 2], "coefs": [[1, 2], [3]]}"#, "\"coefs\" is ragged: row 2 has 1 entries"),
        ("shape.json", #"{"alphas": [1], "coefs": [[1, 2, 3]]}"#, "\"coefs\" has shape [1, 3] but there are 1 alphas and the problem has d = 2 coordinates"),
        ("word.csv", "1,0,0\n0.5,zero,0\n", "line 2, field 2: 'zero' is not a number"),
        ("syntax.json", #"{"solutions": [{"lambda": 1, "x": [0, 0]},]}"#, "line 1"),
        ("garbage.npz", "not a zip archive", "not a ZIP archive"),
        ("sol.txt", "lambda,x1\n1,0\n", "rows have 2 fields; expected 3"),
    ]

    @Test func malformedSolverFilesExit2() throws {
        for (name, contents, message) in Self.malformed {
            let solution = try temporaryInput(name, contents)
            let run = try runDLNPath(["check-solver", example, "--solution", solution])
            #expect(run.status == 2, "\(name): status \(run.status), stderr \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(name): \(run.stdout)")
            #expect(run.stderr.hasPrefix("error: "), "\(name): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
            #expect(run.stderr.contains(name), "\(name): the message does not name the file: \(run.stderr)")
        }
    }

    @Test func usageErrorsExit2() throws {
        let solution = try temporaryInput("ok.json", #"{"solutions": [{"lambda": 1, "x": [0, 0.5]}]}"#)
        for args in [
            ["check-solver", example],
            ["check-solver", example, "--solution", solution, "--tolerance", "-1"],
            ["check-solver", example, "--solution", solution, "--tolerance", "tight"],
            ["check-solver", example, "--solution", solution, "--coefs", solution],
            ["check-solver", example, "--solution", "/nonexistent/sol.npz"],
        ] {
            let run = try runDLNPath(args)
            #expect(run.status == 2, "\(args): status \(run.status) \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(try runDLNPath(["check-solver", example, "--solution", solution]).status == 0)
    }

    /// scikit-learn 1.9.1's LassoLars(alpha=0, fit_intercept=True) on X = [[1, 2], [3, 0], [5, 4]],
    /// y = (1, 2, 6): alphas_ and coef_path_ as it printed them. Centered (means (3, 2) and 3):
    /// M = [[8, 4], [4, 8]]/3, r = (10, 8)/3, knots 10/3, 2, 0 with x(2) = (1/2, 0), x(0) = (1, 1/2).
    static let lassoLars = #"{"alphas": [3.3333333333333335, 2.0000000000000004, 0.0], "coefs": [[0.0, 0.49999999999999983, 0.9999999999999998], [0.0, 0.0, 0.5000000000000004]]}"#

    @Test func fitInterceptMatchesLassoLars() throws {
        let problem = try temporaryInput("data.csv", "age,bmi,y\n1,2,1\n3,0,2\n5,4,6\n")
        let solution = try temporaryInput("lassolars.json", Self.lassoLars)
        let centered = try runDLNPath(["check-solver", problem, "--solution", solution, "--path", "--fit-intercept"])
        #expect(centered.status == 0, "\(centered.stdout)\(centered.stderr)")
        #expect(centered.stdout.contains("verdict: PASS: all 3 λ within tolerance 1e-06"), "\(centered.stdout)")
        #expect(centered.stdout.contains("{age+, bmi+}"), "header names in the supports: \(centered.stdout)")
        #expect(centered.stdout.contains("X and y centered"), "\(centered.stdout)")
        let raw = try runDLNPath(["check-solver", problem, "--solution", solution, "--path"])
        #expect(raw.status == 1 && raw.stderr.isEmpty, "\(raw.stderr)")
        #expect(raw.stdout.contains("verdict: FAIL: structural error"), "\(raw.stdout)")
        let mr = try runDLNPath(["check-solver", example, "--solution", solution, "--fit-intercept"])
        #expect(mr.status == 2 && mr.stderr.contains("given as M and r"), "\(mr.stderr)")
    }

    /// pandas' DataFrame.to_csv writes an unnamed 0, 1, 2, … index first: refused, naming
    /// --index-column, which drops it (problem and solver files alike).
    @Test func pandasIndexColumn() throws {
        let problem = try temporaryInput("frame.csv", ",age,bmi,y\n0,1,2,1\n1,3,0,2\n2,5,4,6\n")
        let solution = try temporaryInput("lassolars.json", Self.lassoLars)
        let refused = try runDLNPath(["check-solver", problem, "--solution", solution, "--fit-intercept"])
        #expect(refused.status == 2, "\(refused.stdout)")
        #expect(refused.stderr.contains("the first column is unnamed and counts 0, 1, 2, …: a pandas index") && refused.stderr.contains("--index-column"), "\(refused.stderr)")
        let dropped = try runDLNPath(["check-solver", problem, "--solution", solution, "--fit-intercept", "--index-column", "--path"])
        #expect(dropped.status == 0, "\(dropped.stdout)\(dropped.stderr)")
        #expect(dropped.stdout.contains("{age+, bmi+}"), "\(dropped.stdout)")
        let indexedSolution = try temporaryInput("sol.csv", ",lambda,age,bmi\n0,2.0000000000000004,0.49999999999999983,0\n1,0,0.9999999999999998,0.5000000000000004\n")
        let solverIndexed = try runDLNPath(["check-solver", problem, "--index-column", "--fit-intercept", "--solution", indexedSolution])
        #expect(solverIndexed.status == 0, "\(solverIndexed.stdout)\(solverIndexed.stderr)")
        let plainProblem = try temporaryInput("data.csv", "age,bmi,y\n1,2,1\n3,0,2\n5,4,6\n")
        let solverIndexRefused = try runDLNPath(["check-solver", plainProblem, "--fit-intercept", "--solution", indexedSolution])
        #expect(solverIndexRefused.status == 2 && solverIndexRefused.stderr.contains("--index-column"), "\(solverIndexRefused.stderr)")
    }
}
