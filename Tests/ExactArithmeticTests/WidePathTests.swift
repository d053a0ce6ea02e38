import SeededRandom
import Foundation
import JSONFormat
import Testing
import ExactArithmetic

/// The 128-bit inline form (`.wide`: |numerator| < 2¹²⁸, denominator < 2¹²⁰) must give exactly
/// what GMP gives. Operands are built through GMP (`Rational(BigInteger, BigInteger)`) at the
/// 63/64-, 119/120- and 127/128-bit edges; every result is checked against `Fraction` (BigInteger
/// pairs, never `Rational`) and against the same operation done by GMP.
@Suite("Wide (128-bit) path against GMP")
struct WidePathTests {
    static let edgeBits = [1, 2, 31, 32, 33, 62, 63, 64, 65, 95, 96, 97, 118, 119, 120, 121, 126, 127, 128, 129, 130]

    /// A positive magnitude of at most `limit` bits biased toward the edges: just below 2^k, at
    /// 2^(k−1), or any k-bit value.
    static func magnitude(_ rng: inout SplitMix64, limit: Int) -> BigInteger {
        let edges = edgeBits.filter { $0 <= limit }
        let bits = rng.nextInt(in: 0...3) == 0 ? rng.nextInt(in: 1...limit) : edges[rng.nextInt(in: 0...(edges.count - 1))]
        let v: BigInteger
        switch rng.nextInt(in: 0...3) {
        case 0: v = pow2(bits) - BigInteger(rng.nextInt(in: 1...3))
        case 1: v = pow2(bits - 1) + BigInteger(rng.nextInt(in: 0...3))
        default: v = rng.bigInteger(bits: bits)
        }
        return v.signum > 0 ? v : BigInteger(1)
    }

    /// One operand of at most `limit` bits a side: zero now and then, a random sign, and sometimes
    /// numerator and denominator sharing a factor (so that the construction, and later the
    /// operations, must reduce).
    static func operand(_ rng: inout SplitMix64, limit: Int? = nil) -> (Rational, Fraction) {
        let limit = limit ?? [33, 64, 65, 96, 128, 136][rng.nextInt(in: 0...5)]
        if rng.nextInt(in: 0...24) == 0 { return (.zero, Fraction(0, 1)) }
        var n = magnitude(&rng, limit: limit), d = magnitude(&rng, limit: limit)
        if rng.nextInt(in: 0...3) == 0 {
            let c = rng.bigInteger(bits: rng.nextInt(in: 1...70))
            n = n * c
            d = d * c
        }
        if rng.next() & 1 == 0 { n = -n }
        return (Rational(n, d), Fraction(n, d))
    }

    /// Two operands of one size class; sometimes b = t − a for a smaller t, so that a + b cancels.
    static func pair(_ rng: inout SplitMix64) -> ((Rational, Fraction), (Rational, Fraction)) {
        let limit = [33, 64, 65, 96, 128, 136][rng.nextInt(in: 0...5)]
        let (a, fa) = operand(&rng, limit: limit)
        if rng.nextInt(in: 0...5) == 0 {
            let (_, ft) = operand(&rng, limit: [33, 64, 96][rng.nextInt(in: 0...2)])
            let fb = ft - fa
            return ((a, fa), (Rational(fb.n, fb.d), fb))
        }
        return ((a, fa), operand(&rng, limit: limit))
    }

    enum Kind { case small, wide, big }
    static func kind(_ q: Rational) -> Kind { q.isSmall ? .small : (q.isInline ? .wide : .big) }

    @Test func rationalStaysThirtyTwoBytes() {
        #expect(MemoryLayout<Rational>.size == 32 && MemoryLayout<Rational>.stride == 32)
    }

    @Test func randomOperationsAtTheEdgesMatchFractionsAndGMP() {
        var rng = SplitMix64(seed: 0x5EED_0128)
        var kinds: [String: Int] = [:]
        for _ in 0..<6_000 {
            let ((a, fa), (b, fb)) = Self.pair(&rng)
            FastPathTests.expect(a, equals: fa, "operand")
            let sum = a + b, difference = a - b, product = a * b
            FastPathTests.expect(sum, equals: fa + fb, "\(a) + \(b)")
            FastPathTests.expect(difference, equals: fa - fb, "\(a) - \(b)")
            FastPathTests.expect(product, equals: fa * fb, "\(a) * \(b)")
            FastPathTests.expect(-a, equals: Fraction(-fa.n, fa.d), "-\(a)")
            #expect(sum == Rational.sumThroughGMP(a, b) && product == Rational.productThroughGMP(a, b))
            #expect(difference == Rational.sumThroughGMP(a, -b))
            if !b.isZero {
                FastPathTests.expect(a / b, equals: fa / fb, "\(a) / \(b)")
                FastPathTests.expect(b.reciprocal, equals: Fraction(fb.d, fb.n), "1/\(b)")
            }
            #expect((a < b) == (fa < fb) && (b < a) == (fb < fa), "\(a) < \(b)")
            #expect((a == b) == (!(fa < fb) && !(fb < fa)), "\(a) == \(b)")
            for (name, q) in [("operand", a), ("sum", sum), ("product", product)] {
                kinds["\(name) \(Self.kind(q))", default: 0] += 1
            }
            if Self.kind(a) == .wide && Self.kind(b) == .wide { kinds["wide·wide", default: 0] += 1 }
        }
        // Every form must occur as an operand and as a result, and wide operands must meet.
        for name in ["operand", "sum", "product"] {
            for kind in ["small", "wide", "big"] {
                #expect(kinds["\(name) \(kind)", default: 0] > 300, "\(name) \(kind): \(kinds)")
            }
        }
        #expect(kinds["wide·wide", default: 0] > 500, "\(kinds)")
    }

    /// Chains of `addProduct`/`subtractProduct` that wander between the three forms.
    @Test func accumulationCrossesTheFormsBothWays() {
        var rng = SplitMix64(seed: 0x5EED_0129)
        var transitions = Set<String>()
        for chain in 0..<300 {
            var (x, fx) = Self.operand(&rng)
            for step in 0..<10 {
                let ((a, fa), (b, fb)) = Self.pair(&rng)
                let before = Self.kind(x)
                if rng.next() & 1 == 0 { x.subtractProduct(a, b); fx = fx - fa * fb } else { x.addProduct(a, b); fx = fx + fa * fb }
                FastPathTests.expect(x, equals: fx, "chain \(chain) step \(step)")
                transitions.insert("\(before)→\(Self.kind(x))")
                if rng.nextInt(in: 0...2) == 0 { // jump to any form by cancelling: x − (x − t)·1 = t
                    let (t, ft) = Self.operand(&rng)
                    let from = Self.kind(x)
                    x.subtractProduct(x - t, .one)
                    fx = ft
                    FastPathTests.expect(x, equals: fx, "jump at chain \(chain) step \(step)")
                    transitions.insert("\(from)→\(Self.kind(x))")
                }
            }
        }
        for t in ["small→wide", "wide→small", "wide→big", "big→wide", "wide→wide"] { #expect(transitions.contains(t), "\(t): \(transitions)") }
    }

    @Test func edgesByHand() {
        let top = pow2(128) - BigInteger(1), den = pow2(120) - BigInteger(1)
        // The largest inline values, and one past each limit.
        #expect(Rational(top).isInline && Rational(-top).isInline && !Rational(pow2(128)).isInline)
        #expect(Rational(BigInteger(1), den).isInline && !Rational(BigInteger(1), pow2(120)).isInline)
        #expect(Rational(top, den).isInline && Rational(-top, den).isInline)
        #expect(Rational(top) + 1 == Rational(pow2(128)) && !(Rational(top) + 1).isInline)
        #expect((Rational(top) + 1) - 1 == Rational(top) && ((Rational(top) + 1) - 1).isInline)
        // 2^63 and −2^63 (Int.min) are wide; one less in magnitude is small.
        #expect(!Rational(pow2(63)).isSmall && Rational(pow2(63)).isInline && Rational(Int.min).isInline)
        #expect((Rational(pow2(63)) - 1).isSmall && (Rational(Int.min) + 1).isSmall)
        // A reciprocal whose denominator passes 2^120 goes to GMP, and comes back.
        let r = Rational(pow2(125) + BigInteger(1))
        #expect(r.isInline && !r.reciprocal.isInline && r.reciprocal.reciprocal == r && r.reciprocal.reciprocal.isInline)
        // Overflow into GMP and back: a 100-bit value squared, then divided.
        let x = Rational(pow2(100) + BigInteger(7), pow2(99) - BigInteger(3))
        let square = x * x
        #expect(x.isInline && !square.isInline && (square / x) == x && (square / x).isInline)
        #expect(square == Rational.productThroughGMP(x, x))
        // Sums whose cross products pass 2^128 though the result is small: Knuth's formula reduces.
        let p = Rational(BigInteger(1), pow2(119) + BigInteger(1)), q = Rational(BigInteger(1), pow2(119) + BigInteger(3))
        #expect(!(p + q).isInline && ((p + q) - q) == p && ((p + q) - q).isInline)
        let shared = pow2(90) * BigInteger(3)
        let u = Rational(BigInteger(5), shared), v = Rational(BigInteger(7), shared)
        #expect(u + v == Rational(BigInteger(4), pow2(90)) && (u + v).isInline)
        #expect(u * v.reciprocal == Rational(5, 7) && (u * v.reciprocal).isSmall)
        // gcd normalisation with large shared factors on both sides.
        let g = pow2(61) - BigInteger(1) // prime
        let a = Rational(g * BigInteger(3), g * BigInteger(10)), b = Rational(g * g, BigInteger(1) + g)
        #expect(a == Rational(3, 10) && a.isSmall)
        #expect(b.numerator == g * g && b.denominator == g + BigInteger(1) && b.isInline)
        #expect(b * Rational(BigInteger(1) + g, g) == Rational(g) && (b * Rational(BigInteger(1) + g, g)).isSmall)
    }

    @Test func accessorsOfWideValues() {
        var rng = SplitMix64(seed: 0x5EED_0130)
        var wide = 0
        for _ in 0..<2_000 {
            let (q, f) = Self.operand(&rng)
            guard Self.kind(q) == .wide else { continue }
            wide += 1
            let (n, d) = f.reduced
            #expect(q.numerator == n && q.denominator == d && q.signum == n.signum)
            #expect(q.isInteger == (d == BigInteger(1)))
            #expect(q.floor == n.floorDivided(by: d).quotient && q.ceiling == -((-n).floorDivided(by: d).quotient))
            // The text is GMP's digits of numerator and denominator.
            let text = d == BigInteger(1) ? n.description : "\(n.description)/\(d.description)"
            #expect(q.description == text)
            var out = JSONOutput()
            ExactJSON.exactStrings.append(q, to: &out)
            #expect(out.string == "\"\(text)\"")
            #expect(q.hashValue == Rational(n, d).hashValue)
            let (l, error) = q.log2MagnitudeWithError
            // log₂ from BigInteger's own leading bits, each within 2⁻⁴⁰·max(1, log₂).
            let exact = n.log2Magnitude - d.log2Magnitude
            #expect(abs(l - exact) <= error + 0x1p-40 * 260, "\(q)")
            #expect(q.doubleValue == Rational.productThroughGMP(q, 1).doubleValue)
            #expect([q, Rational(1, 3)].leastCommonDenominator == d * BigInteger(3) / BigInteger.gcd(d, BigInteger(3)))
            #expect(q.integer(over: d * BigInteger(6)) == n * BigInteger(6))
        }
        #expect(wide > 300)
    }

    /// Decimal text at the 19-digit chunk boundaries the wide writer splits at.
    @Test func decimalTextAtChunkBoundaries() {
        let ten19 = pow10(19)
        let values = [ten19 - BigInteger(1), ten19, ten19 + BigInteger(1), pow10(20), pow2(64), pow2(64) - BigInteger(1),
                      ten19 * ten19 - BigInteger(1), ten19 * ten19, ten19 * ten19 + BigInteger(1), pow10(38), pow10(38) + BigInteger(7),
                      pow2(128) - BigInteger(1), pow2(127), ten19 * pow2(64)]
        for n in values {
            for d in [BigInteger(1), BigInteger(3), pow2(119) - BigInteger(1), ten19 + BigInteger(2)] where BigInteger.gcd(n, d) == BigInteger(1) {
                for sign in [BigInteger(1), BigInteger(-1)] {
                    let q = Rational(sign * n, d)
                    let text = d == BigInteger(1) ? (sign * n).description : "\((sign * n).description)/\(d.description)"
                    #expect(q.description == text && q.isInline == (n.bitWidth <= 128))
                    var out = JSONOutput()
                    ExactJSON.exactStrings.append(q, to: &out)
                    #expect(out.string == "\"\(text)\"")
                }
            }
        }
    }

    /// A value is not less than itself in any form (small, wide 128-bit, GMP): the random
    /// comparisons above never draw equal pairs.
    @Test func equalValuesAreNotLess() throws {
        for text in ["-5/7", "-1/3", "7", "-1180591620717411303424", "1180591620717411303424",
                     "-170141183460469231731687303715884105727/3", "-340282366920938463463374607431768211457"] {
            let x = try Rational(parsing: text), y = try Rational(parsing: text)
            #expect(!(x < y) && !(y < x) && x <= y && x >= y, "\(text)")
        }
    }
}
