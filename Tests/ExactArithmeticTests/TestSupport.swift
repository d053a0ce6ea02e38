import Testing
import ExactArithmetic
import SeededRandom

extension SplitMix64 {
    /// A non-negative integer of exactly `bits` bits (0 when bits == 0), built from 62-bit chunks.
    mutating func bigInteger(bits: Int) -> BigInteger {
        guard bits > 0 else { return 0 }
        var value = BigInteger(1)
        var remaining = bits - 1
        while remaining > 0 {
            let take = Swift.min(remaining, 62)
            let chunk = Int(next() >> UInt64(64 - take))
            value = value.shiftedLeft(take) + BigInteger(chunk)
            remaining -= take
        }
        return value
    }

    /// An Int64 numerator (never Int64.min) biased toward overflow edges of the fast path.
    mutating func edgeNumerator() -> Int64 {
        let magnitude = edgeMagnitude()
        return next() & 1 == 0 ? magnitude : -magnitude
    }

    /// A positive Int64 denominator biased toward overflow edges (near 2^63, 2^32, smooth numbers).
    mutating func edgeDenominator() -> Int64 { Swift.max(1, edgeMagnitude()) }

    /// A value in 0...Int64.max.
    mutating func edgeMagnitude() -> Int64 {
        switch nextInt(in: 0...7) {
        case 0: return Int64(nextInt(in: 0...100))
        case 1: return Int64(1) << 32 + Int64(nextInt(in: -3...3))                 // near 2^32
        case 2: return Int64(1) << 31 + Int64(nextInt(in: -3...3))                 // near 2^31
        case 3: return Int64.max - Int64(nextInt(in: 0...3))                       // near 2^63
        case 4: return Int64(bitPattern: next() >> 1)                          // full range
        case 5: return Int64(bitPattern: next() >> UInt64(nextInt(in: 1...63)))    // random bit length
        case 6: return Int64(1) << Int64(nextInt(in: 0...62))                      // powers of two
        default:                                                               // smooth: shares factors
            var v: Int64 = 1
            for p: Int64 in [2, 3, 5, 7] {
                for _ in 0..<nextInt(in: 0...9) where v <= Int64.max / p / 8 { v *= p }
            }
            return v
        }
    }
}

/// A fraction kept as an unreduced BigInteger pair (d > 0): the independent route that the
/// Rational API is checked against. Only BigInteger arithmetic is used, never Rational.
struct Fraction {
    var n: BigInteger
    var d: BigInteger

    init(_ n: BigInteger, _ d: BigInteger) {
        precondition(!d.isZero)
        self.n = d.signum < 0 ? -n : n
        self.d = d.signum < 0 ? -d : d
    }

    static func + (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d + b.n * a.d, a.d * b.d) }
    static func - (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d - b.n * a.d, a.d * b.d) }
    static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.n, a.d * b.d) }
    static func / (a: Fraction, b: Fraction) -> Fraction { Fraction(a.n * b.d, a.d * b.n) }
    static func < (a: Fraction, b: Fraction) -> Bool { a.n * b.d < b.n * a.d }

    /// Lowest terms with a positive denominator.
    var reduced: (numerator: BigInteger, denominator: BigInteger) {
        let g = BigInteger.gcd(n, d)
        return (n.dividedExactly(by: g), d.dividedExactly(by: g))
    }
}

/// Checks the representation invariant: lowest terms, positive denominator, `isSmall` exactly
/// when numerator ∈ -(2^63-1)...2^63-1 and denominator ≤ 2^63-1, and `isInline` exactly when
/// |numerator| < 2^128 and denominator < 2^120.
func expectCanonical(_ q: Rational, sourceLocation: SourceLocation = #_sourceLocation) {
    let n = q.numerator, d = q.denominator
    #expect(d.signum == 1, "denominator of \(q) not positive", sourceLocation: sourceLocation)
    #expect(BigInteger.gcd(n, d) == 1, "\(q) not in lowest terms", sourceLocation: sourceLocation)
    let fits = (n.intValue.map { $0 != Int.min } ?? false) && d.intValue != nil
    #expect(q.isSmall == fits, "\(q): isSmall is \(q.isSmall), fits is \(fits)", sourceLocation: sourceLocation)
    let fitsWords = n.magnitude.bitWidth <= 128 && d.bitWidth <= 120
    #expect(q.isInline == fitsWords, "\(q): isInline is \(q.isInline), fits is \(fitsWords)", sourceLocation: sourceLocation)
}

let two = BigInteger(2)
func pow2(_ k: Int) -> BigInteger { BigInteger.power(base: 2, exponent: k) }
func pow10(_ k: Int) -> BigInteger { BigInteger.power(base: 10, exponent: k) }
