import CGMP

// The second inline form: values too big for `.small` whose numerator magnitude is below 2¹²⁸
// and denominator below 2¹²⁰ (the 64–128-bit fractions of structured data such as Mairal–Yu's),
// computed in 128-bit words with overflow checks and no allocation. Any overflow falls back to
// GMP with the same result.

/// `.wide`'s payload: |numerator| = numeratorHigh·2⁶⁴ + numeratorLow, denominator =
/// denominatorHigh·2⁶⁴ + denominatorLow (denominatorHigh < 2⁵⁶, in three fields), 32 bytes. The
/// top word is split so that `negative`, a `Bool`, leaves spare bits for the enum's tag: a
/// `Rational` is 32 bytes (`MemoryLayout`, tested; 24 before this form) instead of the 48 that two
/// `Int128`s and a tag would take.
@usableFromInline struct WideWords: Sendable, Equatable {
    @usableFromInline var numeratorLow: UInt64
    @usableFromInline var numeratorHigh: UInt64
    @usableFromInline var denominatorLow: UInt64
    @usableFromInline var denominatorHigh32: UInt32 // bits 64…95
    @usableFromInline var denominatorHigh16: UInt16 // bits 96…111
    @usableFromInline var denominatorHigh8: UInt8   // bits 112…119
    @usableFromInline var negative: Bool

    @inlinable var denominatorHigh: UInt64 {
        UInt64(denominatorHigh32) | UInt64(denominatorHigh16) << 32 | UInt64(denominatorHigh8) << 48
    }
}

/// A fraction unpacked into 128-bit words, sign apart: the form the wide arithmetic works in.
/// Canonical when it comes from a `Rational` (lowest terms, denominator ≥ 1, zero is 0/1).
@usableFromInline struct WideFraction: Sendable {
    @usableFromInline var negative: Bool
    @usableFromInline var numerator: UInt128
    @usableFromInline var denominator: UInt128

    @inlinable init(negative: Bool, numerator: UInt128, denominator: UInt128) {
        self.negative = negative && numerator != 0
        self.numerator = numerator
        self.denominator = denominator
    }

    static let zero = WideFraction(negative: false, numerator: 0, denominator: 1)

    var negated: WideFraction { WideFraction(negative: !negative, numerator: numerator, denominator: denominator) }
}

extension Rational {
    /// The value in 128-bit words, or nil when it is held by GMP.
    @inlinable var wideFraction: WideFraction? {
        switch representation {
        case .small(let n, let d):
            return WideFraction(negative: n < 0, numerator: UInt128(n.magnitude), denominator: UInt128(d))
        case .wide(let w):
            return WideFraction(negative: w.negative, numerator: UInt128(w.numeratorHigh) << 64 | UInt128(w.numeratorLow),
                                denominator: UInt128(w.denominatorHigh) << 64 | UInt128(w.denominatorLow))
        case .big:
            return nil
        }
    }

    /// Sign, |numerator| and denominator in 128-bit words (lowest terms), or nil when GMP holds
    /// the value: for word-sized fast paths in other modules (the path certificate's correlation).
    package var words: (negative: Bool, numerator: UInt128, denominator: UInt128)? {
        guard let f = wideFraction else { return nil }
        return (f.negative, f.numerator, f.denominator)
    }

    /// The canonical `Rational` of a reduced fraction: `.small` or `.wide` when it fits, else GMP.
    init(_ f: WideFraction) {
        let n = f.numerator, d = f.denominator
        if n < 1 << 63 && d < 1 << 63 {
            let m = Int64(truncatingIfNeeded: n)
            representation = .small(f.negative ? -m : m, Int64(truncatingIfNeeded: d))
        } else if d >> 120 == 0 {
            let high = UInt64(truncatingIfNeeded: d >> 64)
            representation = .wide(WideWords(
                numeratorLow: UInt64(truncatingIfNeeded: n), numeratorHigh: UInt64(truncatingIfNeeded: n >> 64),
                denominatorLow: UInt64(truncatingIfNeeded: d), denominatorHigh32: UInt32(truncatingIfNeeded: high),
                denominatorHigh16: UInt16(truncatingIfNeeded: high >> 32), denominatorHigh8: UInt8(truncatingIfNeeded: high >> 48),
                negative: f.negative))
        } else {
            let s = MPQStorage.make()
            dln_mpz_set_2(dln_mpq_numref(s.ptr), UInt(truncatingIfNeeded: n), UInt(truncatingIfNeeded: n >> 64), f.negative ? 1 : 0)
            dln_mpz_set_2(dln_mpq_denref(s.ptr), UInt(truncatingIfNeeded: d), UInt(truncatingIfNeeded: d >> 64), 0)
            representation = .big(s)
        }
    }

    /// `a + b` (or `a − b`) when an operand is not `.small`: in 128-bit words when both are inline
    /// and the intermediates fit, else through GMP.
    @usableFromInline static func wideSum(_ a: Rational, _ b: Rational, subtracting: Bool) -> Rational {
        if let x = a.wideFraction, let y = b.wideFraction, let s = WideFraction.sum(x, subtracting ? y.negated : y) {
            return Rational(s)
        }
        return subtracting ? gmp(a, b) { dln_mpq_sub($0, $1, $2) } : gmp(a, b) { dln_mpq_add($0, $1, $2) }
    }

    /// 1/self for a wide value (the swapped fraction may need GMP: denominators stop at 2¹²⁰).
    @usableFromInline var wideReciprocal: Rational {
        let f = wideFraction!
        return Rational(WideFraction(negative: f.negative, numerator: f.denominator, denominator: f.numerator))
    }

    /// `a · b` when an operand is not `.small`.
    @usableFromInline static func wideProduct(_ a: Rational, _ b: Rational) -> Rational {
        if let x = a.wideFraction, let y = b.wideFraction, let p = WideFraction.product(x, y) { return Rational(p) }
        return gmp(a, b) { dln_mpq_mul($0, $1, $2) }
    }

    /// `a < b` when an operand is wide (both inline): the cross products compared in 256 bits.
    @usableFromInline static func wideLess(_ x: WideFraction, _ y: WideFraction) -> Bool {
        if x.negative != y.negative { return x.negative }
        if x.numerator == 0 || y.numerator == 0 { return x.numerator == 0 ? (y.numerator != 0 && !y.negative) : x.negative }
        let left = x.numerator.multipliedFullWidth(by: y.denominator), right = y.numerator.multipliedFullWidth(by: x.denominator)
        let less = left.high < right.high || (left.high == right.high && left.low < right.low)
        let equal = left.high == right.high && left.low == right.low
        return x.negative ? !less && !equal : less
    }
}

extension WideFraction {
    /// x + y with Knuth's gcd-reduced formula (the intermediates stay near the result's size);
    /// nil when a word overflows.
    static func sum(_ x: WideFraction, _ y: WideFraction) -> WideFraction? {
        if x.numerator == 0 { return y }
        if y.numerator == 0 { return x }
        if x.denominator == y.denominator {
            guard let (negative, t) = signedSum(x.negative, x.numerator, y.negative, y.numerator) else { return nil }
            if t == 0 { return .zero }
            if x.denominator == 1 { return WideFraction(negative: negative, numerator: t, denominator: 1) }
            let g = gcdMagnitude(t, x.denominator)
            return WideFraction(negative: negative, numerator: t / g, denominator: x.denominator / g)
        }
        let g = gcdMagnitude(x.denominator, y.denominator)
        let bg = exactQuotient(x.denominator, g), dg = exactQuotient(y.denominator, g)
        let (p, o1) = x.numerator.multipliedReportingOverflow(by: dg)
        let (q, o2) = y.numerator.multipliedReportingOverflow(by: bg)
        if o1 || o2 { return nil }
        guard let (negative, t) = signedSum(x.negative, p, y.negative, q) else { return nil }
        if t == 0 { return .zero }
        // gcd(t, b·d/g) divides g (Knuth 4.5.1); with g = 1 the result is already reduced.
        let g2 = g == 1 ? 1 : gcdMagnitude(t, g)
        let (denominator, o3) = bg.multipliedReportingOverflow(by: exactQuotient(y.denominator, g2))
        if o3 { return nil }
        return WideFraction(negative: negative, numerator: exactQuotient(t, g2), denominator: denominator)
    }

    /// x · y, cancelling across before multiplying; nil when a word overflows.
    static func product(_ x: WideFraction, _ y: WideFraction) -> WideFraction? {
        if x.numerator == 0 || y.numerator == 0 { return .zero }
        let g1 = gcdMagnitude(x.numerator, y.denominator), g2 = gcdMagnitude(y.numerator, x.denominator)
        let (n, o1) = exactQuotient(x.numerator, g1).multipliedReportingOverflow(by: exactQuotient(y.numerator, g2))
        let (d, o2) = exactQuotient(x.denominator, g2).multipliedReportingOverflow(by: exactQuotient(y.denominator, g1))
        if o1 || o2 { return nil }
        return WideFraction(negative: x.negative != y.negative, numerator: n, denominator: d)
    }

    /// ±a ± b in sign and magnitude; nil when the magnitude overflows.
    private static func signedSum(_ an: Bool, _ a: UInt128, _ bn: Bool, _ b: UInt128) -> (Bool, UInt128)? {
        if an == bn {
            let (t, o) = a.addingReportingOverflow(b)
            return o ? nil : (an, t)
        }
        return a >= b ? (an, a - b) : (bn, b - a)
    }

    /// a / g for g dividing a, skipping the 128-bit division when it is trivial or fits a word.
    private static func exactQuotient(_ a: UInt128, _ g: UInt128) -> UInt128 {
        if g == 1 { return a }
        if a >> 64 == 0 { return UInt128(UInt64(truncatingIfNeeded: a) / UInt64(truncatingIfNeeded: g)) }
        return a / g
    }
}

extension WideWords {
    /// The decimal text of ±numerator/denominator ("p/q", or "p" when the denominator is 1)
    /// written into `buffer` (at least 80 bytes); returns its length.
    func writeDescription(into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        if negative { buffer[0] = UInt8(ascii: "-"); count = 1 }
        count += writeDecimal(UInt128(numeratorHigh) << 64 | UInt128(numeratorLow), into: buffer + count)
        let high = denominatorHigh
        if high != 0 || denominatorLow != 1 {
            buffer[count] = UInt8(ascii: "/")
            count += 1
            count += writeDecimal(UInt128(high) << 64 | UInt128(denominatorLow), into: buffer + count)
        }
        return count
    }
}

/// The text of n/d (`.small`, d > 0) into `buffer` (at least 48 bytes); returns its length.
func writeSmallDescription(_ n: Int64, _ d: Int64, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    var count = 0
    if n < 0 { buffer[0] = UInt8(ascii: "-"); count = 1 }
    count += writeDigits(n.magnitude, into: buffer + count, width: 0)
    if d != 1 {
        buffer[count] = UInt8(ascii: "/")
        count += 1
        count += writeDigits(UInt64(d), into: buffer + count, width: 0)
    }
    return count
}

/// The decimal digits of v (up to 39) into `buffer`; returns how many.
private func writeDecimal(_ v: UInt128, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    let high = UInt64(truncatingIfNeeded: v >> 64), low = UInt64(truncatingIfNeeded: v)
    if high == 0 { return writeDigits(low, into: buffer, width: 0) }
    // Chunks of 19 digits by one-word divisions (dividingFullWidth needs the high word below the
    // divisor); v < 2¹²⁸ < 10³⁹ has at most three.
    let chunk: UInt64 = 10_000_000_000_000_000_000
    let (top, topRest) = high.quotientAndRemainder(dividingBy: chunk) // top ≤ 1
    let (upper, last) = chunk.dividingFullWidth((topRest, low))      // v = (top·2⁶⁴ + upper)·chunk + last
    var length: Int
    if top == 0 {
        length = writeDigits(upper, into: buffer, width: 0)
    } else {
        let (first, middle) = chunk.dividingFullWidth((top, upper))
        length = writeDigits(first, into: buffer, width: 0)
        length += writeDigits(middle, into: buffer + length, width: 19)
    }
    return length + writeDigits(last, into: buffer + length, width: 19)
}

/// "00" "01" … "99": two digits per division (a literal: no allocation, no lazy global).
private let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

/// v in decimal, zero-padded to `width` (≤ 20) digits; returns how many bytes. Written back to
/// front into 20 bytes on the stack and copied, so the digits need not be counted first.
private func writeDigits(_ v: UInt64, into buffer: UnsafeMutablePointer<UInt8>, width: Int) -> Int {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
        let pairs = digitPairs.utf8Start
        let end = scratch.baseAddress! + 20
        var p = end, v = v
        while v >= 100 {
            let (rest, pair) = v.quotientAndRemainder(dividingBy: 100)
            v = rest
            p -= 2
            p[0] = pairs[Int(pair) &* 2]
            p[1] = pairs[Int(pair) &* 2 + 1]
        }
        if v >= 10 {
            p -= 2
            p[0] = pairs[Int(v) &* 2]
            p[1] = pairs[Int(v) &* 2 + 1]
        } else {
            p -= 1
            p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v)
        }
        var count = end - p
        if count < width {
            p -= width - count
            p.update(repeating: UInt8(ascii: "0"), count: width - count)
            count = width
        }
        buffer.update(from: p, count: count)
        return count
    }
}
