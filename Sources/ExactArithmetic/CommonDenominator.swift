import CGMP

/// The size of a set of rationals brought to one common denominator L (their lcm), accumulated
/// one number at a time: `bits` bounds max(bits(L), max bits(|v|·L)) from above, within two bits.
/// This is the size of the integers fraction-free exact algorithms work with, and what
/// `NumberLimits.maximumBits` bounds.
public struct CommonDenominator: Sendable {
    /// L: the lcm of the denominators seen.
    public private(set) var value = BigInteger(1)
    private var valueBits = 1
    /// max over the values of bits(|n|) − bits(d); |v|·L < 2^(that + bits(L) + 1).
    private var excess: Int?

    public init() {}

    /// The current bound (non-decreasing as numbers are added).
    public var bits: Int { max(valueBits, excess.map { valueBits + $0 + 1 } ?? 0) }

    public mutating func include(_ q: Rational) {
        if q.isZero { return }
        let numeratorBits: Int, denominatorBits: Int
        switch q.representation {
        case .small(let n, let d):
            numeratorBits = Int64.bitWidth - n.magnitude.leadingZeroBitCount
            denominatorBits = Int64.bitWidth - d.leadingZeroBitCount
            if d != 1, !(value % BigInteger(Int(d))).isZero { widen(by: BigInteger(Int(d))) }
        case .wide, .big:
            let d = q.denominator
            numeratorBits = q.numerator.bitWidth
            denominatorBits = d.bitWidth
            if denominatorBits > 1, !(value % d).isZero { widen(by: d) }
        }
        excess = max(excess ?? Int.min, numeratorBits - denominatorBits)
    }

    private mutating func widen(by d: BigInteger) {
        value = BigInteger.lcm(value, d)
        valueBits = value.bitWidth
    }
}

extension Sequence where Element == Rational {
    /// L, the lcm of the denominators (1 when every value is an integer): the least positive
    /// integer with L·v integral for every v. The one integer scaling of a problem or vector;
    /// divisibility is tested before each lcm, since such values mostly share a denominator
    /// (read in place: no copy of a denominator is made).
    public var leastCommonDenominator: BigInteger {
        var l = BigInteger(1)
        for v in self { v.widen(&l) }
        return l
    }

    /// The integers L·v, for L a multiple of every denominator (e.g. `leastCommonDenominator`).
    public func integers(over l: BigInteger) -> [BigInteger] {
        map { $0.integer(over: l) }
    }
}

extension Rational {
    /// l ← lcm(l, denominator) for l > 0: nothing to do when the denominator already divides l,
    /// and in l's own storage when no other value shares it.
    public func widen(_ l: inout BigInteger) {
        switch representation {
        case .small(_, let d):
            if d == 1 || dln_mpz_divisible_ui_p(l.storage.ptr, UInt(d)) != 0 { return }
            if isKnownUniquelyReferenced(&l.storage.object) {
                dln_mpz_lcm_ui(l.storage.ptr, l.storage.ptr, UInt(d))
            } else {
                l = BigInteger.make { dln_mpz_lcm_ui($0, l.storage.ptr, UInt(d)) }
            }
        case .wide, .big:
            let unique = isKnownUniquelyReferenced(&l.storage.object)
            let lcm: BigInteger? = withMPQ { q in
                let den = dln_mpq_denref_const(q)
                if dln_mpz_divisible_p(l.storage.ptr, den) != 0 { return nil }
                if unique { dln_mpz_lcm(l.storage.ptr, l.storage.ptr, den); return nil }
                return BigInteger.make { dln_mpz_lcm($0, l.storage.ptr, den) }
            }
            if let lcm { l = lcm }
        }
    }

    /// `integer(over:)` into `result`'s storage when no other value shares it (no allocation).
    public func integer(over l: BigInteger, into result: inout BigInteger) {
        guard isKnownUniquelyReferenced(&result.storage.object) else { return result = integer(over: l) }
        let t = result.storage.ptr
        switch representation {
        case .small(let n, let d):
            dln_mpz_divexact_ui(t, l.storage.ptr, UInt(d))
            dln_mpz_mul_si(t, t, Int(n))
        case .wide, .big:
            withMPQ { q in
                dln_mpz_divexact(t, l.storage.ptr, dln_mpq_denref_const(q))
                dln_mpz_mul(t, t, dln_mpq_numref_const(q))
            }
        }
    }

    /// l·self for l a multiple of the denominator: numerator·(l/denominator), one result.
    public func integer(over l: BigInteger) -> BigInteger {
        switch representation {
        case .small(let n, let d):
            if n == 0 { return BigInteger(0) }
            return BigInteger.make { t in
                dln_mpz_divexact_ui(t, l.storage.ptr, UInt(d))
                dln_mpz_mul_si(t, t, Int(n))
            }
        case .wide, .big:
            return withMPQ { q in
                BigInteger.make { t in
                    dln_mpz_divexact(t, l.storage.ptr, dln_mpq_denref_const(q))
                    dln_mpz_mul(t, t, dln_mpq_numref_const(q))
                }
            }
        }
    }
}
