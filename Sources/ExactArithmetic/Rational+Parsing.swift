/// Why a piece of text is not a number; `description` says it in plain words.
public struct RationalParseError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "'\(text)' is not a number: \(reason)" }
}

extension Rational {
    /// The largest decimal exponent accepted: 10^100000 already has 332,000 bits.
    public static let maximumDecimalExponent = 100_000

    /// Parses the exact value of a fraction `"-3/4"`, an integer `"3"`, or decimal / scientific
    /// text (`"-0.125"`, `".5"`, `"2.5E+10"`, `"1e-300"`). Decimal text becomes the fraction it
    /// denotes (`"0.1"` is 1/10, never a binary double). Surrounding spaces are ignored.
    public init(parsing raw: some StringProtocol) throws {
        let text = raw.trimmingSpaces()
        func fail(_ reason: String) -> RationalParseError { RationalParseError(text: String(raw), reason: reason) }
        guard !text.isEmpty else { throw fail("it is empty") }
        let lowered = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lowered) {
            throw fail("NaN and infinity have no exact value")
        }
        if let slash = text.firstIndex(of: "/") {
            guard let n = BigInteger(decimalDigits: text[..<slash]) else { throw fail("the numerator is not an integer") }
            let denominatorText = text[text.index(after: slash)...]
            guard denominatorText.first.map({ $0 != "+" && $0 != "-" }) ?? false,
                  let d = BigInteger(decimalDigits: denominatorText) else {
                throw fail("the denominator is not an unsigned integer")
            }
            guard !d.isZero else { throw fail("the denominator is zero") }
            self.init(n, d)
            return
        }
        self = try Rational.parseDecimal(Substring(text), fail: fail)
    }

    private static func parseDecimal(_ text: Substring, fail: (String) -> RationalParseError) throws -> Rational {
        var rest = text
        var negative = false
        if let c = rest.first, c == "+" || c == "-" { negative = c == "-"; rest = rest.dropFirst() }
        let intDigits = rest.prefix(while: isDigit)
        rest = rest.dropFirst(intDigits.count)
        var fracDigits = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fracDigits = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fracDigits.count)
        }
        guard !(intDigits.isEmpty && fracDigits.isEmpty) else { throw fail("expected digits") }
        var exponent = 0
        if let c = rest.first, c == "e" || c == "E" {
            rest = rest.dropFirst()
            var expNegative = false
            if let s = rest.first, s == "+" || s == "-" { expNegative = s == "-"; rest = rest.dropFirst() }
            let expDigits = rest.prefix(while: isDigit)
            guard !expDigits.isEmpty else { throw fail("the exponent has no digits") }
            rest = rest.dropFirst(expDigits.count)
            let significant = expDigits.drop(while: { $0 == "0" }) // "1e007" is 1e7
            guard significant.count <= 7, let e = significant.isEmpty ? 0 : Int(significant),
                  e <= maximumDecimalExponent else {
                throw fail("the exponent is beyond ±\(maximumDecimalExponent)")
            }
            exponent = expNegative ? -e : e
        }
        guard rest.isEmpty else { throw fail("unexpected '\(rest.first!)'") }
        let digits = String(intDigits) + String(fracDigits)
        guard let mantissa = BigInteger(decimalDigits: digits) else { throw fail("expected digits") }
        let scale = exponent - fracDigits.count
        guard abs(scale) <= maximumDecimalExponent + 1_000_000 else { throw fail("too many digits") }
        let value: Rational = scale >= 0
            ? Rational(mantissa * BigInteger.power(base: 10, exponent: scale))
            : Rational(mantissa, BigInteger.power(base: 10, exponent: -scale))
        return negative ? -value : value
    }
}

private func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        let s = Substring(self)
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return s[first...last]
    }
}
