import CGMP

/// An exact rational number with value semantics.
///
/// Storage: a fraction of two `Int64`s when it fits (the fast path), else of two 128-bit words
/// (`.wide`: |numerator| < 2¹²⁸, denominator < 2¹²⁰), otherwise a GMP `mpq_t`; 32 bytes.
/// Invariant (so that `==` and hashing can compare representations): the value is always in
/// lowest terms with a positive denominator and held in the first of the three forms it fits
/// (`.small`: numerator in `-(2⁶³-1)...2⁶³-1`, denominator in `1...2⁶³-1`).
///
/// Numerical contract: every operation is exact. Nothing converts through `Double` except the
/// explicit `Rational(exactly:)` and `doubleValue` (correctly rounded, ties to even).
public struct Rational: Sendable {
    @usableFromInline enum Representation: Sendable {
        case small(Int64, Int64)
        case wide(WideWords)
        case big(MPQStorage)
    }

    @usableFromInline var representation: Representation

    @usableFromInline init(representation: Representation) { self.representation = representation }

    public static let zero = Rational(representation: .small(0, 1))
    public static let one = Rational(representation: .small(1, 1))

    public init(_ value: Int) {
        if value == Int.min {
            self = Rational(BigInteger(value))
        } else {
            representation = .small(Int64(value), 1)
        }
    }

    public init(_ value: BigInteger) {
        if let v = value.intValue, v != Int.min {
            representation = .small(Int64(v), 1)
        } else {
            let s = MPQStorage.make()
            dln_mpq_set_num(s.ptr, value.storage.ptr)
            self = Rational.demoting(s)
        }
    }

    /// `numerator / denominator`, reduced. Traps when the denominator is zero.
    public init(_ numerator: BigInteger, _ denominator: BigInteger) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        let s = MPQStorage.make()
        dln_mpq_set_num(s.ptr, numerator.storage.ptr)
        dln_mpq_set_den(s.ptr, denominator.storage.ptr)
        dln_mpq_canonicalize(s.ptr)
        self = Rational.demoting(s)
    }

    /// `numerator / denominator` for a denominator > 0 already coprime to the numerator (the
    /// caller proved gcd = 1, e.g. from residues modulo the denominator's factors): no gcd.
    package init(coprime numerator: BigInteger, _ denominator: BigInteger) {
        self = Rational.demoting(MPQStorage.unreduced(numerator, denominator))
    }

    /// `numerator / denominator`, reduced. Traps when the denominator is zero.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Rational with zero denominator")
        if numerator != Int.min, denominator != Int.min {
            self = Rational.reduced(Int64(numerator), Int64(denominator))
        } else {
            self.init(BigInteger(numerator), BigInteger(denominator))
        }
    }

    /// The numerator of the reduced fraction (carries the sign).
    public var numerator: BigInteger {
        switch representation {
        case .small(let n, _): return BigInteger(Int(n))
        case .wide(let w): return BigInteger.make { dln_mpz_set_2($0, UInt(w.numeratorLow), UInt(w.numeratorHigh), w.negative ? 1 : 0) }
        case .big(let s): return BigInteger.make { dln_mpz_set($0, dln_mpq_numref(s.ptr)) }
        }
    }

    /// The denominator of the reduced fraction (always positive).
    public var denominator: BigInteger {
        switch representation {
        case .small(_, let d): return BigInteger(Int(d))
        case .wide(let w): return BigInteger.make { dln_mpz_set_2($0, UInt(w.denominatorLow), UInt(w.denominatorHigh), 0) }
        case .big(let s): return BigInteger.make { dln_mpz_set($0, dln_mpq_denref(s.ptr)) }
        }
    }

    /// -1, 0 or 1.
    @inlinable public var signum: Int {
        switch representation {
        case .small(let n, _): return n == 0 ? 0 : (n < 0 ? -1 : 1)
        case .wide(let w): return w.negative ? -1 : 1
        case .big(let s): return Int(dln_mpq_sgn(s.ptr))
        }
    }

    @inlinable public var isZero: Bool { signum == 0 }

    public var isInteger: Bool {
        switch representation {
        case .small(_, let d): return d == 1
        case .wide(let w): return w.denominatorLow == 1 && w.denominatorHigh == 0
        case .big(let s):
            // `one` must outlive the call: a temporary `MPZStorage.make(1).ptr` may be freed first.
            let one = MPZStorage.make(1)
            return withExtendedLifetime(one) { dln_mpz_cmp(dln_mpq_denref(s.ptr), one.ptr) == 0 }
        }
    }

    /// True when the value is held in the `Int64` fast path (exposed for tests and benchmarks).
    public var isSmall: Bool {
        if case .small = representation { return true }
        return false
    }

    /// True when the value is held without GMP: `.small` or `.wide` (|numerator| < 2¹²⁸,
    /// denominator < 2¹²⁰). Exposed for tests and benchmarks.
    public var isInline: Bool {
        if case .big = representation { return false }
        return true
    }
}

// MARK: - Canonical construction

extension Rational {
    /// Reduces `n/d` (d ≠ 0, neither `Int64.min`) to lowest terms with d > 0.
    @usableFromInline static func reduced(_ n: Int64, _ d: Int64) -> Rational {
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        if n == 0 { return .zero }
        let g = Int64(gcdMagnitude(n.magnitude, d.magnitude))
        return Rational(representation: .small(n / g, d / g))
    }

    /// Wraps a canonical mpq, moving it to an inline form when it fits.
    @usableFromInline static func demoting(_ s: MPQStorage) -> Rational {
        let num = dln_mpq_numref(s.ptr), den = dln_mpq_denref(s.ptr)
        if dln_mpz_size(num) <= 2 && dln_mpz_size(den) <= 2 {
            let n = UInt128(dln_mpz_getlimbn(num, 1)) << 64 | UInt128(dln_mpz_getlimbn(num, 0))
            let d = UInt128(dln_mpz_getlimbn(den, 1)) << 64 | UInt128(dln_mpz_getlimbn(den, 0))
            if d >> 120 == 0 { return Rational(WideFraction(negative: dln_mpz_sgn(num) < 0, numerator: n, denominator: d)) }
        }
        return Rational(representation: .big(s))
    }

    /// Calls `body` with a read-only mpq holding this value (for an inline value, a temporary over
    /// limbs on the stack: no allocation).
    @usableFromInline func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) -> R) -> R {
        switch representation {
        case .big(let s):
            return body(s.ptr)
        case .small(let n, let d):
            return withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: 2) { limbs in
                withUnsafeTemporaryAllocation(of: __mpq_struct.self, capacity: 1) { buf in
                    let p = buf.baseAddress!
                    dln_mpq_roinit_si(p, limbs.baseAddress!, Int(n), UInt(d))
                    return body(p)
                }
            }
        case .wide(let w):
            return withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: 4) { limbs in
                withUnsafeTemporaryAllocation(of: __mpq_struct.self, capacity: 1) { buf in
                    let p = buf.baseAddress!
                    dln_mpq_roinit_2(p, limbs.baseAddress!, UInt(w.numeratorLow), UInt(w.numeratorHigh), w.negative ? 1 : 0,
                                     UInt(w.denominatorLow), UInt(w.denominatorHigh))
                    return body(p)
                }
            }
        }
    }
}

/// gcd of two magnitudes of one unsigned word width (gcd(0, b) = b): the inline forms' `UInt64`
/// and `UInt128` (and the path certificate's words) share this one function.
/// One Euclid step first: binary gcd alone needs ~one loop turn per bit of difference in size,
/// and the fast path mostly takes gcds of a large numerator with a small denominator. Then binary
/// gcd; a width above 64 bits hands over to `UInt64` as soon as both values fit one word.
@inlinable package func gcdMagnitude<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
    var a = a, b = b
    if a > b { swap(&a, &b) } // a ≤ b
    if T.bitWidth > 64 && b >> 64 == 0 { return T(gcdMagnitude(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b))) }
    if a == 0 { return b }
    b %= a
    if b == 0 { return a }
    if T.bitWidth > 64 && a >> 64 == 0 { return T(gcdMagnitude(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b))) }
    let shift = (a | b).trailingZeroBitCount
    a >>= a.trailingZeroBitCount                  // a odd from here on
    repeat {
        b >>= b.trailingZeroBitCount
        if a > b { swap(&a, &b) }
        b -= a
        if T.bitWidth > 64 && b >> 64 == 0 && a >> 64 == 0 { // a is odd: the common power of two is `shift`
            return T(gcdMagnitude(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b))) << shift
        }
    } while b != 0
    return a << shift
}

extension MPQStorage {
    /// numerator/denominator as given, with no gcd (denominator > 0): canonical only when the two
    /// are coprime (`Rational(coprime:_:)`), otherwise a temporary operand (`nearestDouble`).
    static func unreduced(_ numerator: BigInteger, _ denominator: BigInteger) -> MPQStorage {
        precondition(denominator.signum > 0, "a fraction with a non-positive denominator")
        let s = make()
        dln_mpq_set_num(s.ptr, numerator.storage.ptr)
        dln_mpq_set_den(s.ptr, denominator.storage.ptr)
        return s
    }
}
