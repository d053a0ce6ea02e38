import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemDefinition
import ProblemReading
import Testing

/// `path --json` is streamed knot by knot (PathStream); it must be byte for byte the document
/// `LassoPath.json(at:_:)` builds in memory, for every kind of path and with --at and --float.
@Suite("dlnpath path --json streaming")
struct PathStreamCLITests {
    @Test(arguments: [
        ("examples/berthier-example.json", [String]()), ("examples/mairal-yu-4.json", []),
        ("examples/duplicate-columns.json", ["1/7", "0"]), ("examples/weight-decay.json", ["1/10", "5"]),
        ("examples/positive-m-matrix.json", []), ("examples/sklearn-2746-tie.json", ["1/1000"]),
        ("examples/orthogonal.json", ["0", "1/3", "100"]),
    ])
    func streamedEqualsInMemory(file: String, at: [String]) throws {
        let path = repositoryFile(file)
        let problem = try ProblemReader.read(ProblemSource(path: path))
        let lasso = try LassoPath(problem: problem)
        let penalties = try at.map { try Rational(parsing: $0) }
        for float in [false, true] {
            let run = try runDLNPath(["path", path, "--json"] + (float ? ["--float"] : []) + (at.isEmpty ? [] : ["--at"] + at))
            #expect(run.status == 0, "\(run.stderr)")
            let expected = lasso.json(at: penalties, float ? .nearestDouble : .exactStrings).serialized(pretty: true) + "\n"
            #expect(run.stdout == expected, "\(file) float: \(float)")
        }
    }

    @Test func singleKnotPathHasNoSegments() throws {
        let file = try temporaryInput("zero.json", #"{"M": [[1]], "r": [0]}"#)
        let run = try runDLNPath(["path", file, "--json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"segments\": [],\n") && run.stdout.hasSuffix("\"certified\": true\n}\n"))
    }
}
