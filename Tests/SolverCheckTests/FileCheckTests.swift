import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemDefinition
import ProblemReading
import SolverCheck
import Testing
import TestScratch

/// `SolverCheck.check`: check-solver's whole job on files, from the library.
@Suite struct FileCheckTests {
    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let url = try TestScratch.directory("solvercheck").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The CSV's header names the coordinates; with fitIntercept the data are centered first:
    /// X = [[1, 0], [0, 1], [2, 2]], y = (2, 3, 7) = 1 + x₁ + 2x₂ centered (X − (1, 1), y − 4)
    /// gives M = [[2/3, 1/3], [1/3, 2/3]], r = (4/3, 5/3) (mean scaling), so x(0) = M⁻¹r = (1, 2);
    /// uncentered, x(0) = (4/3, 7/3).
    @Test func csvProblemCenteredAndNamed() throws {
        let problemFile = try temporaryFile("data.csv", "a,b,y\n1,0,2\n0,1,3\n2,2,7\n")
        let source = ProblemSource(path: problemFile)
        let problem = try ProblemReader.read(source)
        let centered = try SolverCheck.centered(problem)
        #expect(centered.M.rowArrays == [[q(2, 3), q(1, 3)], [q(1, 3), q(2, 3)]] && centered.r == [q(4, 3), q(5, 3)])
        let path = try LassoPath(problem: centered)
        #expect(path.solution(at: .zero) == [q(1), q(2)])
        #expect(try LassoPath(problem: problem).solution(at: .zero) == [q(4, 3), q(7, 3)])
        // The exact solutions at two λ, as a solver would write them (JSON, decimals exact here).
        let solution = try temporaryFile("sol.json", #"{"solutions": [{"lambda": 0, "x": [1, 2]}, {"lambda": 10, "x": [0, 0]}]}"#)
        let (report, compared) = try SolverCheck.check(problem, source: source, solutionFile: solution, fitIntercept: true)
        #expect(compared.M == centered.M && report.passed && report.names == ["a", "b"])
        // Without centering the same numbers are wrong for the raw problem: structural errors.
        let (raw, _) = try SolverCheck.check(problem, source: source, solutionFile: solution)
        #expect(!raw.passed)
    }

    @Test func toleranceGivenMakesTheCheckStrict() throws {
        let problemFile = try temporaryFile("example.json", #"{"M": [[10, -4], [-4, 2]], "r": [-3, 2]}"#)
        let source = ProblemSource(path: problemFile)
        // x(1) = (0, 1/2) exactly (docs/math.md §4); the solver is 1e-4 off in x₂.
        let solution = try temporaryFile("sol.json", #"{"solutions": [{"lambda": 1, "x": [0, 0.5001]}]}"#)
        let problem = try ProblemReader.read(source)
        let (lenient, _) = try SolverCheck.check(problem, source: source, solutionFile: solution)
        #expect(lenient.passed && lenient.names == nil)
        let (strict, _) = try SolverCheck.check(problem, source: source, solutionFile: solution, tolerance: q(1, 1_000_000))
        #expect(!strict.passed)
        let (loose, _) = try SolverCheck.check(problem, source: source, solutionFile: solution, tolerance: q(1, 1000))
        #expect(loose.passed)
    }

    /// The solver's file is held to the problem's input limits, and raising them (`--max-digits`
    /// in the CLI, `source.limits` here) reads it: x₂ = 1/2 written with 1,200 digits (1,199
    /// zeros after "0.5") against the default 1,000.
    @Test func solverFileObeysTheInputLimits() throws {
        var source = ProblemSource(path: try temporaryFile("example.json", #"{"M": [[10, -4], [-4, 2]], "r": [-3, 2]}"#))
        let long = "0.5" + String(repeating: "0", count: 1_199)
        let problem = try ProblemReader.read(source)
        for (name, text) in [("sol.json", #"{"solutions": [{"lambda": 1, "x": [0, \#(long)]}]}"#), ("sol.csv", "1,0,\(long)\n")] {
            let solution = try temporaryFile(name, text)
            do {
                _ = try SolverCheck.check(problem, source: source, solutionFile: solution)
                Issue.record("\(name): a 1,200-digit number passed the 1,000-digit limit")
            } catch let error as SolverFileError {
                #expect(error.message.contains("(raise it with --max-digits)") && error.message.contains(name), "\(error.message)")
            }
            source.limits = NumberLimits(maximumDigits: 2_000)
            let (report, _) = try SolverCheck.check(problem, source: source, solutionFile: solution)
            #expect(report.passed, "\(name)")
            source.limits = .default
        }
    }
}
