import ExactArithmetic
import SeededRandom
import Testing

/// `CommonDenominator.bits` bounds max(bits(L), max bits(|v|·L)) within two bits, L the lcm of
/// the denominators: checked against the definition computed directly.
@Suite struct CommonDenominatorTests {
    private func direct(_ values: [Rational]) -> Int {
        let l = values.reduce(BigInteger(1)) { BigInteger.lcm($0, $1.denominator) }
        return values.map { ($0.numerator.magnitude * l).dividedExactly(by: $0.denominator).bitWidth }.reduce(l.bitWidth, max)
    }

    @Test func handExample() {
        var common = CommonDenominator()
        for q in [Rational(1, 3), Rational(-1, 5), Rational(7)] { common.include(q) }
        #expect(common.value == BigInteger(15))
        #expect(direct([Rational(1, 3), Rational(-1, 5), Rational(7)]) == 7) // 7·15 = 105 < 2^7
        #expect((7...9).contains(common.bits))
    }

    @Test func boundIsWithinTwoBitsOnRandomSets() {
        var random = SplitMix64(seed: 14)
        for _ in 0..<200 {
            let count = random.nextInt(in: 1...12)
            let values: [Rational] = (0..<count).map { _ in
                let big = random.nextInt(in: 0...3) == 0
                let n = BigInteger(random.nextInt(in: -1_000_000...1_000_000)) * (big ? BigInteger.power(base: 10, exponent: random.nextInt(in: 0...60)) : BigInteger(1))
                let d = BigInteger(random.nextInt(in: 1...10_000)) * (big ? BigInteger.power(base: 7, exponent: random.nextInt(in: 0...40)) : BigInteger(1))
                return Rational(n, d)
            }
            var common = CommonDenominator()
            values.forEach { common.include($0) }
            let exact = direct(values)
            #expect(common.bits >= exact && common.bits <= exact + 2, "\(values)")
        }
    }
}
