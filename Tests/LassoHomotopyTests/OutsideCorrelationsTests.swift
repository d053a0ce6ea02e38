import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// The integer engine's outside correlations are approximations with a proven error, made exact
/// only where the event scan cannot decide from them. Kept to a few bits (so that most
/// comparisons, signs and zero tests fall back to the exact numerators) or to the default 192,
/// the path must be the rational engine's, knot for knot, on float64 data (signed, positive,
/// d > n with singular M).
@Suite struct OutsideCorrelationsTests {
    static func floatProblem(_ g: inout SplitMix64, n: Int, d: Int, variant: Variant) throws -> Problem {
        func gaussian() -> Double { (0..<4).reduce(-2.0) { s, _ in s + g.nextUnit() } } // Irwin–Hall, centred
        var columns = (0..<d).map { _ in (0..<n).map { _ in gaussian() } }
        if d > 2 { columns[d - 1] = columns[0].map { -$0 } } // a collinear pair
        let X = Matrix((0..<n).map { i in (0..<d).map { Rational(exactly: columns[$0][i])! } })
        let y = (0..<n).map { i in Rational(exactly: columns[1][i] - 0.5 * columns[2][i] + 0.3 * gaussian())! }
        return try Problem(X: X, y: y, scaling: .mean, variant: variant)
    }

    @Test(arguments: [Variant.signed, .positive])
    func truncatedCorrelationsGiveTheExactPath(variant: Variant) throws {
        var g = SplitMix64(seed: variant == .signed ? 31 : 32)
        for trial in 0..<6 {
            let n = [12, 5, 9][trial % 3], d = [7, 9, 6][trial % 3]
            let problem = try Self.floatProblem(&g, n: n, d: d, variant: variant)
            let scaled = ScaledProblem(M: problem.M, r: problem.r)
            let rational = try LassoPath(problem: problem, factorisation: .rational)
            for bits in [4, 40, 192] {
                let engine = IntegerEngine(scaled: scaled, positive: variant == .positive, maximumSupport: min(n, d), keptBits: bits)
                let integer = try LassoPath(problem: problem, scaled: scaled, engine: engine, factorisation: .integer)
                #expect(integer.knots == rational.knots && integer.segments == rational.segments, "trial \(trial), \(bits) bits")
            }
            #expect(rational.knots.count > 2, "trial \(trial)")
        }
    }

    /// The approximations are within their stated bound of the exact numerators.
    @Test func approximationsAreWithinTheirBound() throws {
        var g = SplitMix64(seed: 33)
        let problem = try Self.floatProblem(&g, n: 10, d: 8, variant: .signed)
        let scaled = ScaledProblem(M: problem.M, r: problem.r)
        var engine = IntegerEngine(scaled: scaled, positive: false, maximumSupport: 8, keptBits: 24)
        let bounds = OutsideCorrelations.rowBounds(scaled)
        var checked = 0
        for (j, sign) in [(1, 1), (4, -1), (2, 1)] {
            let joined = engine.join(j, sign: sign)
            #expect(joined)
            let segment = try #require(engine.segment() as? IntegerSegment)
            let o = segment.outside, scale = BigInteger(1).shiftedLeft(o.shift)
            #expect(o.shift > 0)
            for k in 0..<8 where !segment.support.contains(k) {
                let (c0, c1) = o.exact(k)
                #expect((c0 - o.c0[k] * scale).magnitude <= bounds[k] * scale && (c1 - o.c1[k] * scale).magnitude <= bounds[k] * scale)
                checked += 1
            }
            let d = segment.determinant - o.determinant * scale
            #expect(d.signum >= 0 && d < scale)
        }
        #expect(checked == 7 + 6 + 5)
    }
}
