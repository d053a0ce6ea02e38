import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import ProblemDefinition
import ProblemReading
import Testing
import TestScratch

/// The fixtures directory copied into the test bundle (`resources: [.copy("Fixtures")]`).
enum Fixtures {
    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// An exact rational from text, for expected values ("-3/4", "1e-300").
func q(_ text: String) -> Rational { try! Rational(parsing: text) }

/// A matrix from rows of text entries.
func matrix(_ rows: [[String]]) -> Matrix { Matrix(rows.map { $0.map(q) }) }

func vector(_ entries: [String]) -> [Rational] { entries.map(q) }

/// The double 0.1 holds exactly: 3602879701896397 / 2^55.
let point1Double = Rational(3602879701896397, 36028797018963968)
/// The float 0.1f holds exactly: 13421773 / 2^27.
let point1Float = Rational(13421773, 134217728)

/// The tiny example: X = [[1,0],[0,2],[1,1]], y = (1,2,3), n = 3.
/// By hand: XᵀX = [[2,1],[1,5]], Xᵀy = (4,7), yᵀy = 14.
let tinyX = matrix([["1", "0"], ["0", "2"], ["1", "1"]])
let tinyY = vector(["1", "2", "3"])
let tinyMeanM = matrix([["2/3", "1/3"], ["1/3", "5/3"]])
let tinyMeanR = vector(["4/3", "7/3"])

/// The float example: X = [[a,0],[0,2],[1,1]] with a = 0.1 as a binary float; by hand
/// XᵀX = [[a²+1, 1],[1, 5]], Xᵀy = (a+3, 7).
func floatExampleM(_ a: Rational) -> Matrix {
    Matrix([[(a * a + 1) / 3, Rational(1, 3)], [Rational(1, 3), Rational(5, 3)]])
}

func floatExampleR(_ a: Rational) -> [Rational] { [(a + 3) / 3, Rational(7, 3)] }

/// Reads a fixture (or any path) with the given command-line additions.
func read(_ path: String, y: String? = nil, response: String? = nil, variant: Variant? = nil,
          weightDecay: Rational? = nil, scaling: Scaling? = nil) throws -> Problem {
    try ProblemReader.read(ProblemSource(path: path, responsePath: y, responseColumn: response,
                                         variant: variant, weightDecay: weightDecay, scaling: scaling))
}

/// A fresh directory for files written by one test.
func scratchDirectory() -> URL {
    try! TestScratch.directory("ProblemReadingTests")
}

/// Writes `contents` to `name` in a fresh scratch directory and returns its path.
func temporaryFile(_ name: String, _ contents: String) -> String {
    let url = scratchDirectory().appendingPathComponent(name)
    try! Data(contents.utf8).write(to: url)
    return url.path
}

/// Expects the source to be rejected with a `ProblemError` whose message contains every fragment
/// (and names the file at fault: the problem file or the response file); returns the message.
@discardableResult
func expectRejected(_ source: ProblemSource, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        let problem = try ProblemReader.read(source)
        Issue.record("\(source.path) was accepted: \(problem.M)", sourceLocation: sourceLocation)
        return ""
    } catch let error as ProblemError {
        let names = [source.path, source.responsePath].compactMap { $0 }.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names.contains { error.message.contains($0) }, "message names no file: \(error.message)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "message lacks \"\(fragment)\": \(error.message)", sourceLocation: sourceLocation)
        }
        return error.message
    } catch {
        Issue.record("not a ProblemError: \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return ""
    }
}

/// Rejection of an inline file.
@discardableResult
func expectRejected(file name: String, _ contents: String, y: String? = nil, response: String? = nil,
                    variant: Variant? = nil, _ fragments: [String],
                    sourceLocation: SourceLocation = #_sourceLocation) -> String {
    expectRejected(ProblemSource(path: temporaryFile(name, contents), responsePath: y, responseColumn: response, variant: variant),
                   fragments, sourceLocation: sourceLocation)
}
