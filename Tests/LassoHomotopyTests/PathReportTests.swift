import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import Testing
import ProgressReporting

/// `LassoPath.json` and `MairalYu.document`, the library calls behind `path` and `generate`.
@Suite struct PathReportTests {
    /// Diagonal M = diag(1, 2, 4), r = (3, −1, 1/2): soft thresholding, x_i = sign(r_i)(|r_i| − κ)₊/M_ii.
    /// Coordinate 0 joins at κ = 3, 1 at κ = 1, 2 at κ = 1/2.
    @Test func orthogonalPathJSON() throws {
        let M = Matrix([[1, 0, 0], [0, 2, 0], [0, 0, 4]].map { $0.map { Rational($0) } })
        let path = try LassoPath(problem: Problem(M: M, r: [Rational(3), Rational(-1), Rational(1, 2)]))
        let doc = path.json(at: [Rational(1, 4)])
        #expect(doc["knots"]?.asArray?.map { $0["lambda"]! } == ["3", "1", "1/2", "0"])
        #expect(doc["knots"]?.asArray?.map { $0["joined"]! } == [[0], [1], [2], []])
        #expect(doc["knots"]?[3]?["active"] == [0, 1, 2])
        #expect(doc["knots"]?[3]?["signs"] == [1, -1, 1])
        // At κ = 1/4: x = (11/4, −3/8, 1/16).
        #expect(doc["at"]?[0]?["x"] == ["11/4", "-3/8", "1/16"])
        #expect(doc["segments"]?[0]?["direction"] == ["1", "0", "0"])
        let floats = path.json(.nearestDouble)
        #expect(floats["knots"]?[2]?["lambda"] == .number("0.5"))
    }

    /// Level 2 has (3² + 1)/2 = 5 knots; its file reads back as the same problem.
    @Test func mairalYuDocumentReadsBack() throws {
        #expect(MairalYu.knotCount(p: 2) == 5)
        #expect(MairalYu.knotCount(p: 12) == 265_721)
        let doc = try MairalYu.document(p: 2)
        #expect(doc["scaling"] == "sum")
        #expect(doc["description"]?.asString?.contains("5 knots") == true)
        let quadratic = try MairalYu.document(p: 2, form: .quadratic)
        let problem = try MairalYu.instance(p: 2)
        #expect(quadratic["M"] == .array(problem.M.rowArrays.map { .array($0.map { .string($0.description) }) }))
        #expect(quadratic["X"] == nil)
    }

    /// The homotopy reports each knot to a bound progress handler, with the current κ and how many
    /// coordinates are active above it; with no
    /// handler nothing is built.
    @Test func progressReportsEveryKnot() throws {
        final class Notes: @unchecked Sendable { var items: [(String, Int, String)] = [] }
        let notes = Notes()
        let M = Matrix([[1, 0, 0], [0, 2, 0], [0, 0, 4]].map { $0.map { Rational($0) } })
        let problem = try Problem(M: M, r: [Rational(3), Rational(-1), Rational(1, 2)])
        let path = try ProgressReport.$handler.withValue({ stage, count, detail in notes.items.append((stage, count, detail())) }) {
            try LassoPath(problem: problem)
        }
        #expect(notes.items.map(\.1) == Array(0..<path.knots.count))
        #expect(notes.items.map(\.2) == ["κ = 3, 0 of 3 active", "κ = 1, 1 of 3 active", "κ = 0.5, 2 of 3 active", "κ = 0, 3 of 3 active"])
        #expect(notes.items.allSatisfy { $0.0 == "lasso path: knots" })
    }

    /// The streamed report (`path`'s text, memory flat in the knots) is the in-memory one byte
    /// for byte: with evaluations on knots, inside segments and above κ_max, a stop, exact
    /// numbers, non-unique segments (a repeated column) and a table longer than its 40 rows.
    @Test func streamedTextIsTheInMemoryText() throws {
        let duplicate = try Problem(X: Matrix([[1, 1, 0], [0, 0, 1], [1, 1, 1]].map { $0.map { Rational($0) } }),
                                    y: [Rational(3), Rational(1), Rational(2)])
        let problems = [("my4", try MairalYu.instance(p: 4)), ("dup", duplicate),
                        ("wd", try Problem(M: Matrix([[10, -4], [-4, 2]].map { $0.map { Rational($0) } }), r: [Rational(-3), Rational(2)], weightDecay: Rational(1, 10)))]
        let penalties = [Rational(0), Rational(1, 3), Rational(1), Rational(5, 4), Rational(100)]
        for (name, problem) in problems {
            let unique = try LassoPath(problem: problem).isUnique
            #expect(name != "dup" || !unique, "the test needs a non-unique path")
            for kappaMin in [nil, Rational(1, 7)] as [Rational?] {
                for f in [NumberFormat.readable, NumberFormat(exact: false, all: false, digits: 6), NumberFormat(exact: true, all: false, digits: 6)] {
                    let at = penalties.filter { $0 >= kappaMin ?? .zero }
                    let whole = try LassoPath(problem: problem, kappaMin: kappaMin).text(file: name, at: at, format: f)
                    let streamed = try LassoPath.text(problem: problem, kappaMin: kappaMin, file: name, at: at, format: f)
                    #expect(streamed == whole, "\(name) \(String(describing: kappaMin))")
                }
            }
        }
        let long = try LassoPath.text(problem: try MairalYu.instance(p: 4), file: "f", format: NumberFormat(exact: false, all: false, digits: 6))
        #expect(long.contains("41 knots") && long.contains("… 1 more row …"), "\(long)")
    }
}
