import SeededRandom
import ExactArithmetic
@testable import ModularArithmetic
import Testing

/// The word arithmetic behind `PrincipalInverse`, against GMP's remainders of the exact integers:
/// branch-free addition, subtraction and `reduceOnce`, Shoup's multiplication (for any word t),
/// the plain product, the 128-bit reduction `reduce(high:low:)` and the inverse, on seeded random
/// operands and at the word edges (0, 1, p − 1, t = 2⁶⁴ − 1) for primes at both ends of (2⁶¹, 2⁶²).
@Suite struct WordModulusTests {
    /// The largest prime below 2⁶², the smallest above 2⁶¹, and one in between.
    static let moduli: [WordModulus] = {
        var smallest: UInt64 = (1 << 61) + 1
        while !WordModulus.isPrime(smallest) { smallest += 2 }
        return [WordModulus.primes(count: 1)[0], WordModulus(p: smallest), WordModulus.primes(count: 1, below: 3 << 60)[0]]
    }()

    static func big(_ w: UInt64) -> BigInteger { BigInteger(1).multiplied(byWord: UInt(w)) }

    /// x mod p by GMP.
    static func reference(_ x: BigInteger, _ p: UInt64) -> UInt64 { UInt64(x.residue(modulo: UInt(p))) }

    /// Residues at the edges and seeded random ones.
    static func operands(_ m: WordModulus, _ g: inout SplitMix64) -> [UInt64] {
        [0, 1, 2, m.p / 2, m.p - 2, m.p - 1] + (0..<40).map { _ in g.next() % m.p }
    }

    @Test func primesSpanTheRange() {
        #expect(Self.moduli[0].p < 1 << 62 && Self.moduli[0].p > (1 << 62) - 1000)
        #expect(Self.moduli[1].p > 1 << 61 && Self.moduli[1].p < (1 << 61) + 1000)
    }

    @Test func additionAndSubtractionAreTheExactOnesModuloP() {
        var g = SplitMix64(seed: 11)
        for m in Self.moduli {
            let xs = Self.operands(m, &g)
            for a in xs {
                for b in xs {
                    #expect(m.add(a, b) == Self.reference(Self.big(a) + Self.big(b), m.p))
                    #expect(m.subtract(a, b) == Self.reference(Self.big(a) - Self.big(b), m.p))
                }
                #expect(m.reduceOnce(a) == a && m.reduceOnce(a + m.p) == a)
            }
            #expect(m.subtract(0, m.p - 1) == 1 && m.add(m.p - 1, m.p - 1) == m.p - 2)
        }
    }

    @Test func shoupMultiplicationIsTheExactProductModuloP() {
        var g = SplitMix64(seed: 12)
        for m in Self.moduli {
            let ws = Self.operands(m, &g)
            // t may be any word, not only a residue.
            let ts = Self.operands(m, &g) + [m.p, 2 * m.p - 1, UInt64.max, UInt64.max - 1] + (0..<20).map { _ in g.next() }
            for w in ws {
                let shoup = m.shoup(w)
                // shoup = ⌊w·2⁶⁴/p⌋: shoup·p ≤ w·2⁶⁴ < (shoup + 1)·p.
                let scaled = Self.big(w).shiftedLeft(64)
                #expect(Self.big(shoup) * Self.big(m.p) <= scaled && scaled < (Self.big(shoup) + BigInteger(1)) * Self.big(m.p))
                for t in ts {
                    let exact = Self.reference(Self.big(t) * Self.big(w), m.p)
                    #expect(m.multiply(t, by: w, shoup: shoup) == exact, "t \(t) w \(w) p \(m.p)")
                    if t < m.p { #expect(m.multiply(t, w) == exact) }
                }
            }
        }
    }

    @Test func reductionOfTwoWordsIsTheExactRemainder() {
        var g = SplitMix64(seed: 13)
        for m in Self.moduli {
            let highs = Self.operands(m, &g)
            let lows = Self.operands(m, &g) + [UInt64.max, UInt64.max - 1, m.p, 4 * m.p] + (0..<20).map { _ in g.next() }
            for high in highs {
                for low in lows {
                    let exact = Self.reference(Self.big(high).shiftedLeft(64) + Self.big(low), m.p)
                    #expect(m.reduce(high: high, low: low) == exact, "high \(high) low \(low) p \(m.p)")
                }
            }
        }
    }

    @Test func inverseTimesItselfIsOne() {
        var g = SplitMix64(seed: 14)
        for m in Self.moduli {
            for a in Self.operands(m, &g) where a != 0 {
                #expect(Self.reference(Self.big(a) * Self.big(m.inverse(a)), m.p) == 1)
            }
        }
    }
}
