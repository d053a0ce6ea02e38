import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import LassoHomotopy

/// The chord between two knots, the one place the formulas of a piece of the path live.
@Suite struct ChordTests {
    /// docs/math.md §4's worked example between κ = 4/3 (x = (−1/6, 0)) and κ = 1 (x = (0, 1/2)):
    /// there x = ((1 − κ)/2, (4 − 3κ)/2), so slope (−1/2, −3/2) and intercept (1/2, 2).
    @Test func workedExampleChord() throws {
        let chord = Chord(upper: q(4, 3), [q(-1, 6), q(0)], lower: q(1), [q(0), q(1, 2)])
        #expect(chord.slope == [q(-1, 2), q(-3, 2)])
        #expect(chord.affine.intercept == [q(1, 2), q(2)] && chord.affine.slope == chord.slope)
        #expect(chord.solution(at: q(7, 6)) == [q(-1, 12), q(1, 4)])
        #expect(chord.solution(at: q(4, 3)) == [q(-1, 6), q(0)] && chord.solution(at: q(1)) == [q(0), q(1, 2)])
        // A coordinate equal at both ends stays exactly constant.
        #expect(Chord(upper: q(2), [q(5), q(1)], lower: q(1), [q(5), q(3)]).slope == [q(0), q(-2)])
    }

    @Test func segmentsAreTheChordsOfTheirKnots() throws {
        let path = try LassoPath(problem: try Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2])))
        for (k, segment) in path.segments.enumerated() {
            let chord = Chord(from: path.knots[k], to: path.knots[k + 1])
            #expect(segment.chord == chord)
            #expect(segment.slope == chord.slope && segment.intercept == chord.affine.intercept)
            let middle = (segment.upper + segment.lower) * q(1, 2)
            #expect(path.solution(at: middle) == chord.solution(at: middle))
        }
    }

    @Test func indexFindsTheChordHoldingKappa() {
        let kappas = [q(3), q(4, 3), q(1), q(1, 3), q(0)]
        func index(_ k: Rational) -> Int { Chord.index(of: k, count: kappas.count) { kappas[$0] } }
        // κ_j > κ ≥ κ_{j+1}: a knot itself belongs to the chord above it.
        #expect(index(q(2)) == 0 && index(q(4, 3)) == 0 && index(q(1, 2)) == 2 && index(q(1, 3)) == 2 && index(q(0)) == 3)
        #expect(index(q(299, 100)) == 0 && index(q(1, 1000)) == 3)
    }
}
