import SeededRandom
import ExactArithmetic

/// Standard normal draws that are bit-for-bit the same on every platform: Marsaglia's polar
/// method with a logarithm written here from +, −, ×, ÷ only (IEEE correctly rounded), since libm's
/// `log` may differ in the last bit between systems — and a different bit could round a 6-digit
/// entry the other way and change an instance.
enum Gaussian {
    static func next(_ rng: inout SplitMix64) -> Double {
        while true {
            let u = 2 * rng.nextUnit() - 1, v = 2 * rng.nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// ln(x) for 0 < x < 1 (enough for the polar method): x = m·2^e with m ∈ [√½, √2), then
    /// ln m = 2·atanh(t), t = (m − 1)/(m + 1), |t| < 0.172, by its series (within a few ulp).
    static func log(_ x: Double) -> Double {
        var m = x.significand // [1, 2)
        var e = Double(x.exponent)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        let t = (m - 1) / (m + 1), t2 = t * t
        var term = t, sum = 0.0
        for k in stride(from: 1.0, through: 41.0, by: 2.0) {
            sum += term / k
            term *= t2
        }
        // ln 2 split so that e·ln2_hi is exact (fdlibm's constants): about 1 ulp overall.
        return e * 6.93147180369123816490e-01 + (2 * sum + e * 1.90821492927058770002e-10)
    }

    /// x rounded to `digits` significant decimal digits, exactly (half to even on the binary
    /// value x holds), as a rational m/10^p: the entries of the paper's distribution.
    ///
    /// Fast path (digits ≤ 9): with 10^p exact in binary (p ≤ 18), the double product x·10^p is
    /// within 10^9·2⁻⁵³ < 10⁻⁶ of the exact one, so when it is not within 10⁻⁶ of a rounding
    /// boundary (a half-integer, or the ends of [10^(digits−1), 10^digits)) its rounding is the
    /// exact one. Otherwise `exactlyRounded` decides in rational arithmetic.
    static func rounded(_ x: Double, digits: Int) -> Rational {
        guard x != 0, x.isFinite else { return .zero }
        let e = Int((x.magnitude.exponent * 30103).quotientAndRemainder(dividingBy: 100_000).quotient) // ≈ ⌊log10 |x|⌋
        let p = digits - 1 - e
        guard digits <= 9 else { return exactlyRounded(x, digits: digits) }
        let (low, high) = (power10Double[digits - 1] + 1e-6, power10Double[digits] - 1e-6)
        for shift in [p, p + 1, p - 1] where (0...18).contains(shift) {
            let scaled = x.magnitude * power10Double[shift]
            guard scaled >= low, scaled < high else { continue }
            let fraction = scaled - scaled.rounded(.down)
            guard abs(fraction - 0.5) > 1e-6 else { break }
            let m = Int(scaled.rounded(.toNearestOrEven))
            return Rational(x < 0 ? -m : m, Int(power10Double[shift]))
        }
        return exactlyRounded(x, digits: digits)
    }

    /// 10^0 … 10^18, all exact doubles (and Int64s).
    static let power10Double: [Double] = (0...18).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The same rounding, all in rational arithmetic.
    static func exactlyRounded(_ x: Double, digits: Int) -> Rational {
        guard let q = Rational(exactly: x), !q.isZero else { return .zero }
        let magnitude = q.magnitude
        // 10^e ≤ |x| < 10^(e+1), starting from the double estimate and corrected exactly.
        var e = Int((x.magnitude).exponent) * 30103 / 100_000
        while Rational.power10(e) > magnitude { e -= 1 }
        while Rational.power10(e + 1) <= magnitude { e += 1 }
        let scale = Rational.power10(digits - 1 - e)
        return Rational(roundHalfEven(q * scale)) / scale
    }

    private static func roundHalfEven(_ q: Rational) -> BigInteger {
        let f = q.floor
        let rest = q - Rational(f)
        let half = Rational(1, 2)
        if rest < half { return f }
        if rest > half { return f + BigInteger(1) }
        return (f % BigInteger(2)).isZero ? f : f + BigInteger(1)
    }
}

extension Rational {
    /// 10^k for any integer k.
    static func power10(_ k: Int) -> Rational {
        let p = Rational(10).power(abs(k))
        return k >= 0 ? p : p.reciprocal
    }
}
