import CGMP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Rational {
    /// The exact dyadic value a finite double holds (`0.1` gives 3602879701896397/36028797018963968);
    /// nil for NaN and ±infinity.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9.2e18 {
            representation = .small(Int64(value), 1)
            return
        }
        let s = MPQStorage.make()
        dln_mpq_set_d(s.ptr, value) // exact: GMP converts the binary value without rounding
        self = Rational.demoting(s)
    }

    /// The double nearest to this value (ties to even), ±infinity beyond the double range.
    /// GMP's `mpq_get_d` truncates; this rounds correctly.
    public var doubleValue: Double {
        if case .small(let n, let d) = representation, n.magnitude <= 1 << 53, d <= 1 << 53 {
            return Double(n) / Double(d) // both exact, so IEEE division rounds once, correctly
        }
        return withMPQ { dln_mpq_get_d_nearest($0) }
    }

    /// The double nearest to numerator/denominator (denominator > 0), the fraction not reduced:
    /// `doubleValue` of the value without the gcd that reducing it costs.
    package static func nearestDouble(numerator: BigInteger, denominator: BigInteger) -> Double {
        let s = MPQStorage.unreduced(numerator, denominator)
        return withExtendedLifetime(s.object) { dln_mpq_get_d_nearest(s.ptr) }
    }
}

/// A nonzero exact value that a double cannot stand for: its nearest double is ±infinity, or 0.
public struct DoubleRangeError: Error, Equatable, CustomStringConvertible {
    /// The value, quoted briefly (`NumberText.quote`).
    public let value: String
    public let tooLarge: Bool

    public var description: String {
        tooLarge ? "\(value) is larger than a double can hold (at most about 1.8e308)"
                 : "\(value) is smaller than a double can hold (at least about 4.9e-324 in magnitude)"
    }
}

extension Rational {
    /// `doubleValue`, refusing a value whose nearest double is ±∞ or, when it is not 0, is 0.
    /// For places where a double is needed (numeric simulation, tolerances), so that such a
    /// value is reported as what it is rather than as "not finite" or "not positive".
    /// `text`, when given, is how the value was written (shown in the error instead of the value).
    public func checkedDouble(writtenAs text: String? = nil) throws(DoubleRangeError) -> Double {
        let x = doubleValue
        guard x.isInfinite || (x == 0 && !isZero) else { return x }
        let shown = text.map { NumberText.quote($0) }
            ?? (description.count <= 24 ? description : "≈" + decimalString(significantDigits: 6))
        throw DoubleRangeError(value: shown, tooLarge: x.isInfinite)
    }
}

extension Rational {
    /// log₂|self| for self ≠ 0 and a bound on its error, (value, bound): from the numerator's and
    /// denominator's leading bits (no allocation), within 10⁻⁹·(2 + |log₂ p| + |log₂ q|) — the
    /// bound `BigInteger.log2Magnitude` gives each part, added. Only for floating-point filters
    /// that decide exactly whenever two values are closer than their bounds; never for a result.
    public var log2MagnitudeWithError: (value: Double, error: Double) {
        let ln: Double, ld: Double
        switch representation {
        case .small(let n, let d):
            precondition(n != 0, "log₂ of zero")
            (ln, ld) = (log2(Double(n.magnitude)), log2(Double(d)))
        case .wide(let w):
            // Two words to a double within 2⁻⁵² relative (not the stdlib's generic UInt128 conversion,
            // which is slow): log₂ is off by under 2⁻⁵¹, far inside the bound.
            (ln, ld) = (log2(Double(w.numeratorHigh) * 0x1p64 + Double(w.numeratorLow)),
                        log2(Double(w.denominatorHigh) * 0x1p64 + Double(w.denominatorLow)))
        case .big(let s):
            precondition(dln_mpq_sgn(s.ptr) != 0, "log₂ of zero")
            var en = 0, ed = 0
            let mn = dln_mpz_get_d_2exp(&en, dln_mpq_numref_const(s.ptr)), md = dln_mpz_get_d_2exp(&ed, dln_mpq_denref_const(s.ptr))
            (ln, ld) = (Double(en) + log2(Swift.abs(mn)), Double(ed) + log2(md))
        }
        return (ln - ld, 1e-9 * (2 + Swift.abs(ln) + Swift.abs(ld)))
    }
}

extension Rational {
    /// log₂|num/den| for num, den ≠ 0 and a bound on its error, as `log2MagnitudeWithError` of
    /// the quotient, without forming it. Both inline: one double quotient of the four words
    /// (each word to a double within 2⁻⁵² relative, three roundings after: under 2⁻⁴⁹ in all,
    /// so log₂ is off by under 10⁻¹³ with the logarithm's own ulp) and one logarithm, bound
    /// 10⁻⁹; otherwise the two logarithms' difference and their bounds added. Only for
    /// floating-point filters that decide exactly whenever two values are closer than their bounds.
    public static func log2MagnitudeOfQuotient(_ num: Rational, _ den: Rational) -> (value: Double, error: Double) {
        if let x = num.wideFraction, let y = den.wideFraction {
            precondition(x.numerator != 0 && y.numerator != 0, "log₂ of zero or of a quotient by zero")
            let q = (Double(words: x.numerator) * Double(words: y.denominator)) / (Double(words: x.denominator) * Double(words: y.numerator))
            return (log2(q), 1e-9)
        }
        let (n, d) = (num.log2MagnitudeWithError, den.log2MagnitudeWithError)
        return (n.value - d.value, n.error + d.error)
    }
}

extension Double {
    /// A 128-bit word within 2⁻⁵² relative (two roundings; not the stdlib's generic conversion).
    init(words v: UInt128) {
        self = Double(UInt64(truncatingIfNeeded: v >> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: v))
    }
}
