import SeededRandom
import Testing
import ExactArithmetic
import JSONFormat
import ProblemDefinition
@testable import LassoHomotopy

/// `Knot.writeJSON` and `Segment.writeJSON` (what streamed `path --json` and `compare --json`
/// write) give the bytes of the trees `json(…)` builds, exact and `--float`; and a streamed
/// segment's direction, taken from the homotopy's formula, is the negated slope of the chord
/// between its two knots.
@Suite struct KnotWriterTests {
    static func bytes(_ write: (inout JSONOutput) -> Void) -> String {
        var out = JSONOutput()
        write(&out)
        return out.string
    }

    /// Returns the number of segments checked.
    @discardableResult
    static func check(_ problem: Problem, _ factorisation: LassoPath.Factorisation, weightDecay: Rational, _ what: String) throws -> Int {
        var knots = 0
        try LassoPath.stream(problem: problem, factorisation: factorisation) { knot, below in
            knots += 1
            for exact in [ExactJSON.exactStrings, .nearestDouble] {
                for indent in [0, 4] {
                    let tree = bytes { knot.json(weightDecay: weightDecay, exact).write(to: &$0, indent: indent) }
                    #expect(bytes { knot.writeJSON(weightDecay: weightDecay, exact, to: &$0, indent: indent) } == tree, "\(what) knot \(knots)")
                    if let below {
                        let tree = bytes { below.json(exact).write(to: &$0, indent: indent) }
                        #expect(bytes { below.writeJSON(exact, to: &$0, indent: indent) } == tree, "\(what) segment \(knots)")
                    }
                }
            }
            if let below {
                #expect(below.direction == below.chord.slope.map { -$0 }, "\(what) segment \(knots)")
            }
            return true
        }
        return knots - 1
    }

    /// Seeded small instances (signed, positive, singular, ties; both factorisations) and a
    /// weight decay that makes μ null above some knots.
    @Test func seededKnotsAndSegmentsMatchTheTrees() throws {
        var rng = SplitMix64(seed: 2_026_1203)
        var segments = 0
        for trial in 0..<60 {
            let problem = try RandomPathTests.randomProblem(&rng, variant: trial % 3 == 2 ? .positive : .signed)
            let weightDecay = trial % 4 == 1 ? problem.r.map(\.magnitude).max()! / Rational(2) : .zero
            for factorisation in [LassoPath.Factorisation.rational, .integer] {
                segments += try Self.check(problem, factorisation, weightDecay: weightDecay, "trial \(trial) \(factorisation)")
            }
        }
        #expect(segments > 200)
    }

    /// Mairal–Yu p = 6: long fractions (x spills over several lines when it no longer fits 100
    /// characters) and values past the Int64 fast path.
    @Test func mairalYuKnotsMatchTheTrees() throws {
        #expect(try Self.check(try MairalYu.instance(p: 6), .rational, weightDecay: .zero, "Mairal–Yu p = 6") == 364)
        let long = Knot(kappa: Rational(1, 3), x: (0..<9).map { Rational(BigInteger(10).power(30) + BigInteger($0), BigInteger(7)) },
                        active: Array(0..<9), signs: Array(repeating: 1, count: 9), equicorrelation: Array(0..<9),
                        joined: [], dropped: [], isUnique: true)
        let text = Self.bytes { long.writeJSON(weightDecay: .zero, to: &$0, indent: 4) }
        #expect(text == Self.bytes { long.json(weightDecay: .zero).write(to: &$0, indent: 4) })
        #expect(text.contains("\"x\": [\n        \"1000000000000000000000000000000/7\",\n"))
    }
}
