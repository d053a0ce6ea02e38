/// Why a piece of text is not a number, or is one beyond `NumberLimits`; `description` says it in
/// plain words and quotes the text briefly (`NumberText.quote`) however long it is.
public struct RationalParseError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    /// The bound the number broke, when it is a number but too big to read.
    public let exceeded: NumberLimits.Bound?

    public init(text: String, reason: String, exceeded: NumberLimits.Bound? = nil) {
        self.text = text
        self.reason = reason
        self.exceeded = exceeded
    }

    public var description: String {
        exceeded == nil ? "'\(NumberText.quote(text))' is not a number: \(reason)" : "'\(NumberText.quote(text))': \(reason)"
    }
}

extension Rational {
    /// Parses the exact value of a fraction `"-3/4"`, an integer `"3"`, or decimal / scientific
    /// text (`"-0.125"`, `".5"`, `"2.5E+10"`, `"1e-300"`). Decimal text becomes the fraction it
    /// denotes (`"0.1"` is 1/10, never a binary double). Surrounding spaces are ignored.
    /// Numbers beyond `limits` (digits, decimal exponent) are refused before any big arithmetic,
    /// so the cost is linear in the length of the text.
    public init(parsing raw: some StringProtocol, limits: NumberLimits = .default) throws {
        let text = raw.trimmingSpaces()
        func fail(_ reason: String) -> RationalParseError { RationalParseError(text: String(raw), reason: reason) }
        func beyond(_ bound: NumberLimits.Bound, _ reason: String) -> RationalParseError {
            RationalParseError(text: String(text), reason: reason, exceeded: bound)
        }
        guard !text.isEmpty else { throw fail("it is empty") }
        let lowered = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lowered) {
            throw fail("NaN and infinity have no exact value")
        }
        if let slash = text.firstIndex(of: "/") {
            let numeratorText = text[..<slash], denominatorText = text[text.index(after: slash)...]
            for (part, name) in [(numeratorText, "numerator"), (denominatorText, "denominator")] {
                let digits = part.drop { $0 == "+" || $0 == "-" }.drop { $0 == "0" }.count
                if digits > limits.maximumDigits {
                    throw beyond(.digits, "its \(name) has \(NumberText.grouped(digits)) digits, beyond the limit of \(NumberText.grouped(limits.maximumDigits))")
                }
            }
            guard let n = BigInteger(decimalDigits: numeratorText) else { throw fail("the numerator is not an integer") }
            guard denominatorText.first.map({ $0 != "+" && $0 != "-" }) ?? false,
                  let d = BigInteger(decimalDigits: denominatorText) else {
                throw fail("the denominator is not an unsigned integer")
            }
            guard !d.isZero else { throw fail("the denominator is zero") }
            self.init(n, d)
            return
        }
        self = try Rational.parseDecimal(Substring(text), limits: limits, fail: fail, beyond: beyond)
    }

    private static func parseDecimal(
        _ text: Substring, limits: NumberLimits,
        fail: (String) -> RationalParseError, beyond: (NumberLimits.Bound, String) -> RationalParseError
    ) throws -> Rational {
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
        var exponentText = Substring()
        if let c = rest.first, c == "e" || c == "E" {
            rest = rest.dropFirst()
            var expNegative = false
            if let s = rest.first, s == "+" || s == "-" { expNegative = s == "-"; rest = rest.dropFirst() }
            let expDigits = rest.prefix(while: isDigit)
            guard !expDigits.isEmpty else { throw fail("the exponent has no digits") }
            rest = rest.dropFirst(expDigits.count)
            exponentText = expDigits.drop(while: { $0 == "0" }) // "1e007" is 1e7
            // 15 digits cannot overflow below; longer exponents are beyond any limit anyway.
            let e = exponentText.count > 15 ? Int.max / 4 : (exponentText.isEmpty ? 0 : Int(exponentText)!)
            exponent = expNegative ? -e : e
        }
        guard rest.isEmpty else { throw fail("unexpected '\(rest.first!)'") }
        // Significant digits: from the first non-zero digit of the integer or fraction part.
        let intSignificant = intDigits.drop(while: { $0 == "0" })
        let leadingFractionZeros = intSignificant.isEmpty ? fracDigits.prefix(while: { $0 == "0" }).count : 0
        let significant = intSignificant.count + fracDigits.count - leadingFractionZeros
        guard significant > 0 else { return .zero } // 0, 0.000, 0e999999999: zero whatever the exponent
        if significant > limits.maximumDigits {
            throw beyond(.digits, "\(NumberText.grouped(significant)) significant digits, beyond the limit of \(NumberText.grouped(limits.maximumDigits))")
        }
        // The power of ten of the leading digit.
        let leading = intSignificant.isEmpty ? exponent - leadingFractionZeros - 1 : exponent + intSignificant.count - 1
        if leading.magnitude > UInt(limits.maximumExponent) {
            let shown = exponentText.count > 15 ? "has \(NumberText.grouped(exponentText.count)) digits" : "is \(leading)"
            throw beyond(.exponent, "its decimal exponent \(shown), beyond the limit of ±\(NumberText.grouped(limits.maximumExponent))")
        }
        let digits = String(intSignificant) + String(fracDigits.dropFirst(leadingFractionZeros))
        guard let mantissa = BigInteger(decimalDigits: digits) else { throw fail("expected digits") }
        let scale = exponent - fracDigits.count // |scale| ≤ |leading| + significant digits
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
