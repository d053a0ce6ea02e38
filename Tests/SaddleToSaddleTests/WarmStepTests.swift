import ExactArithmetic
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// `WarmFaceSolver.stepTowards`, the Lawson–Hanson step over one denominator: x + α(z − x) with
/// α the least x_a/(x_a − z_a) over the blocking positions, against the rational formula.
@Suite struct WarmStepTests {
    static func values(_ form: (numerators: [BigInteger], denominator: BigInteger)) -> [Rational] {
        form.numerators.map { Rational($0, form.denominator) }
    }

    /// x = (3, 1, 2)/4, z = (−1, 2, 1)/2: α = (3/4)/(3/4 + 1/2) = 3/5, x' = (0, 7/10, 1/2); and
    /// a blocking coordinate with x_a = z_a = 0 gives α = 0 (x unchanged).
    @Test func handDerivedSteps() {
        let x = (numerators: [3, 1, 2].map { BigInteger($0) }, denominator: BigInteger(4))
        let v = [-1, 2, 1].map { BigInteger($0) }
        let step = WarmFaceSolver.stepTowards(x, v, BigInteger(2), blocking: [0])
        #expect(Self.values(step) == [Rational(0), Rational(7, 10), Rational(1, 2)])
        let still = WarmFaceSolver.stepTowards((x.numerators + [BigInteger(0)], x.denominator), v + [BigInteger(0)], BigInteger(2), blocking: [0, 3])
        #expect(Self.values(still) == Self.values((x.numerators + [BigInteger(0)], x.denominator)))
    }

    /// Seeded x ≥ 0 and z with some entries ≤ 0 (the blocking ones): the same values as
    /// min over blocking a of x_a/(x_a − z_a) and x + α(z − x) in rationals.
    @Test func seededStepsEqualTheRationalFormula() {
        var g = SplitMix64(seed: 77)
        var checked = 0
        for _ in 0..<300 {
            let k = g.nextInt(in: 1...8)
            let e = BigInteger(g.nextInt(in: 1...1_000_000)), f = BigInteger(g.nextInt(in: 1...1_000_000))
            let xn = (0..<k).map { _ in BigInteger(g.nextInt(in: 0...10_000)) * BigInteger(g.nextInt(in: 1...1 << 40)) }
            let v = (0..<k).map { _ in BigInteger(g.nextInt(in: -10_000...10_000)) * BigInteger(g.nextInt(in: 1...1 << 40)) }
            let blocking = v.indices.filter { v[$0].signum <= 0 }
            guard !blocking.isEmpty else { continue }
            let x = xn.map { Rational($0, e) }, z = v.map { Rational($0, f) }
            let alpha = blocking.map { a in x[a] == z[a] ? Rational.zero : x[a] / (x[a] - z[a]) }.min()!
            let expected = x.indices.map { x[$0] + alpha * (z[$0] - x[$0]) }
            let step = WarmFaceSolver.stepTowards((xn, e), v, f, blocking: blocking)
            #expect(step.denominator.signum > 0)
            #expect(Self.values(step) == expected)
            #expect(blocking.contains { expected[$0].isZero })
            checked += 1
        }
        #expect(checked > 200)
    }
}
