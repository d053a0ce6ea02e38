import SeededRandom
import Testing
import ExactArithmetic

/// `Rational.log2MagnitudeOfQuotient`, the event filter's log₂|num/den|, against the exact quotient.
@Suite struct QuotientLogTests {
    /// Seeded operands of every size class (small, wide, GMP): within its bound of log₂ of the
    /// quotient formed exactly (whose own bound is added), and the inline bound is the tight one.
    @Test func boundsTheExactQuotient() {
        var rng = SplitMix64(seed: 2_0812)
        var inline = 0
        for _ in 0..<5_000 {
            let (num, _) = WidePathTests.operand(&rng), (den, _) = WidePathTests.operand(&rng)
            if num.isZero || den.isZero { continue }
            let (l, error) = Rational.log2MagnitudeOfQuotient(num, den)
            let exact = (num / den).log2MagnitudeWithError
            #expect(abs(l - exact.value) <= error + exact.error, "\(num) / \(den)")
            if num.isInline && den.isInline {
                inline += 1
                #expect(error == 1e-9)
            }
        }
        #expect(inline > 1_500)
    }

    /// By hand: |(−3/4)/(3/32)| = 8, and 2¹²⁷/(1/2¹¹⁹) = 2²⁴⁶ between wide values.
    @Test func byHand() {
        let (l, _) = Rational.log2MagnitudeOfQuotient(Rational(-3, 4), Rational(3, 32))
        #expect(abs(l - 3) < 1e-12)
        let big = Rational(BigInteger(1).shiftedLeft(127)), tiny = Rational(BigInteger(1), BigInteger(1).shiftedLeft(119))
        #expect(big.isInline && tiny.isInline)
        let (m, _) = Rational.log2MagnitudeOfQuotient(big, tiny)
        #expect(abs(m - 246) < 1e-12)
    }
}
