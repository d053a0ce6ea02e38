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

    /// `leastCommonDenominator` and `integers(over:)` (read in place, small and GMP values)
    /// against the lcm and the products computed from copies of numerators and denominators, on
    /// seeded sets with the Int64 edges, zeros, integers and big values.
    @Test func lcmAndScaledIntegersMatchTheDefinition() {
        var random = SplitMix64(seed: 15)
        for trial in 0..<300 {
            let values: [Rational] = (0..<random.nextInt(in: 0...10)).map { _ in
                switch random.nextInt(in: 0...4) {
                case 0: return Rational(Int(random.edgeNumerator()), Int(random.edgeDenominator()))
                case 1: return Rational(random.nextInt(in: -5...5))
                case 2: return Rational(BigInteger(random.nextInt(in: -9...9)) * BigInteger.power(base: 10, exponent: 25),
                                        BigInteger(random.nextInt(in: 1...99)) * BigInteger.power(base: 3, exponent: random.nextInt(in: 0...50)))
                default: return Rational(random.nextInt(in: -1000...1000), random.nextInt(in: 1...1000))
                }
            }
            let l = values.reduce(BigInteger(1)) { BigInteger.lcm($0, $1.denominator) }
            #expect(values.leastCommonDenominator == l, "trial \(trial)")
            let scaled = values.integers(over: l * BigInteger(6))
            #expect(scaled == values.map { ($0.numerator * l * BigInteger(6)).dividedExactly(by: $0.denominator) }, "trial \(trial)")
        }
        #expect([Rational]().leastCommonDenominator == BigInteger(1))
        let m = Int(Int64.max)
        #expect([Rational(1, m), Rational(1, m - 1)].leastCommonDenominator == BigInteger(m) * BigInteger(m - 1))
        #expect(Rational(-m, m - 1).integer(over: BigInteger(m - 1) * BigInteger(2)) == BigInteger(-m) * BigInteger(2))
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
