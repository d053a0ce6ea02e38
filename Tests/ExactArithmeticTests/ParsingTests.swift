import Testing
import ExactArithmetic

@Suite("Parsing")
struct ParsingTests {
    @Test("every accepted form gives the exact value", arguments: [
        ("3", "3"),
        ("-3/4", "-3/4"),
        ("+6/8", "3/4"),
        ("-0.125", "-1/8"),
        (".5", "1/2"),
        ("5.", "5"),
        ("2.5E+10", "25000000000"),
        ("2.5e10", "25000000000"),
        ("-0", "0"),
        ("+0.000", "0"),
        (" 7 ", "7"),
        ("\t-7/14\n", "-1/2"),
        ("0.1", "1/10"),
        ("007", "7"),
        ("-12.5e-3", "-1/80"),
        ("1E0", "1"),
        ("1e00000001", "10"),                    // leading zeros in the exponent are not digits of size
        ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("18446744073709551616/4", "4611686018427387904"),
    ])
    func accepted(text: String, expected: String) throws {
        let q = try Rational(parsing: text)
        #expect(q.description == expected)
        expectCanonical(q)
    }

    @Test func exactDecimalValues() throws {
        #expect(try Rational(parsing: "0.1") == Rational(1, 10))
        #expect(try Rational(parsing: "1e-300") == Rational(BigInteger(1), pow10(300)))
        #expect(try Rational(parsing: "2.5E+10") == Rational(25_000_000_000))
        #expect(try Rational(parsing: "+6/8") == Rational(3, 4))
        #expect(try Rational(parsing: "-0") == Rational.zero)
        #expect(try Rational(parsing: "-0.125") == Rational(-1, 8))
        #expect(try Rational(parsing: "1e300") == Rational(pow10(300)))
        #expect(try Rational(parsing: "123.456e-1") == Rational(123_456, 10_000))
        #expect(try Rational(parsing: "1e-100000", limits: NumberLimits(maximumExponent: 100_000)) == Rational(BigInteger(1), pow10(100_000)))
        #expect(try Rational(parsing: "-9223372036854775808").numerator == BigInteger(Int.min))
        #expect(Rational("5/10") == Rational(1, 2))
        #expect(Rational("x") == nil)
    }

    @Test("every rejection names its reason", arguments: [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("abc", "expected digits"),
        ("1/0", "the denominator is zero"),
        ("1/-2", "the denominator is not an unsigned integer"),
        ("1/+2", "the denominator is not an unsigned integer"),
        ("1/", "the denominator is not an unsigned integer"),
        ("/2", "the numerator is not an integer"),
        ("1.5/2", "the numerator is not an integer"),
        ("nan", "NaN and infinity have no exact value"),
        ("-NaN", "NaN and infinity have no exact value"),
        ("inf", "NaN and infinity have no exact value"),
        ("-Infinity", "NaN and infinity have no exact value"),
        ("1e", "the exponent has no digits"),
        ("1e+", "the exponent has no digits"),
        ("1.2.3", "unexpected '.'"),
        ("--1", "expected digits"),
        ("-", "expected digits"),
        (".", "expected digits"),
        ("e5", "expected digits"),
        ("0x10", "unexpected 'x'"),
        ("1 2", "unexpected ' '"),
        ("1,5", "unexpected ','"),
        ("١", "expected digits"),               // non-ASCII digit
    ])
    func rejected(text: String, reason: String) {
        let error = #expect(throws: RationalParseError.self) { try Rational(parsing: text) }
        #expect(error?.reason == reason)
        #expect(error?.text == text)
        #expect(error?.description == "'\(text)' is not a number: \(reason)")
    }
}
