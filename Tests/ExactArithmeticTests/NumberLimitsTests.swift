import ExactArithmetic
import Testing

/// `NumberLimits` as the parser applies it: what is refused (digits, exponent), what the
/// defaults admit (every finite double, written exactly), and how messages quote numbers.
@Suite struct NumberLimitsTests {
    @Test("numbers beyond a limit are refused, naming the count and the limit", arguments: [
        ("1e1001", NumberLimits.Bound.exponent, "its decimal exponent is 1001, beyond the limit of ±1,000"),
        ("1e-1001", .exponent, "its decimal exponent is -1001, beyond the limit of ±1,000"),
        ("0.0001e-998", .exponent, "its decimal exponent is -1002, beyond the limit of ±1,000"),
        ("12345e997", .exponent, "its decimal exponent is 1001, beyond the limit of ±1,000"),
        ("1e99999999999999999999", .exponent, "its decimal exponent has 20 digits, beyond the limit of ±1,000"),
        (String(repeating: "7", count: 1001), .digits, "1,001 significant digits, beyond the limit of 1,000"),
        ("0." + String(repeating: "7", count: 1001), .digits, "1,001 significant digits, beyond the limit of 1,000"),
        ("1/" + String(repeating: "3", count: 1001), .digits, "its denominator has 1,001 digits, beyond the limit of 1,000"),
        ("-" + String(repeating: "3", count: 1001) + "/7", .digits, "its numerator has 1,001 digits, beyond the limit of 1,000"),
    ])
    func refused(text: String, bound: NumberLimits.Bound, reason: String) {
        let error = #expect(throws: RationalParseError.self) { try Rational(parsing: text) }
        #expect(error?.exceeded == bound)
        #expect(error?.reason == reason)
        #expect((error?.description.count ?? 0) < 160)
    }

    @Test func limitsAreInclusiveAndZeroIsAlwaysSmall() throws {
        #expect(try Rational(parsing: "9.5e1000") == Rational(BigInteger(95) * BigInteger.power(base: 10, exponent: 999)))
        #expect(try Rational(parsing: "1e-1000") == Rational(BigInteger(1), BigInteger.power(base: 10, exponent: 1000)))
        #expect(try Rational(parsing: String(repeating: "9", count: 1000)) == Rational(BigInteger.power(base: 10, exponent: 1000) - BigInteger(1)))
        // Leading zeros are not significant; a zero has no exponent to bound.
        #expect(try Rational(parsing: String(repeating: "0", count: 5000) + "1") == .one)
        #expect(try Rational(parsing: "0e99999999999999999999") == .zero)
        #expect(try Rational(parsing: "0.000e-5000") == .zero)
        // Raised limits read what the defaults refuse.
        let wide = NumberLimits(maximumDigits: 5000, maximumExponent: 5000)
        #expect(try Rational(parsing: "1e5000", limits: wide) == Rational(BigInteger.power(base: 10, exponent: 5000)))
    }

    /// Every finite double, written as its exact decimal expansion (up to 767 significant digits)
    /// or as its exact fraction, is within the defaults and reads back as the same double.
    @Test func everyDoubleIsWithinTheDefaults() throws {
        let samples: [Double] = [
            .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, 0.1, 1 / 3, .pi * 1e-300, Double(bitPattern: 0x000F_FFFF_FFFF_FFFF),
            Double(bitPattern: 0x0010_0000_0000_0001), .leastNonzeroMagnitude * 3, 1.7976931348623157e308 / 3,
        ]
        for x in samples {
            let exact = Rational(exactly: x)!
            #expect(try Rational(parsing: exact.description) == exact)
            let expansion = exactDecimalExpansion(exact)
            #expect(try Rational(parsing: expansion) == exact, "\(x)")
            #expect(try Rational(parsing: "\(x)").doubleValue == x)
        }
        // The longest expansion: the largest subnormal, 767 significant digits.
        let longest = exactDecimalExpansion(Rational(exactly: Double(bitPattern: 0x000F_FFFF_FFFF_FFFF))!)
        #expect(longest.drop { $0 == "0" || $0 == "." }.count == 767)
    }

    /// A double's exact value m/2^k written as a terminating decimal: m·5^k / 10^k.
    private func exactDecimalExpansion(_ q: Rational) -> String {
        let negative = q.signum < 0
        let n = q.numerator.magnitude, d = q.denominator
        var k = 0
        while BigInteger.power(base: 2, exponent: k) != d { k += 1 }
        let digits = (n * BigInteger.power(base: 5, exponent: k)).description
        guard k > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, k + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -k)
        return (negative ? "-" : "") + padded[..<point] + "." + padded[point...]
    }

    @Test func quotesAreShort() {
        #expect(NumberText.quote("-3/4") == "-3/4")
        let long = String(repeating: "1", count: 100_000)
        #expect(NumberText.quote(long) == "11111111111111111111… (100,000 digits)")
        #expect(NumberText.quote("1/" + long) == "1/111111111111111111… (100,001 digits)")
        #expect(NumberText.quote(String(repeating: "x", count: 50)) == "xxxxxxxxxxxxxxxxxxxx… (50 characters)")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(999) == "999")
        let error = #expect(throws: RationalParseError.self) { try Rational(parsing: long + "x") }
        #expect(error?.description == "'11111111111111111111… (100,001 characters)' is not a number: unexpected 'x'")
    }

    @Test func longNumbersInMessagesAreAbbreviated() {
        let long = String(repeating: "9", count: 5_000)
        #expect(NumberText.abbreviatingNumbers(in: "x = \(long) but y = 3/4 and z = -\(long)/7")
            == "x = 99999999999999999999… (5,000 digits) but y = 3/4 and z = -99999999999999999999… (5,001 digits)")
        let short = "knot 3 (λ = 4/3): coordinate 2 has |c_2| = 5/3 > λ, checked 1234567890 times in total today"
        #expect(NumberText.abbreviatingNumbers(in: short) == short)
    }

    @Test func doubleRange() throws {
        #expect(try Rational(1, 3).checkedDouble() == 1.0 / 3)
        #expect(try Rational.zero.checkedDouble() == 0)
        let big = try Rational(parsing: "1e400"), tiny = try Rational(parsing: "-1e-400")
        let over = #expect(throws: DoubleRangeError.self) { try big.checkedDouble() }
        #expect(over?.description == "≈1e+400 is larger than a double can hold (at most about 1.8e308)")
        let under = #expect(throws: DoubleRangeError.self) { try tiny.checkedDouble(writtenAs: "-1e-400") }
        #expect(under?.description == "-1e-400 is smaller than a double can hold (at least about 4.9e-324 in magnitude)")
        // The smallest subnormal itself, and half of it rounded up (ties to even → 0 is refused).
        #expect(try Rational(exactly: Double.leastNonzeroMagnitude)!.checkedDouble() == .leastNonzeroMagnitude)
        #expect(throws: DoubleRangeError.self) { try (Rational(exactly: Double.leastNonzeroMagnitude)! / Rational(2)).checkedDouble() }
    }
}
