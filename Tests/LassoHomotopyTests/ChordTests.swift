import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import LassoHomotopy
import SeededRandom

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

    /// The same point over one denominator: x(4/3) = (−1, 0)/6 and x(1) = (0, 1)/2 over their
    /// own; at κ = 7/6, α = (1/6)/(1/3) = 1/2, lcm(6, 2) = 6, so x = (1·(−1) + 0, 0 + 1·3·1)/(2·6)
    /// = (−1, 3)/12 = (−1/12, 1/4).
    @Test func workedExampleOverOneDenominator() {
        let chord = Chord(upper: q(4, 3), [q(-1, 6), q(0)], lower: q(1), [q(0), q(1, 2)])
        let middle = chord.solutionNumerators(at: q(7, 6))
        #expect(middle.numerators == [BigInteger(-1), BigInteger(3)] && middle.denominator == BigInteger(12))
        let top = chord.solutionNumerators(at: q(4, 3)), bottom = chord.solutionNumerators(at: q(1))
        #expect(top.numerators == [BigInteger(-1), BigInteger(0)] && top.denominator == BigInteger(6))
        #expect(bottom.numerators == [BigInteger(0), BigInteger(1)] && bottom.denominator == BigInteger(2))
    }

    /// Seeded chords with long unrelated denominators (and zeros, and coordinates equal at both
    /// ends): the common-denominator form is the reduced interpolation, entry by entry.
    @Test func numeratorsAreTheInterpolation() {
        var rng = SplitMix64(seed: 2026_12_06)
        func long() -> Rational {
            if rng.nextInt(in: 0...4) == 0 { return .zero }
            var n = BigInteger(rng.nextInt(in: -1_000_000...1_000_000)), d = BigInteger(1)
            for _ in 0..<rng.nextInt(in: 0...6) { n = n * BigInteger(1 << 40) + BigInteger(rng.nextInt(in: 0...(1 << 40))) }
            for _ in 0..<rng.nextInt(in: 0...6) { d = d * BigInteger(1 << 40) + BigInteger(rng.nextInt(in: 1...(1 << 40))) }
            return Rational(n, d)
        }
        var inside = 0
        for trial in 0..<200 {
            let d = rng.nextInt(in: 1...8)
            let lower = long().magnitude, upper = lower + long().magnitude + Rational(1, rng.nextInt(in: 1...1000))
            let xl = (0..<d).map { _ in long() }
            let xu = xl.map { rng.nextInt(in: 0...3) == 0 ? $0 : long() }
            let chord = Chord(upper: upper, xu, lower: lower, xl)
            let t = Rational(rng.nextInt(in: 0...1000), 1000)
            for kappa in [lower, upper, lower + t * (upper - lower)] {
                let (numerators, denominator) = chord.solutionNumerators(at: kappa)
                #expect(denominator.signum > 0, "trial \(trial)")
                #expect(numerators.map { Rational($0, denominator) } == chord.solution(at: kappa), "trial \(trial) κ = \(kappa)")
                if kappa != lower && kappa != upper { inside += 1 }
            }
        }
        #expect(inside > 190)
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
        // Over one denominator too, above κ_max, at the knots, between them and at 0.
        var kappas = [path.kappaMax + .one] + path.knots.map(\.kappa)
        for (a, b) in zip(path.knots, path.knots.dropFirst()) { kappas.append((a.kappa + q(2) * b.kappa) * q(1, 3)) }
        for kappa in kappas {
            let (numerators, denominator) = path.solutionNumerators(at: kappa)
            #expect(numerators.map { Rational($0, denominator) } == path.solution(at: kappa), "κ = \(kappa)")
        }
        let (numerators, denominator) = path.solutionNumerators(at: q(7, 6))
        #expect(numerators.map { Rational($0, denominator) } == [q(-1, 12), q(1, 4)])
    }

    @Test func indexFindsTheChordHoldingKappa() {
        let kappas = [q(3), q(4, 3), q(1), q(1, 3), q(0)]
        func index(_ k: Rational) -> Int { Chord.index(of: k, count: kappas.count) { kappas[$0] } }
        // κ_j > κ ≥ κ_{j+1}: a knot itself belongs to the chord above it.
        #expect(index(q(2)) == 0 && index(q(4, 3)) == 0 && index(q(1, 2)) == 2 && index(q(1, 3)) == 2 && index(q(0)) == 3)
        #expect(index(q(299, 100)) == 0 && index(q(1, 1000)) == 3)
    }
}
