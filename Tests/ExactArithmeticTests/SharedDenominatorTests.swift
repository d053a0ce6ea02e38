import Testing
import ExactArithmetic
import JSONFormat
import SeededRandom

/// Fractions over one shared denominator: `Rational.reducing(_:over:)` (gcd of the product
/// instead of one gcd per entry) and the JSON writer that converts a repeated denominator once,
/// both against the plain per-entry computation.
@Suite struct SharedDenominatorTests {
    /// Numerators and a denominator that share factors in every way that matters: none, a small
    /// prime in some entries, a large factor in one, the whole denominator, zeros and signs.
    static func instance(_ g: inout SplitMix64, bits: Int) -> (numerators: [BigInteger], denominator: BigInteger) {
        let small = BigInteger(g.nextInt(in: 2...97)), large = g.bigInteger(bits: bits / 3) + BigInteger(1)
        var denominator = g.bigInteger(bits: bits) + BigInteger(1)
        if g.nextInt(in: 0...1) == 0 { denominator = denominator * small }
        if g.nextInt(in: 0...1) == 0 { denominator = denominator * large }
        let numerators = (0..<g.nextInt(in: 0...12)).map { _ -> BigInteger in
            var n = g.bigInteger(bits: g.nextInt(in: 0...(bits + 8)))
            switch g.nextInt(in: 0...5) {
            case 0: n = n * small
            case 1: n = n * large
            case 2: n = denominator * BigInteger(g.nextInt(in: -3...3))
            case 3: n = BigInteger(0)
            default: break
            }
            return g.nextInt(in: 0...1) == 0 ? n : -n
        }
        return (numerators, denominator)
    }

    @Test(arguments: [40, 200, 3000])
    func reducingEqualsOneGcdPerEntry(bits: Int) {
        var g = SplitMix64(seed: UInt64(bits))
        for trial in 0..<150 {
            let (numerators, denominator) = Self.instance(&g, bits: bits)
            let plain = numerators.map { Rational($0, denominator) }
            #expect(Rational.reducing(numerators, over: denominator) == plain, "trial \(trial)")
        }
    }

    /// `sharedFactors` is gcd(n_i, d) for every entry (d for a zero numerator).
    @Test(arguments: [40, 200, 3000])
    func sharedFactorsEqualOneGcdPerEntry(bits: Int) {
        var g = SplitMix64(seed: 17 + UInt64(bits))
        var common = 0
        for trial in 0..<150 {
            let (numerators, denominator) = Self.instance(&g, bits: bits)
            let factors = Rational.sharedFactors(numerators, over: denominator)
            #expect(factors == numerators.map { BigInteger.gcd($0, denominator) }, "trial \(trial)")
            common += factors.filter { $0 != BigInteger(1) }.count
        }
        #expect(common > 50) // factors other than 1 were found, not only the coprime shortcut
    }

    /// The residue itself against the plain product reduced once: a wrong residue would mostly
    /// still give gcd 1 with a random d, so the gcds above cannot be the only check. Moduli on
    /// both sides of the preinverted path's 16 limbs, with and without the top bit of their last
    /// limb set (no normalising shift), factors longer than d (quotient beyond d's length, and
    /// beyond twice it), factors just below d, zeros and signs.
    @Test(arguments: [(64, 1_100), (900, 1_100), (1_023, 1_025), (1_024, 1_024), (5_000, 6_000), (40_000, 40_000)])
    func productMagnitudeEqualsPlainProduct(minBits: Int, maxBits: Int) {
        var g = SplitMix64(seed: UInt64(minBits) &* 31 &+ UInt64(maxBits))
        for trial in 0..<(maxBits > 10_000 ? 6 : 60) {
            let bits = g.nextInt(in: minBits...maxBits)
            var d = g.bigInteger(bits: bits)
            if g.nextInt(in: 0...3) == 0 { d = BigInteger(1).shiftedLeft(bits) - BigInteger(g.nextInt(in: 1...5)) } // all ones on top
            let factors = (0..<g.nextInt(in: 0...9)).map { _ -> BigInteger in
                var f: BigInteger
                switch g.nextInt(in: 0...6) {
                case 0: f = BigInteger(0)
                case 1: f = d - BigInteger(g.nextInt(in: 1...3))
                case 2: f = g.bigInteger(bits: g.nextInt(in: bits...(3 * bits)))
                case 3: f = g.bigInteger(bits: g.nextInt(in: 1...64))
                default: f = g.bigInteger(bits: g.nextInt(in: 1...bits))
                }
                return g.nextInt(in: 0...1) == 0 ? f : -f
            }
            let plain = factors.reduce(BigInteger(1)) { $1.isZero ? $0 : $0 * $1.magnitude }.floorRemainder(dividingBy: d)
            #expect(BigInteger.productMagnitude(factors, modulo: d) == plain, "trial \(trial), \(bits) bits")
        }
    }

    @Test func productMagnitudeHandCases() {
        #expect(BigInteger.productMagnitude([], modulo: BigInteger(7)) == BigInteger(1))
        #expect(BigInteger.productMagnitude([BigInteger(5)], modulo: BigInteger(1)) == BigInteger(0))
        #expect(BigInteger.productMagnitude([BigInteger(-4), BigInteger(0), BigInteger(5)], modulo: BigInteger(7)) == BigInteger(6))
        // 2¹⁰²⁴ + 1 (17 limbs): (2¹⁰²⁴)² ≡ 1 and (2¹⁰²⁴ + 2)·3 ≡ 3; the product of both, 3.
        let d = BigInteger(1).shiftedLeft(1_024) + BigInteger(1)
        #expect(BigInteger.productMagnitude([BigInteger(1).shiftedLeft(1_024), -BigInteger(1).shiftedLeft(1_024)], modulo: d) == BigInteger(1))
        #expect(BigInteger.productMagnitude([BigInteger(1).shiftedLeft(1_024) + BigInteger(2), BigInteger(3)], modulo: d) == BigInteger(3))
        #expect(BigInteger.productMagnitude([d, BigInteger(3)], modulo: d) == BigInteger(0))
        #expect(BigInteger.productMagnitude([d * BigInteger(1).shiftedLeft(5_000) + BigInteger(2), d + BigInteger(5)], modulo: d) == BigInteger(10))
    }

    @Test func sharedFactorsHandCases() {
        let factors = Rational.sharedFactors([BigInteger(6), BigInteger(0), BigInteger(5), BigInteger(-10), BigInteger(7)], over: BigInteger(30))
        #expect(factors == [BigInteger(6), BigInteger(30), BigInteger(5), BigInteger(10), BigInteger(1)])
        #expect(Rational.sharedFactors([BigInteger(4), BigInteger(0)], over: BigInteger(1)) == [BigInteger(1), BigInteger(1)])
        let d = BigInteger(1).shiftedLeft(100) * BigInteger(9) // 9·2¹⁰⁰: G = 3·2¹⁰⁰
        let n = [BigInteger(1).shiftedLeft(100) + BigInteger(1), BigInteger(12), BigInteger(1).shiftedLeft(101) * BigInteger(3)]
        #expect(Rational.sharedFactors(n, over: d) == [BigInteger(1), BigInteger(12), BigInteger(1).shiftedLeft(100) * BigInteger(3)])
        // d of one and two bits; numerators far longer than d (the product step then divides
        // in full) and shorter; a product that becomes 0 modulo d.
        #expect(Rational.sharedFactors([BigInteger(3), BigInteger(5), BigInteger(-4)], over: BigInteger(2)) == [BigInteger(1), BigInteger(1), BigInteger(2)])
        #expect(Rational.sharedFactors([BigInteger(9), BigInteger(-2)], over: BigInteger(3)) == [BigInteger(3), BigInteger(1)])
        let e = BigInteger(1).shiftedLeft(64) * BigInteger(15) + BigInteger(1)
        let long = [BigInteger(7) * (e * BigInteger(1).shiftedLeft(300) + BigInteger(5)), -(e * BigInteger(10).power(90) + BigInteger(35)), BigInteger(21), e * BigInteger(4)]
        #expect(Rational.sharedFactors(long, over: e * BigInteger(35)) == long.map { BigInteger.gcd($0, e * BigInteger(35)) })
        #expect(Rational.sharedFactors(long, over: e * BigInteger(35)) == [BigInteger(7), BigInteger(5), BigInteger(7), e])
    }

    @Test func reducingHandCases() {
        let d = BigInteger(1) .shiftedLeft(80) * BigInteger(3)      // 3·2⁸⁰
        let reduced = Rational.reducing([BigInteger(6), BigInteger(0), -d, BigInteger(1).shiftedLeft(79), BigInteger(7)], over: d)
        #expect(reduced.map(\.description) == ["1/" + String(describing: BigInteger(1).shiftedLeft(79)), "0", "-1", "1/6", "7/" + String(describing: d)])
        #expect(Rational.reducing([], over: d).isEmpty)
        #expect(Rational.reducing([BigInteger(-4), BigInteger(3)], over: BigInteger(6)) == [Rational(-2, 3), Rational(1, 2)])
    }

    /// A vector written with the denominator's digits reused is the vector written entry by entry.
    @Test(arguments: [40, 300])
    func vectorTextReusesDenominatorDigits(bits: Int) {
        var g = SplitMix64(seed: 7 + UInt64(bits))
        for trial in 0..<100 {
            let (numerators, denominator) = Self.instance(&g, bits: bits)
            var v = Rational.reducing(numerators, over: denominator)
            if g.nextInt(in: 0...2) == 0 { v.append(Rational(g.nextInt(in: -9...9), 7)) }
            if g.nextInt(in: 0...2) == 0 { v.insert(Rational(g.bigInteger(bits: 70) + BigInteger(1)), at: 0) }
            var out = JSONOutput()
            ExactJSON.exactStrings.append(v, to: &out, indent: 2)
            var plain = JSONOutput()
            ExactJSON.exactStrings(v).write(to: &plain, indent: 2)
            #expect(out.string == plain.string, "trial \(trial)")
            #expect(out.string.contains(v.last.map { "\"\($0)\"" } ?? "[]"), "trial \(trial)")
        }
    }

    /// Denominators that recur out of order, and more distinct ones (40) than the writer keeps
    /// (32): the bytes of the plain tree all the same.
    @Test func recurringDenominatorsOutOfOrder() {
        let base = BigInteger(10).power(40) + BigInteger(7)
        var v: [Rational] = []
        for round in 0..<3 {
            for k in 1...40 { v.append(Rational(BigInteger(3 * k + round) - BigInteger(60), base * BigInteger(k % (round + 38) + 1))) }
        }
        var out = JSONOutput()
        ExactJSON.exactStrings.append(v, to: &out, indent: 4)
        var plain = JSONOutput()
        ExactJSON.exactStrings(v).write(to: &plain, indent: 4)
        #expect(out.string == plain.string)
        #expect(out.string.contains("\"-18/\(base)\""))
    }
}
