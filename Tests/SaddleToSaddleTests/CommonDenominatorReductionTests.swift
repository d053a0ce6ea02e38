import ExactArithmetic
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// Fractions over one denominator reduced together (one gcd for all, `CommonDenominatorReduction`)
/// against GMP's reduction of each fraction alone, on seeded numbers that share small primes and
/// planted large common factors.
@Suite struct CommonDenominatorReductionTests {
    @Test func reducedEqualsEachFractionReducedAlone() {
        var g = SplitMix64(seed: 611)
        var coprime = 0, notCoprime = 0, allCoprimeBatches = 0
        for batch in 0..<80 {
            let d = DenominatorFactorsTests.number(&g, words: g.nextInt(in: 0...5))
            let big = DenominatorFactorsTests.number(&g, words: 2)
            let numerators = (0..<g.nextInt(in: 0...12)).map { _ -> BigInteger in
                switch g.nextInt(in: 0...5) {
                case 0: return BigInteger(0)
                // A large factor shared with d (so the common gcd is long).
                case 1: return BigInteger.gcd(d, big) * DenominatorFactorsTests.number(&g, words: 1)
                // A multiple of d itself (the product residue becomes 0).
                case 2 where batch % 7 == 0: return -d * BigInteger(3)
                default:
                    let n = DenominatorFactorsTests.number(&g, words: g.nextInt(in: 1...4)) + BigInteger(g.nextInt(in: 0...1))
                    return g.nextInt(in: 0...1) == 0 ? n : -n
                }
            }
            let expected = numerators.map { Rational($0, d) }
            let reduced = CommonDenominatorReduction.reduced(numerators, over: d)
            #expect(reduced == expected)
            // The stored fraction is canonical (numerator and denominator as GMP reduces them).
            #expect(reduced.map(\.denominator) == expected.map(\.denominator))
            for (n, q) in zip(numerators, expected) where !n.isZero {
                if q.denominator == d { coprime += 1 } else { notCoprime += 1 }
            }
            if numerators.allSatisfy({ $0.isZero || BigInteger.gcd($0, d) == BigInteger(1) }) { allCoprimeBatches += 1 }
        }
        // Every path was taken: coprime fractions, common factors, and batches with no gcd at all.
        #expect(coprime > 50 && notCoprime > 50 && allCoprimeBatches > 5)
    }

    @Test func denominatorOneAndNoNumerators() {
        #expect(CommonDenominatorReduction.reduced([BigInteger(-7), BigInteger(0)], over: BigInteger(1)) == [Rational(-7), .zero])
        #expect(CommonDenominatorReduction.reduced([], over: BigInteger(12)).isEmpty)
        #expect(CommonDenominatorReduction.reduced([BigInteger(4), BigInteger(9), BigInteger(5)], over: BigInteger(6))
            == [Rational(2, 3), Rational(3, 2), Rational(5, 6)])
    }
}
