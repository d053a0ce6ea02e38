import Foundation
import Testing

@Suite("dlnpath check-solver")
struct CheckSolverCLITests {
    let example = repositoryFile("examples/berthier-example.json")
    let tie = repositoryFile("examples/sklearn-2746-tie.json")

    /// The exact knots 3, 4/3, 1, 1/3, 0 of MATH §4's example, as a path: exit 0.
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

    /// scikit-learn 1.9.1's lars_path output on issue 2746 (saved as CSV): exit 1, failing at
    /// the second and third alphas, with the summary on stderr too.
    @Test func sklearnTieFails() throws {
        let solution = try temporaryInput("lars.csv", "alpha,x1,x2,x3,x4,x5\n1.25,0,0,0,0,0\n1.25,0,2.5,0,0,0\n0,0,5,0,2.5,0\n")
        let run = try runDLNPath(["check-solver", tie, "--solution", solution, "--path", "--json"])
        #expect(run.status == 1, "\(run.stderr)")
        let o = try jsonObject(run.stdout)
        #expect(o["passed"] as? Bool == false)
        let points = try #require(o["points"] as? [[String: Any]])
        #expect(points.map { $0["passed"] as? Bool } == [true, false, false])
        #expect(points[1]["lambdaExact"] as? String == "5/4")
        #expect(points[1]["givenSupport"] as? [String] == ["+2"])
        #expect(points[1]["exactSupport"] as? [String] == [])
        #expect(points[2]["kktViolation"] as? NSNumber == 1.25)
        #expect(run.stderr.contains("error: the solver output fails: FAIL: 2 of 3 λ fail (first at λ = 1.25, line 3"), "\(run.stderr)")
    }

    @Test func npyPairAndTolerance() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("CheckSolverCLI-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
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
        let strict = try runDLNPath(args)
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout.contains("FAIL: 1 of 1 λ fail (first at λ = 1, alpha 1 (column 1 of the coefficients): error 0.001 > 1e-06)"), "\(strict.stdout)")
        let loose = try runDLNPath(args + ["--tolerance", "1/500"])
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
}
