import ExactArithmetic
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// Reducing n/L from residues modulo L's factors (`DenominatorFactors`) against GMP's reduction
/// of the same fraction, on seeded factors that share small primes (as the dual's do) and after
/// common factors are divided out of the product.
@Suite struct DenominatorFactorsTests {
    /// A random integer with small prime powers (shared between numbers) and a few random words.
    static func number(_ g: inout SplitMix64, words: Int) -> BigInteger {
        var v = BigInteger(1)
        for p in [2, 3, 5, 7, 11, 13] { v *= BigInteger.power(base: UInt(p), exponent: g.nextInt(in: 0...3)) }
        for _ in 0..<words { v *= BigInteger(Int(g.next() >> 2) + 1) }
        return v
    }

    @Test func reducedEqualsTheGCDReduction() {
        var g = SplitMix64(seed: 2026)
        var compared = 0, unreduced = 0
        for _ in 0..<60 {
            var factors = DenominatorFactors()
            var l = BigInteger(1)
            for _ in 0..<g.nextInt(in: 1...9) {
                let f = Self.number(&g, words: g.nextInt(in: 0...3))
                factors.multiply(by: f)
                l *= f
            }
            // Divide out a common factor, as the event loop does after each update.
            let h = BigInteger.gcd(l, Self.number(&g, words: 0) * (factors.factors.first ?? BigInteger(1)))
            factors.divide(by: h)
            l = l.dividedExactly(by: h)
            #expect(factors.factors.reduce(BigInteger(1), *) == l)
            let reducer = factors.reducer(denominator: l)
            let numerators = (0..<20).map { _ in
                var n = Self.number(&g, words: g.nextInt(in: 1...6))
                if g.nextInt(in: 0...1) == 0 { n = -n }
                if g.nextInt(in: 0...4) == 0 { n = n * BigInteger.gcd(l, Self.number(&g, words: 1)) }
                return n
            }
            let expected = numerators.map { Rational($0, l) }
            // Together (one gcd per factor) and one at a time.
            #expect(reducer.reduced(numerators + [BigInteger(0)]) == expected + [.zero])
            #expect(numerators.map { reducer.reduced($0) } == expected)
            unreduced += expected.filter { $0.denominator != l }.count
            compared += expected.count
            #expect(reducer.reduced(BigInteger(0)) == .zero)
        }
        // Both paths were taken: fractions already reduced and fractions with a common factor.
        #expect(compared == 1200)
        #expect(unreduced > 100 && unreduced < compared)
    }

    @Test func noFactorsIsDenominatorOne() {
        let reducer = DenominatorFactors().reducer(denominator: BigInteger(1))
        #expect(reducer.reduced(BigInteger(-7)) == Rational(-7))
    }
}
