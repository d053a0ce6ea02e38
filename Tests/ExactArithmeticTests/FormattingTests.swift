import SeededRandom
import Foundation
import Testing
import ExactArithmetic
import JSONFormat

@Suite("Formatting and Codable")
struct FormattingTests {
    @Test func descriptionIsReducedFraction() {
        #expect(Rational(3).description == "3")
        #expect(Rational(-3, 4).description == "-3/4")
        #expect(Rational(10, -4).description == "-5/2")
        #expect(Rational.zero.description == "0")
        #expect(Rational(pow2(100), BigInteger(-6)).description == "-\(pow2(99))/3")
        #expect(Rational(pow2(100) * 3, BigInteger(3)).description == pow2(100).description)
        #expect(Rational(BigInteger(1), pow2(64)).description == "1/18446744073709551616")
    }

    /// `ExactJSON.append` writes into the output the bytes of the tree's scalar: "p/q" at the
    /// Int64 edges (small and through GMP) and for big values; the nearest double with --float.
    @Test func appendedExactValuesAreTheirDescriptions() {
        let edges: [Rational] = [
            .zero, Rational(-1), Rational(Int(Int64.max)), Rational(-Int(Int64.max)), Rational(Int(Int64.min)),
            Rational(1, Int(Int64.max)), Rational(-Int(Int64.max), Int(Int64.max) - 1), Rational(BigInteger(1), pow2(63)),
            Rational(pow2(200) + BigInteger(1), BigInteger(-3)), Rational(-7, 10),
            // Values of one and two GMP words at the edges of 10¹⁹, 10³⁸, 2⁶⁴ and 2¹²⁸.
            Rational(pow2(64)), Rational(-pow2(64) + BigInteger(1), pow2(127)), Rational(pow2(128) - BigInteger(1), pow2(128) - BigInteger(3)),
            Rational(BigInteger.power(base: 10, exponent: 19)), Rational(BigInteger.power(base: 10, exponent: 19) - BigInteger(1), BigInteger(7)),
            Rational(-BigInteger.power(base: 10, exponent: 38), BigInteger.power(base: 10, exponent: 19) + BigInteger(1)),
            Rational(BigInteger.power(base: 10, exponent: 38) - BigInteger(1), pow2(64) + BigInteger(1)),
            Rational(BigInteger.power(base: 10, exponent: 19) * BigInteger(3) + BigInteger(7), pow2(100)),
            Rational(pow2(128), BigInteger(3)), Rational(BigInteger(1), pow2(128) + BigInteger(1)),
        ]
        for q in edges {
            for exact in [ExactJSON.exactStrings, .nearestDouble] {
                var out = JSONOutput(), tree = JSONOutput()
                exact.append(q, to: &out)
                exact(q).write(to: &tree)
                #expect(out.string == tree.string, "\(q)")
            }
            var out = JSONOutput()
            ExactJSON.exactStrings.append(q, to: &out)
            #expect(out.string == "\"\(q.description)\"")
        }
    }

    /// Seeded values of 1 to 160 bits in numerator and denominator: the written bytes are the
    /// description, on both sides of the two-word limit.
    @Test func appendedSeededValuesAreTheirDescriptions() {
        var rng = SplitMix64(seed: 0x5EED_0021)
        for trial in 0..<2_000 {
            func part(_ bits: Int) -> BigInteger {
                var v = BigInteger(0)
                for _ in 0..<((bits + 31) / 32) { v = v * BigInteger(1 << 32) + BigInteger(rng.nextInt(in: 0...Int(UInt32.max))) }
                return v.isZero ? BigInteger(1) : v
            }
            let n = part(rng.nextInt(in: 1...160)) * BigInteger(rng.nextInt(in: 0...1) * 2 - 1), d = part(rng.nextInt(in: 1...160))
            let q = Rational(n, d)
            var out = JSONOutput()
            ExactJSON.exactStrings.append(q, to: &out)
            #expect(out.string == "\"\(q.description)\"", "trial \(trial)")
        }
    }

    @Test func descriptionRoundTripsOnRandomValues() throws {
        var rng = SplitMix64(seed: 0x5EED_0005)
        for i in 0..<600 {
            let q: Rational
            if i % 2 == 0 {
                q = Rational(Int(rng.edgeNumerator()), Int(rng.edgeDenominator()))
            } else {
                var n = rng.bigInteger(bits: rng.nextInt(in: 900...1_100))
                if rng.next() & 1 == 0 { n = -n }
                q = Rational(n, rng.bigInteger(bits: rng.nextInt(in: 900...1_100)))
            }
            let text = q.description
            let back = try Rational(parsing: text)
            #expect(back == q && back.hashValue == q.hashValue, "\(text)")
            // "p" or "p/q": q > 1, no sign on the denominator, no leading zeros.
            let parts = text.split(separator: "/")
            #expect(parts.count == (q.isInteger ? 1 : 2))
            if parts.count == 2 {
                #expect(parts[1].allSatisfy(\.isNumber) && parts[1].first != "0" && parts[1] != "1")
                #expect(BigInteger.gcd(BigInteger(String(parts[0]))!, BigInteger(String(parts[1]))!) == 1)
            }
        }
    }

    @Test("decimalString is %g-style with exact half-even rounding", arguments: [
        (Rational(1, 3), 6, "0.333333"),
        (Rational(-2, 3), 3, "-0.667"),
        (Rational(BigInteger(1), pow10(300)), 6, "1e-300"),
        (Rational(123_456_789), 6, "1.23457e+08"),
        (Rational(1, 2), 1, "0.5"),
        (Rational(25, 10), 1, "2"),                 // half-even: 2.5 → 2
        (Rational(35, 10), 1, "4"),                 // half-even: 3.5 → 4
        (Rational(-25, 10), 1, "-2"),
        (Rational(125, 1000), 2, "0.12"),           // exact tie, binary doubles would not see it
        (Rational(135, 1000), 2, "0.14"),
        (Rational.zero, 6, "0"),
        (Rational(123_456), 6, "123456"),
        (Rational(1_234_567), 6, "1.23457e+06"),
        (Rational(100), 6, "100"),
        (Rational(3, 2), 6, "1.5"),
        (Rational(9_999_995, 10), 6, "1e+06"),      // rounding carries into a new digit
        (Rational(99_999_949, 100), 6, "999999"),
        (Rational(1, 10_000), 6, "0.0001"),         // %g: exponent -4 is still fixed
        (Rational(1, 100_000), 6, "1e-05"),         // %g: exponent -5 is scientific
        (Rational(123, 10_000_000), 6, "1.23e-05"),
        (Rational(-1, 7), 20, "-0.14285714285714285714"),
        (Rational(-pow10(400)), 6, "-1e+400"),
        (Rational(pow10(400) * 15 + 1, BigInteger(10)), 2, "1.5e+400"),
        (Rational(BigInteger(1), pow2(1074)), 3, "4.94e-324"),
    ])
    func decimalString(q: Rational, digits: Int, expected: String) {
        #expect(q.decimalString(significantDigits: digits) == expected)
    }

    @Test func decimalStringDefaultsToSixDigits() {
        #expect(Rational(2, 3).decimalString() == "0.666667")
    }

    @Test func codableUsesTheExactString() throws {
        let values = [Rational(-3, 4), Rational(5), Rational(pow2(70), 3)]
        let data = try JSONEncoder().encode(values)
        let strings = try JSONDecoder().decode([String].self, from: data)
        #expect(strings == ["-3/4", "5", "\(pow2(70))/3"])
        #expect(try JSONDecoder().decode([Rational].self, from: data) == values)
        // Decimal text is accepted on input; a JSON number is not (it may have been rounded).
        #expect(try JSONDecoder().decode([Rational].self, from: Data(#"["0.1"]"#.utf8)) == [Rational(1, 10)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Rational].self, from: Data("[0.5]".utf8)) }
        #expect(throws: RationalParseError.self) { try JSONDecoder().decode([Rational].self, from: Data(#"["1/0"]"#.utf8)) }
    }
}
