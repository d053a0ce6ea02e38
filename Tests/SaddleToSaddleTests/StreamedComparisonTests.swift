import ExactArithmetic
import JSONFormat
import LassoHomotopy
import LimitVerdict
import ProblemDefinition
import SaddleToSaddle
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `compare --json` streams the lasso path and spills its knots (`ExactComparison.streamedDocument`):
/// the text must be byte for byte the document of the in-memory comparison, with or without a
/// stop, --at times and --float, and the verdict the same.
@Suite struct StreamedComparisonTests {
    static func check(_ problem: Problem, horizon: Rational?, at times: [Rational], _ label: String) throws {
        for exact in [ExactJSON.exactStrings, .nearestDouble] {
            let spill = try #require(tmpfile())
            defer { fclose(spill) }
            let streamed = try ExactComparison.streamedDocument(problem, horizon: horizon, at: times, exact, spill: spill)
            var out = JSONOutput()
            try streamed.document.write(to: &out)
            let whole = try ExactComparison(problem, horizon: horizon)
            let expected = try whole.verdict.json(path: whole.path, at: times, exact).serialized(pretty: true)
            #expect(out.string == expected, "\(label) \(exact)")
            #expect(try streamed.document.value() == whole.verdict.json(path: whole.path, at: times, exact), "\(label)")
            #expect(streamed.verdict.statements == whole.verdict.statements && streamed.verdict.gap == whole.verdict.gap, "\(label)")
        }
    }

    @Test func streamedDocumentIsTheInMemoryOne() throws {
        var problems: [(Problem, [Rational])] = [
            (try MairalYu.instance(p: 5), [q("1"), q("100")]),
            (try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2")), [q("7/4")]),
        ]
        for seed in UInt64(1)...6 {
            problems.append((try randomProblem(seed: seed, n: 3, d: 4, variant: seed % 3 == 0 ? .positive : .signed,
                                               weightDecay: seed % 2 == 0 ? Rational(1, 4) : .zero), [q("1/2")]))
        }
        for (n, (problem, times)) in problems.enumerated() {
            try Self.check(problem, horizon: nil, at: times, "problem \(n)")
            try Self.check(problem, horizon: q("2"), at: [q("1")], "problem \(n) stopped at s = 2")
        }
    }
}
