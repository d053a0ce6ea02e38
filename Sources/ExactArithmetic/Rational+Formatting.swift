extension Rational {
    /// A human-readable decimal approximation with `significantDigits` digits, rounded half to
    /// even from the exact value, `%g`-style: fixed notation for moderate exponents, scientific
    /// (`1.5e-300`) otherwise; trailing zeros dropped. Display only: machine output uses
    /// `description` ("p/q").
    public func decimalString(significantDigits: Int = 6) -> String {
        precondition(significantDigits >= 1)
        if isZero { return "0" }
        let value = magnitude
        var e = Rational.decimalExponent(of: value)
        var m = Rational.roundHalfEven(value * Rational.powerOfTen(significantDigits - 1 - e))
        if m == BigInteger.power(base: 10, exponent: significantDigits) {
            m = m / BigInteger(10)
            e += 1
        }
        var digits = m.description
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        let sign = signum < 0 ? "-" : ""
        if e < -4 || e >= significantDigits { // %g: scientific when the exponent is < -4 or ≥ precision
            let head = String(digits.prefix(1)), tail = String(digits.dropFirst())
            let mantissa = tail.isEmpty ? head : "\(head).\(tail)"
            return "\(sign)\(mantissa)e\(e < 0 ? "-" : "+")\(abs(e) < 10 ? "0" : "")\(abs(e))"
        }
        if e < 0 {
            return sign + "0." + String(repeating: "0", count: -e - 1) + digits
        }
        if digits.count <= e + 1 {
            return sign + digits + String(repeating: "0", count: e + 1 - digits.count)
        }
        let point = digits.index(digits.startIndex, offsetBy: e + 1)
        return sign + digits[..<point] + "." + digits[point...]
    }

    /// ⌊log₁₀ v⌋ for v > 0.
    static func decimalExponent(of v: Rational) -> Int {
        var e = v.numerator.description.count - v.denominator.description.count
        while v < powerOfTen(e) { e -= 1 }
        while v >= powerOfTen(e + 1) { e += 1 }
        return e
    }

    static func powerOfTen(_ k: Int) -> Rational {
        k >= 0 ? Rational(BigInteger.power(base: 10, exponent: k))
               : Rational(BigInteger(1), BigInteger.power(base: 10, exponent: -k))
    }

    /// Nearest integer, ties to even.
    static func roundHalfEven(_ v: Rational) -> BigInteger {
        let f = v.floor
        let rest = v - Rational(f)
        let half = Rational(1, 2)
        if rest > half { return f + BigInteger(1) }
        if rest < half { return f }
        return (f % BigInteger(2)).isZero ? f : f + BigInteger(1)
    }
}
