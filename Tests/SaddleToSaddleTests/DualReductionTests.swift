import ExactArithmetic
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// Fractions over one denominator reduced together (`Rational.reducing`, as the limit reduces x,
/// c and q) against GMP's reduction of each fraction alone, on seeded numbers that share small
/// primes, planted large common factors and denominators that are products of many such numbers
/// (as the dual's is, one per saddle).
@Suite struct DualReductionTests {
    /// A random integer with small prime powers (shared between numbers) and a few random words.
    static func number(_ g: inout SplitMix64, words: Int) -> BigInteger {
        var v = BigInteger(1)
        for p in [2, 3, 5, 7, 11, 13] { v *= BigInteger.power(base: UInt(p), exponent: g.nextInt(in: 0...3)) }
        for _ in 0..<words { v *= BigInteger(Int(g.next() >> 2) + 1) }
        return v
    }

    /// The dual's case: D a product of several such numbers (one per saddle that lengthened it),
    /// numerators that share a random part of D with it.
    @Test func productDenominators() {
        var g = SplitMix64(seed: 2026)
        var compared = 0, unreduced = 0
        for _ in 0..<60 {
            let d = (0..<g.nextInt(in: 1...9)).reduce(BigInteger(1)) { p, _ in p * Self.number(&g, words: g.nextInt(in: 0...3)) }
            let numerators = (0..<20).map { _ in
                // + 1 half the time: then n is often coprime to d.
                var n = Self.number(&g, words: g.nextInt(in: 1...6)) + BigInteger(g.nextInt(in: 0...1))
                if g.nextInt(in: 0...1) == 0 { n = -n }
                if g.nextInt(in: 0...4) == 0 { n = n * BigInteger.gcd(d, Self.number(&g, words: 1)) }
                return n
            }
            let expected = numerators.map { Rational($0, d) }
            #expect(Rational.reducing(numerators + [BigInteger(0)], over: d) == expected + [.zero])
            unreduced += expected.filter { $0.denominator != d }.count
            compared += expected.count
        }
        // Both paths were taken: fractions already reduced and fractions with a common factor.
        #expect(compared == 1200)
        #expect(unreduced > 100 && unreduced < compared)
    }
    @Test func reducedEqualsEachFractionReducedAlone() {
        var g = SplitMix64(seed: 611)
        var coprime = 0, notCoprime = 0, allCoprimeBatches = 0
        for batch in 0..<80 {
            let d = Self.number(&g, words: g.nextInt(in: 0...5))
            let big = Self.number(&g, words: 2)
            let numerators = (0..<g.nextInt(in: 0...12)).map { _ -> BigInteger in
                switch g.nextInt(in: 0...5) {
                case 0: return BigInteger(0)
                // A large factor shared with d (so the common gcd is long).
                case 1: return BigInteger.gcd(d, big) * Self.number(&g, words: 1)
                // A multiple of d itself (the product residue becomes 0).
                case 2 where batch % 7 == 0: return -d * BigInteger(3)
                default:
                    let n = Self.number(&g, words: g.nextInt(in: 1...4)) + BigInteger(g.nextInt(in: 0...1))
                    return g.nextInt(in: 0...1) == 0 ? n : -n
                }
            }
            let expected = numerators.map { Rational($0, d) }
            let reduced = Rational.reducing(numerators, over: d)
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
        #expect(Rational.reducing([BigInteger(-7), BigInteger(0)], over: BigInteger(1)) == [Rational(-7), .zero])
        #expect(Rational.reducing([], over: BigInteger(12)).isEmpty)
        #expect(Rational.reducing([BigInteger(4), BigInteger(9), BigInteger(5)], over: BigInteger(6))
            == [Rational(2, 3), Rational(3, 2), Rational(5, 6)])
    }

    /// `DualNumerators.removeContent`: the gcd of D with Σ (j+1)·Q_j over the numerators inside
    /// the box may keep factors some Q_j lacks (here 36 | 1·18 + 2·9, while gcd(36, 18, 9) = 9);
    /// the remainders refine it to the content. Box coordinates ±D become ±D/9, one shared value.
    @Test func contentRemovalRefinesTheCombination() {
        var q = DualNumerators(zeros: 5)
        q.denominator = BigInteger(36)
        q.numerators = [18, 36, 9, -36, 0].map { BigInteger($0) }
        q.removeContent(onBox: BigInteger(36))
        #expect(q.denominator == BigInteger(4))
        #expect(q.numerators == [2, 4, 1, -4, 0].map { BigInteger($0) })
    }

    /// The same against the plain definition, h = gcd(D, b·D, every numerator), on seeded numbers
    /// with planted common factors (a box bound b = 5/3 whose denominator divides D).
    @Test func contentRemovalEqualsTheGcdOfAll() {
        var g = SplitMix64(seed: 11)
        var removed = 0
        for _ in 0..<200 {
            let shared = Self.number(&g, words: g.nextInt(in: 0...2))
            let d = BigInteger(3) * shared * Self.number(&g, words: g.nextInt(in: 0...2))
            let onBox = BigInteger(5) * d.dividedExactly(by: BigInteger(3))
            let numerators = (0..<12).map { _ -> BigInteger in
                switch g.nextInt(in: 0...5) {
                case 0: return BigInteger(0)
                case 1: return onBox
                case 2: return -onBox
                default: return shared * Self.number(&g, words: g.nextInt(in: 0...2)) * BigInteger(g.nextInt(in: -3...3))
                }
            }
            let h = numerators.reduce(BigInteger.gcd(d, onBox)) { BigInteger.gcd($0, $1) }
            var q = DualNumerators(zeros: numerators.count)
            q.denominator = d
            q.numerators = numerators
            q.removeContent(onBox: onBox)
            #expect(q.denominator == d.dividedExactly(by: h))
            #expect(q.numerators == numerators.map { $0.dividedExactly(by: h) })
            if h != BigInteger(1) { removed += 1 }
        }
        #expect(removed > 100)
    }
}
