import Testing
import ExactArithmetic
import JSONFormat
import SeededRandom

/// `DecimalQuotients` (the digits of D/g from D's digits by a short division in base 10¹⁹) and
/// `BigInteger.appendDecimal`, against GMP's conversion of each quotient (`description`).
@Suite struct DecimalQuotientsTests {
    static func text(_ digits: [UInt8]) -> String { String(decoding: digits, as: UTF8.self) }

    @Test func handQuotients() {
        var d = DecimalQuotients(BigInteger(600))
        #expect(Self.text(d.digits(dividedBy: 3)) == "200")
        #expect(Self.text(d.digits(dividedBy: 600)) == "1")
        #expect(Self.text(d.digits(dividedBy: 1)) == "600")
        #expect(Self.text(d.digits(dividedBy: 3)) == "200") // from the cache
        // 10¹⁹ is two limbs (1, 0); its half is one (5·10¹⁸).
        var ten = DecimalQuotients(BigInteger(10).power(19))
        #expect(Self.text(ten.digits(dividedBy: 2)) == "5000000000000000000")
        #expect(Self.text(ten.digits(dividedBy: 1)) == "10000000000000000000")
        // A quotient with a whole zero limb inside and a short leading limb: (10⁴⁰ + 7)·3 / 3.
        let n = BigInteger(10).power(40) + BigInteger(7)
        var q = DecimalQuotients(n * BigInteger(3))
        #expect(Self.text(q.digits(dividedBy: 3)) == "1" + String(repeating: "0", count: 39) + "7")
        // The largest word divisor: (2⁶⁴ − 1)·(10³⁸ + 1) / (2⁶⁴ − 1).
        let big = BigInteger(10).power(38) + BigInteger(1)
        var w = DecimalQuotients(big * BigInteger(decimalDigits: "18446744073709551615")!)
        #expect(Self.text(w.digits(dividedBy: UInt.max)) == "1" + String(repeating: "0", count: 37) + "1")
    }

    /// D = quotient·g for seeded quotients of 1 to 5,000 bits (also with long runs of zero digits)
    /// and word divisors of every size: the digits are GMP's.
    @Test(arguments: [64, 1000, 5000])
    func quotientsEqualGMPDigits(bits: Int) {
        var g = SplitMix64(seed: 91 + UInt64(bits))
        for trial in 0..<60 {
            var quotient = g.bigInteger(bits: g.nextInt(in: 1...bits)) + BigInteger(1)
            if trial % 5 == 0 { quotient = quotient * BigInteger(10).power(g.nextInt(in: 19...60)) + BigInteger(g.nextInt(in: 0...9)) }
            let divisors: [UInt] = [1, UInt(g.nextInt(in: 2...97)), UInt(g.next() >> UInt64(g.nextInt(in: 0...63))) | 1, UInt(g.next() | 1 << 63)]
            let d = divisors.reduce(quotient) { $0 * BigInteger(decimalDigits: String($1))! }
            var digits = DecimalQuotients(d)
            for k in divisors.indices {
                let word = divisors[k], product = divisors.indices.filter { $0 != k }.reduce(quotient) { $0 * BigInteger(decimalDigits: String(divisors[$1]))! }
                #expect(Self.text(digits.digits(dividedBy: word)) == product.description, "trial \(trial), divisor \(word)")
            }
        }
    }

    @Test func appendDecimalIsDescription() {
        var g = SplitMix64(seed: 5)
        for bits in [0, 1, 63, 64, 65, 700, 9000] {
            for sign in [1, -1] {
                let n = g.bigInteger(bits: bits) * BigInteger(sign)
                var out = JSONOutput()
                n.appendDecimal(to: &out)
                #expect(out.string == n.description, "bits \(bits)")
            }
        }
    }
}
