import ExactArithmetic

/// How readable a number is, for shrinking: the length of its shortest exact text (a terminating
/// decimal such as "1.2346", else "p/q"), then the size of numerator and denominator.
struct Complexity: Comparable {
    let dimensions: Int
    let textLength: Int
    let magnitude: BigInteger

    static func < (a: Complexity, b: Complexity) -> Bool {
        (a.dimensions, a.textLength) != (b.dimensions, b.textLength)
            ? (a.dimensions, a.textLength) < (b.dimensions, b.textLength)
            : a.magnitude < b.magnitude
    }

    init(_ instance: SearchInstance) {
        dimensions = instance.samples + instance.features
        let entries = instance.X.joined() + instance.y
        textLength = entries.reduce(0) { $0 + exactText($1).count }
        magnitude = entries.reduce(BigInteger(0)) { $0 + $1.numerator.magnitude + $1.denominator }
    }
}

/// The shortest exact text of q: an integer, a terminating decimal ("-0.125"), or "p/q".
func exactText(_ q: Rational) -> String {
    if q.isInteger { return q.description }
    guard let decimals = terminatingDecimals(q.denominator) else { return q.description }
    let scaled = (q * Rational(BigInteger.power(base: 10, exponent: decimals))).numerator
    var digits = scaled.magnitude.description
    if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
    let point = digits.index(digits.endIndex, offsetBy: -decimals)
    let text = (q.signum < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
    return text.count <= q.description.count + 2 ? text : q.description
}

/// k such that the denominator divides 10^k, when it has no prime factors besides 2 and 5.
func terminatingDecimals(_ denominator: BigInteger) -> Int? {
    var d = denominator, twos = 0, fives = 0
    let two = BigInteger(2), five = BigInteger(5), zero = BigInteger(0)
    while (d % two) == zero { d = d / two; twos += 1 }
    while (d % five) == zero { d = d / five; fives += 1 }
    return d == BigInteger(1) ? max(twos, fives) : nil
}

/// Simpler values to try for one entry, most aggressive first: 0; for non-integers the nearest
/// integer, then fewer significant digits (terminating decimals) or the continued-fraction
/// convergents (other fractions); for integers ±1, half (toward 0), one step toward 0.
func simplerValues(_ v: Rational) -> [Rational] {
    guard !v.isZero else { return [] }
    var out: [Rational] = [.zero]
    if v.isInteger {
        let n = v.numerator, sign = BigInteger(v.signum)
        if n.magnitude > BigInteger(1) {
            out.append(Rational(sign))
            out.append(Rational(n / BigInteger(2)))
            out.append(Rational(n - sign))
        }
    } else {
        out.append(Rational(nearestInteger(v)))
        if terminatingDecimals(v.denominator) != nil {
            let digits = significantDigits(v)
            for k in stride(from: 1, to: digits, by: 1) { out.append(roundedToSignificantDigits(v, k)) }
        } else {
            out += convergents(v).dropLast()
        }
    }
    var seen: Set<Rational> = [v]
    return out.filter { seen.insert($0).inserted }
}

/// Round half away from zero: the integer people would write.
func nearestInteger(_ v: Rational) -> BigInteger {
    let shifted = v.magnitude + Rational(1, 2)
    return v.signum < 0 ? -shifted.floor : shifted.floor
}

/// The number of significant digits of a terminating decimal.
func significantDigits(_ v: Rational) -> Int {
    let text = exactText(v).filter(\.isNumber).drop { $0 == "0" }
    return max(1, text.count)
}

/// v rounded to k significant digits (half away from zero).
func roundedToSignificantDigits(_ v: Rational, _ k: Int) -> Rational {
    let m = v.magnitude
    var e = m.numerator.description.count - m.denominator.description.count
    while Rational.power10(e) > m { e -= 1 }
    while Rational.power10(e + 1) <= m { e += 1 }
    let scale = Rational.power10(k - 1 - e)
    return Rational(nearestInteger(v * scale)) / scale
}

/// The continued-fraction convergents of v, ending with v itself.
func convergents(_ v: Rational) -> [Rational] {
    var out: [Rational] = []
    var (h0, h1) = (BigInteger(0), BigInteger(1)), (k0, k1) = (BigInteger(1), BigInteger(0))
    var x = v
    for _ in 0..<64 {
        let a = x.floor
        (h0, h1) = (h1, a * h1 + h0)
        (k0, k1) = (k1, a * k1 + k0)
        out.append(Rational(h1, k1))
        let rest = x - Rational(a)
        if rest.isZero { break }
        x = rest.reciprocal
    }
    return out
}
