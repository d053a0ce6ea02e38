import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import JSONFormat
import ProblemDefinition
#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import LassoHomotopy

/// `LassoPath.stream` hands over exactly the knots and segments of `LassoPath(problem:)`, in
/// order, on seeded instances of every kind (signed, positive, singular, ties) and with both
/// factorisations; stopping early stops after the knot that asked.
@Suite struct StreamTests {
    /// `LassoPath.writeJSON` (its segments in its own temporary file) writes byte for byte the
    /// in-memory document, with `--at` values and a stop.
    @Test func writtenJSONIsTheInMemoryDocument() throws {
        let problem = try MairalYu.instance(p: 5)
        for (at, kappaMin) in [([], nil), ([q(1, 10), q(3)], nil), ([q(1, 2)], q(1, 4))] as [([Rational], Rational?)] {
            var path = "/tmp/dlnpath-writejson-XXXXXX".utf8CString
            let fd = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            try #require(fd >= 0)
            defer { close(fd); path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
            try LassoPath.writeJSON(problem: problem, at: at, kappaMin: kappaMin, toFileDescriptor: fd)
            let written = try String(contentsOfFile: path.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, encoding: .utf8)
            var document = try LassoPath(problem: problem, kappaMin: kappaMin).json(at: at)
            if kappaMin != nil, case .object(var members) = document {
                // The stopped document ends with the stop: κ_min = 1/4, μ = 1/(1/4 − 0) = 4.
                members["stop"] = .object(["lambda": .string("1/4"), "mu": .string("4")])
                document = .object(members)
            }
            let expected = document.serialized(pretty: true) + "\n"
            #expect(written == expected, "at \(at), κ_min \(String(describing: kappaMin))")
            #expect(written.contains("\"segments\": [\n    {"))
        }
    }

    static func streamed(_ problem: Problem, _ factorisation: LassoPath.Factorisation = .automatic)
        throws -> (knots: [Knot], segments: [Segment], summary: LassoPath.StreamSummary) {
        var knots: [Knot] = [], segments: [Segment] = []
        let summary = try LassoPath.stream(problem: problem, factorisation: factorisation) { knot, below in
            knots.append(knot)
            if let below { segments.append(below) }
            return true
        }
        return (knots, segments, summary)
    }

    @Test func streamEqualsWholePathOnSeededInstances() throws {
        var rng = SplitMix64(seed: 20_261_203)
        var compared = 0, nonUnique = 0, carried = 0
        for trial in 0..<120 {
            let variant: Variant = trial % 3 == 2 ? .positive : .signed
            let problem = try RandomPathTests.randomProblem(&rng, variant: variant)
            for factorisation in [LassoPath.Factorisation.rational, .integer] {
                let whole = try LassoPath(problem: problem, factorisation: factorisation)
                let (knots, segments, summary) = try Self.streamed(problem, factorisation)
                #expect(knots == whole.knots, "trial \(trial) \(factorisation)")
                #expect(segments == whole.segments, "trial \(trial) \(factorisation)")
                // `==` leaves the direction out: a streamed integer segment reads it off its formula.
                #expect(segments.map(\.direction) == whole.segments.map(\.direction), "trial \(trial) \(factorisation)")
                #expect(segments.map(\.direction) == segments.map { $0.chord.slope.map { -$0 } }, "trial \(trial) \(factorisation)")
                carried += segments.filter { $0.numerators != nil }.count
                #expect(summary.knotCount == whole.knots.count && summary.isUnique == whole.isUnique)
                #expect(!summary.stoppedEarly)
                if !whole.isUnique { nonUnique += 1 }
                compared += 1
            }
        }
        #expect(compared == 240)
        #expect(carried > 100, "the integer factorisation hands over its formulas")
        #expect(nonUnique > 0, "the seeded instances include singular ones")
    }

    @Test func mairalYuLevelSixStreamsItsKnots() throws {
        let problem = try MairalYu.instance(p: 6)
        let whole = try LassoPath(problem: problem)
        let (knots, segments, _) = try Self.streamed(problem)
        #expect(knots.count == 365)
        #expect(knots == whole.knots && segments == whole.segments)
    }

    @Test func stoppingEarlyStopsTheHomotopy() throws {
        let problem = try MairalYu.instance(p: 5)
        var seen: [Rational] = []
        let summary = try LassoPath.stream(problem: problem) { knot, _ in
            seen.append(knot.kappa)
            return seen.count < 10
        }
        #expect(seen.count == 10 && summary.knotCount == 10 && summary.stoppedEarly)
        #expect(seen == Array(try LassoPath(problem: problem).knots.prefix(10).map(\.kappa)))
    }
}

/// `MairalYu.instance(p:)` streams the lower levels' paths; it must build the same instances as
/// `levels(through:)`, which keeps every path.
@Suite struct MairalYuStreamedInstanceTests {
    @Test func streamedInstancesEqualTheLevels() throws {
        let levels = try MairalYu.levels(through: 7, includingLastPath: false)
        for level in levels {
            let streamed = try MairalYu.instance(p: level.p)
            #expect(streamed.M == level.problem.M && streamed.r == level.problem.r && streamed.data == level.problem.data, "level \(level.p)")
        }
    }
}
