/// A decimal rounded from an exact value: `(negative ? -1 : 1) · 0.d₁d₂…dₖ · 10^(exponent + 1)`,
/// that is d₁.d₂…dₖ × 10^exponent, with `significand` = d₁d₂…dₖ as an integer.
public struct RoundedDecimal: Sendable, Equatable {
    public let negative: Bool
    /// The significant digits as an integer of exactly the requested number of digits (trailing
    /// zeros kept), or 0 for zero.
    public let significand: BigInteger
    /// The decimal exponent of the first digit.
    public let exponent: Int
    /// The number of significant digits requested.
    public let digits: Int

    /// The exact value of the rounded decimal.
    public var value: Rational {
        let shift = exponent - digits + 1
        let magnitude = shift >= 0
            ? Rational(significand * BigInteger.power(base: 10, exponent: shift))
            : Rational(significand, BigInteger.power(base: 10, exponent: -shift))
        return negative ? -magnitude : magnitude
    }

    /// `%g`-style text (C's and Python's `%.{digits}g`): fixed notation when −4 ≤ exponent <
    /// digits, else scientific "1.5e-300" with at least two exponent digits; trailing zeros dropped.
    public var text: String {
        if significand.isZero { return "0" }
        var digitText = significand.description
        while digitText.count > 1, digitText.hasSuffix("0") { digitText.removeLast() }
        let sign = negative ? "-" : ""
        let e = exponent
        if e < -4 || e >= digits {
            let head = String(digitText.prefix(1)), tail = String(digitText.dropFirst())
            let mantissa = tail.isEmpty ? head : "\(head).\(tail)"
            return "\(sign)\(mantissa)e\(e < 0 ? "-" : "+")\(abs(e) < 10 ? "0" : "")\(abs(e))"
        }
        if e < 0 { return sign + "0." + String(repeating: "0", count: -e - 1) + digitText }
        if digitText.count <= e + 1 { return sign + digitText + String(repeating: "0", count: e + 1 - digitText.count) }
        let point = digitText.index(digitText.startIndex, offsetBy: e + 1)
        return sign + digitText[..<point] + "." + digitText[point...]
    }
}

extension Rational {
    /// This value rounded to `significantDigits` (≥ 1) significant decimal digits, correctly:
    /// the nearest such decimal, ties to even (round-half-even, as IEEE 754 and Python's
    /// `decimal` default). Computed with integer arithmetic on the numerator and denominator
    /// only (one division with remainder), never through `Double`, so any magnitude works
    /// (1e-100000 as well as 1e+100000).
    public func roundedDecimal(significantDigits k: Int) -> RoundedDecimal {
        precondition(k >= 1, "at least one significant digit")
        if isZero { return RoundedDecimal(negative: false, significand: BigInteger(0), exponent: 0, digits: k) }
        let n = numerator.magnitude, d = denominator
        var e = Rational.decimalExponent(n, d)
        // m = round(n/d · 10^(k−1−e)) with n/d · 10^(k−1−e) ∈ [10^(k−1), 10^k).
        let shift = k - 1 - e
        let top = shift >= 0 ? n * BigInteger.power(base: 10, exponent: shift) : n
        let bottom = shift >= 0 ? d : d * BigInteger.power(base: 10, exponent: -shift)
        var (m, r) = top.quotientAndRemainder(dividingBy: bottom)
        let twice = r + r
        if twice > bottom || (twice == bottom && !(m % BigInteger(2)).isZero) { m += BigInteger(1) }
        if m == BigInteger.power(base: 10, exponent: k) { // 9.99…5 rounds up into a new digit
            m = BigInteger.power(base: 10, exponent: k - 1)
            e += 1
        }
        return RoundedDecimal(negative: signum < 0, significand: m, exponent: e, digits: k)
    }

    /// A human-readable decimal with `significantDigits` digits, correctly rounded (half to even)
    /// from the exact value: `roundedDecimal(significantDigits:).text`, `%g`-style ("0.333333",
    /// "1.5e-300"). Display only: machine output uses `description` ("p/q").
    public func decimalString(significantDigits: Int = 6) -> String {
        roundedDecimal(significantDigits: significantDigits).text
    }

    /// ⌊log₁₀(n/d)⌋ for n, d > 0, by integer comparisons only.
    static func decimalExponent(_ n: BigInteger, _ d: BigInteger) -> Int {
        // log₁₀ 2 < 30103/100000: a start within a few units of the answer, then exact steps.
        var e = (n.bitWidth - d.bitWidth) * 30103 / 100_000
        func atLeast(_ k: Int) -> Bool { // n/d ≥ 10^k
            k >= 0 ? n >= d * BigInteger.power(base: 10, exponent: k) : n * BigInteger.power(base: 10, exponent: -k) >= d
        }
        while !atLeast(e) { e -= 1 }
        while atLeast(e + 1) { e += 1 }
        return e
    }
}
