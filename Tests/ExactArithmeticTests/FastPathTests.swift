import SeededRandom
import Foundation
import Testing
import ExactArithmetic

/// The Int64 fast path must give exactly what arbitrary precision gives. Every result is checked
/// against hand-made fraction arithmetic on BigInteger pairs (`Fraction`), which never touches
/// `Rational` or mpq.
@Suite("Fast path against GMP")
struct FastPathTests {
    /// One random operand: mostly Int64 fractions near overflow edges, sometimes a product of two
    /// (usually too big for the fast path), sometimes with a negative denominator on input.
    static func operand(_ rng: inout SplitMix64) -> (Rational, Fraction) {
        let n = rng.edgeNumerator(), d = rng.edgeDenominator()
        let frac = Fraction(BigInteger(Int(n)), BigInteger(Int(d)))
        switch rng.nextInt(in: 0...5) {
        case 0:
            let n2 = rng.edgeNumerator(), d2 = rng.edgeDenominator()
            let frac2 = Fraction(BigInteger(Int(n2)), BigInteger(Int(d2)))
            let product = frac * frac2
            return (Rational(product.n, product.d), product)
        case 1:
            return (Rational(Int(-n), Int(-d)), frac)   // negative denominator on input
        default:
            return (Rational(Int(n), Int(d)), frac)
        }
    }

    static func expect(_ q: Rational, equals f: Fraction, _ what: @autoclosure () -> String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let (n, d) = f.reduced
        #expect(q.numerator == n && q.denominator == d, "\(what()): got \(q), want \(n)/\(d)",
                sourceLocation: sourceLocation)
        expectCanonical(q, sourceLocation: sourceLocation)
        let rebuilt = Rational(n, d)
        #expect(q == rebuilt && q.hashValue == rebuilt.hashValue, sourceLocation: sourceLocation)
    }

    @Test func randomOperationsMatchFractionArithmetic() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        var smallResults = 0, bigResults = 0
        for _ in 0..<4_000 {
            let (a, fa) = Self.operand(&rng), (b, fb) = Self.operand(&rng)
            Self.expect(a, equals: fa, "operand")
            Self.expect(a + b, equals: fa + fb, "\(a) + \(b)")
            Self.expect(a - b, equals: fa - fb, "\(a) - \(b)")
            Self.expect(a * b, equals: fa * fb, "\(a) * \(b)")
            Self.expect(-a, equals: Fraction(-fa.n, fa.d), "-\(a)")
            if !b.isZero {
                Self.expect(a / b, equals: fa / fb, "\(a) / \(b)")
                Self.expect(b.reciprocal, equals: Fraction(fb.d, fb.n), "1/\(b)")
            }
            #expect((a < b) == (fa < fb), "\(a) < \(b)")
            #expect((a == b) == (!(fa < fb) && !(fb < fa)), "\(a) == \(b)")
            #expect(Rational.sumThroughGMP(a, b) == a + b)
            #expect(Rational.productThroughGMP(a, b) == a * b)
            if (a * b).isSmall { smallResults += 1 } else { bigResults += 1 }
        }
        // The edge distribution must exercise both sides of the fallback.
        #expect(smallResults > 800 && bigResults > 800, "small \(smallResults), big \(bigResults)")
    }

    /// Small values handed to GMP as read-only operands over stack limbs (`withMPQ`): the Int64
    /// edges, signs and zero, against each other through GMP and against big values, checked
    /// against `Fraction`; and log₂ magnitudes within their stated error on both sides.
    @Test func smallOperandsThroughGMPAtTheEdges() {
        let m = Int(Int64.max)
        func pair(_ n: Int, _ d: Int = 1) -> (Rational, Fraction) { (Rational(n, d), Fraction(BigInteger(n), BigInteger(d))) }
        let smalls = [pair(0), pair(1), pair(-1), pair(m), pair(-m), pair(m - 1), pair(1, m), pair(-m, m - 1), pair(-3, 7)]
        let bigs: [(Rational, Fraction)] = [
            (Rational(pow2(63)), Fraction(pow2(63), 1)), (Rational(BigInteger(-5), pow2(70)), Fraction(BigInteger(-5), pow2(70))),
            (Rational(pow2(130) + BigInteger(1), BigInteger(m)), Fraction(pow2(130) + BigInteger(1), BigInteger(m))),
        ]
        for (a, fa) in smalls {
            #expect(a.isSmall)
            for (b, fb) in smalls + bigs {
                Self.expect(Rational.sumThroughGMP(a, b), equals: fa + fb, "\(a) + \(b) through GMP")
                Self.expect(Rational.productThroughGMP(a, b), equals: fa * fb, "\(a) · \(b) through GMP")
                Self.expect(Rational.sumThroughGMP(b, a), equals: fb + fa, "\(b) + \(a) through GMP")
                Self.expect(a - b, equals: fa - fb, "\(a) − \(b)")
                #expect((a < b) == (fa < fb) && (b < a) == (fb < fa), "\(a) < \(b)")
            }
            if !a.isZero {
                let (l, error) = a.log2MagnitudeWithError
                let exact = log2(abs(Double(a.numerator.description)!)) - log2(Double(a.denominator.description)!)
                #expect(abs(l - exact) <= error && error < 1e-6, "\(a)")
            }
        }
        for (b, _) in bigs {
            let (l, error) = b.log2MagnitudeWithError
            let exact = log2(abs(Double(b.numerator.description)!)) - log2(Double(b.denominator.description)!)
            #expect(abs(l - exact) <= error, "\(b)")
        }
    }

    /// `addProduct`/`subtractProduct` against `Fraction` on seeded chains of edge operands, with
    /// the accumulator sometimes shared with a copy (which must keep its value) and sometimes
    /// coming back small.
    @Test func accumulationMatchesFractionsAndKeepsCopies() {
        var rng = SplitMix64(seed: 0x5EED_0011)
        var bigAccumulators = 0
        for chain in 0..<300 {
            var (x, fx) = Self.operand(&rng)
            for step in 0..<12 {
                let (a, fa) = Self.operand(&rng), (b, fb) = Self.operand(&rng)
                let negated = rng.nextInt(in: 0...1) == 1
                let keep = rng.nextInt(in: 0...2) == 0 ? x : nil
                let before = fx
                if !x.isSmall && keep == nil { bigAccumulators += 1 }
                if negated { x.subtractProduct(a, b); fx = fx - fa * fb } else { x.addProduct(a, b); fx = fx + fa * fb }
                Self.expect(x, equals: fx, "chain \(chain) step \(step)")
                if let keep { Self.expect(keep, equals: before, "the copy at chain \(chain) step \(step)") }
                if rng.nextInt(in: 0...3) == 0 { // back towards the fast path: x − x·1 + small
                    x.subtractProduct(x, .one)
                    fx = Fraction(0, 1)
                    Self.expect(x, equals: fx, "cancelled at chain \(chain) step \(step)")
                    #expect(x.isSmall)
                }
            }
        }
        #expect(bigAccumulators > 500)
    }

    @Test func overflowEdgesByHand() {
        let max = Rational(Int(Int64.max)), min1 = Rational(-Int(Int64.max))
        // Sums that leave the fast path by one unit, and come back.
        Self.expect(max + 1, equals: Fraction(pow2(63), 1), "max + 1")
        #expect(!(max + 1).isSmall)
        #expect((max + 1) - 1 == max && ((max + 1) - 1).isSmall)
        let minInt = min1 - 1                    // -2^63 = Int.min: fits Int64 but is stored big
        Self.expect(minInt, equals: Fraction(-pow2(63), 1), "-max - 1")
        #expect(!minInt.isSmall)
        #expect((minInt + 1).isSmall && minInt + 1 == min1)
        // Products that overflow, quotients that cancel back to the fast path.
        let big = max * max
        Self.expect(big, equals: Fraction(BigInteger(Int(Int64.max)) * BigInteger(Int(Int64.max)), 1), "max²")
        #expect((big / max).isSmall && big / max == max)
        // Denominators near 2^63: sum of 1/(2^63-1) and 1/(2^63-2) needs a 126-bit denominator.
        let p = Rational(1, Int(Int64.max)), q = Rational(1, Int(Int64.max - 1))
        Self.expect(p + q, equals: Fraction(1, BigInteger(Int(Int64.max))) + Fraction(1, BigInteger(Int(Int64.max - 1))), "p + q")
        #expect(!(p + q).isSmall)
        #expect(((p + q) - q).isSmall && (p + q) - q == p)
        // Knuth's reduced formulas keep these in Int64 though the naive cross products overflow.
        let r = Rational(1, 1 << 62), s = Rational(1, 1 << 61)
        #expect((r + s).isSmall && r + s == Rational(3, 1 << 62))
        #expect((Rational(Int(Int64.max), 1 << 32) * Rational(1 << 32, Int(Int64.max))) == 1)
        // Comparison of values whose cross products need 128 bits.
        let m = Int(Int64.max)
        #expect(Rational(m - 2, m - 1) < Rational(m - 1, m))
        #expect(!(Rational(m - 1, m) < Rational(m - 2, m - 1)))
        #expect(Rational(-(m - 1), m - 2) < Rational(-m, m - 1))
        #expect(!(Rational(-m, m - 1) < Rational(-(m - 1), m - 2)))
        #expect(!(Rational(m - 1, m) < Rational(m - 1, m)))
        // Near 2^32: the square is exactly 2^64, just past Int64.
        let t = Rational(1 << 32)
        #expect(!(t * t).isSmall && (t * t).numerator == pow2(64))
        #expect((Rational(1 << 31) * Rational(1 << 31)).isSmall)
    }

    @Test func intMinIsHandledExactly() throws {
        let m = Rational(Int.min)
        #expect(!m.isSmall)
        #expect(m.numerator == BigInteger(Int.min) && m.denominator == 1)
        #expect(m.description == "-9223372036854775808")
        #expect(-m == Rational(pow2(63)) && !(-m).isSmall)
        #expect(m + 1 == Rational(Int.min + 1) && (m + 1).isSmall)
        #expect(Rational(Int.min, 2) == Rational(-(1 << 62)) && Rational(Int.min, 2).isSmall)
        #expect(Rational(Int.min, Int.min) == 1 && Rational(Int.min, Int.min).isSmall)
        #expect(Rational(Int.min, -1) == Rational(pow2(63)))
        #expect(Rational(1, Int.min) == Rational(BigInteger(-1), pow2(63)) && !Rational(1, Int.min).isSmall)
        #expect(Rational(3, Int.min).reciprocal == Rational(Int.min, 3))
        #expect(m.floor == BigInteger(Int.min) && m.ceiling == BigInteger(Int.min))
        #expect(m < Rational(-Int(Int64.max)) && Rational(-Int(Int64.max)) > m)
        #expect(Rational(BigInteger(Int.min)) == m && Rational(BigInteger(Int.min)).hashValue == m.hashValue)
        #expect(try Rational(parsing: "-9223372036854775808") == m)
        expectCanonical(m)
        expectCanonical(-m)
    }

    @Test func hashingFollowsValueAcrossRepresentations() {
        var rng = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<500 {
            let x = Rational(Int(rng.edgeNumerator()), Int(rng.edgeDenominator()))
            let y = Rational(Int(Int64.max) - rng.nextInt(in: 0...1000), 3 + rng.nextInt(in: 0...1000))
            let viaBig = (x * y) / y            // big intermediate unless x·y happens to fit
            #expect(viaBig == x && viaBig.isSmall == x.isSmall)
            #expect(viaBig.hashValue == x.hashValue)
            let sumBack = (x + y * y) - y * y
            #expect(sumBack == x && sumBack.hashValue == x.hashValue)
            // Two routes to the same big value.
            let b1 = x * y * y, b2 = y * (y * x)
            #expect(b1 == b2 && b1.hashValue == b2.hashValue)
        }
        var set: Set<Rational> = [Rational(1, 3), Rational(pow2(100), 3)]
        #expect(set.contains((Rational(pow2(100)) * Rational(1, 3)) / Rational(pow2(100))))
        #expect(set.contains(Rational(pow2(101), 6)))
        set.insert(Rational(2, 6))
        #expect(set.count == 2)
    }

    @Test func constructionFromIntsReducesAndNormalizesSign() {
        #expect(Rational(6, -8).description == "-3/4")
        #expect(Rational(-6, -8).description == "3/4")
        #expect(Rational(0, -5).description == "0" && Rational(0, -5) == .zero)
        #expect(Rational(4, 2).description == "2")
        #expect(Rational(Int(Int64.max), -Int(Int64.max)) == -1)
        #expect(Rational(BigInteger(10), BigInteger(-4)) == Rational(-5, 2))
        #expect(Rational(1, 3).isInteger == false && Rational(6, 3).isInteger)
        #expect(Rational(pow2(80)).isInteger && !Rational(pow2(80) + 1, BigInteger(2)).isInteger)
        #expect(Rational(-7, 2).signum == -1 && Rational.zero.signum == 0 && Rational(pow2(90)).signum == 1)
        #expect(Rational(-7, 2).magnitude == Rational(7, 2))
        #expect(Rational.min(Rational(1, 3), Rational(1, 2)) == Rational(1, 3))
        #expect(Rational.max(Rational(1, 3), Rational(pow2(70))) == Rational(pow2(70)))
    }

    @Test func inPlaceOperatorsAndProducts() {
        var acc = Rational.zero
        acc.addProduct(Rational(1, 2), Rational(2, 3))      // 1/3
        acc.subtractProduct(Rational(1, 4), Rational(1, 3)) // 1/3 - 1/12 = 1/4
        #expect(acc == Rational(1, 4))
        acc += Rational(pow2(70)); acc -= Rational(pow2(70))
        #expect(acc == Rational(1, 4) && acc.isSmall)
        acc *= 8; acc /= Rational(-3)
        #expect(acc == Rational(-2, 3))
    }
}
