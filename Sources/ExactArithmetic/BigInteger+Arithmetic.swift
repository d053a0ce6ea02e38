import CGMP

extension BigInteger {
    public static func + (a: BigInteger, b: BigInteger) -> BigInteger {
        make { dln_mpz_add($0, a.storage.ptr, b.storage.ptr) }
    }

    public static func - (a: BigInteger, b: BigInteger) -> BigInteger {
        make { dln_mpz_sub($0, a.storage.ptr, b.storage.ptr) }
    }

    public static func * (a: BigInteger, b: BigInteger) -> BigInteger {
        make { dln_mpz_mul($0, a.storage.ptr, b.storage.ptr) }
    }

    public static prefix func - (a: BigInteger) -> BigInteger {
        make { dln_mpz_neg($0, a.storage.ptr) }
    }

    public static func += (a: inout BigInteger, b: BigInteger) {
        a.makeUnique()
        dln_mpz_add(a.storage.ptr, a.storage.ptr, b.storage.ptr)
    }

    public static func -= (a: inout BigInteger, b: BigInteger) {
        a.makeUnique()
        dln_mpz_sub(a.storage.ptr, a.storage.ptr, b.storage.ptr)
    }

    public static func *= (a: inout BigInteger, b: BigInteger) {
        a.makeUnique()
        dln_mpz_mul(a.storage.ptr, a.storage.ptr, b.storage.ptr)
    }

    /// The sign of |self| − |other| (−1, 0 or 1), without forming either magnitude.
    public func compareMagnitude(to other: BigInteger) -> Int {
        let c = dln_mpz_cmpabs(storage.ptr, other.storage.ptr)
        return c < 0 ? -1 : (c > 0 ? 1 : 0)
    }

    /// `self = a * b`, in the storage `self` holds when no other value shares it (no allocation
    /// once it is large enough): for integer vectors recomputed many times over.
    public mutating func setProduct(_ a: BigInteger, _ b: BigInteger) {
        if isKnownUniquelyReferenced(&storage.object) {
            dln_mpz_mul(storage.ptr, a.storage.ptr, b.storage.ptr)
        } else {
            self = a * b
        }
    }

    /// `self += a * b` in place (GMP's addmul), the inner step of fraction-free elimination.
    public mutating func addProduct(_ a: BigInteger, _ b: BigInteger) {
        makeUnique()
        dln_mpz_addmul(storage.ptr, a.storage.ptr, b.storage.ptr)
    }

    /// `self -= a * b` in place (GMP's submul).
    public mutating func subtractProduct(_ a: BigInteger, _ b: BigInteger) {
        makeUnique()
        dln_mpz_submul(storage.ptr, a.storage.ptr, b.storage.ptr)
    }

    public var magnitude: BigInteger { BigInteger.make { dln_mpz_abs($0, storage.ptr) } }

    /// Truncating division (quotient rounded toward zero), like Swift's `/` and `%`. Traps on 0.
    public func quotientAndRemainder(dividingBy d: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
        precondition(!d.isZero, "BigInteger division by zero")
        let q = MPZStorage.make(), r = MPZStorage.make()
        dln_mpz_tdiv_qr(q.ptr, r.ptr, storage.ptr, d.storage.ptr)
        return (BigInteger(storage: q), BigInteger(storage: r))
    }

    /// Floor division: quotient rounded toward −∞, remainder with the sign of `d`. Traps on 0.
    public func floorDivided(by d: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
        precondition(!d.isZero, "BigInteger division by zero")
        let q = MPZStorage.make(), r = MPZStorage.make()
        dln_mpz_fdiv_qr(q.ptr, r.ptr, storage.ptr, d.storage.ptr)
        return (BigInteger(storage: q), BigInteger(storage: r))
    }

    /// Division known to be exact (Bareiss steps); the result is wrong if it is not.
    public func dividedExactly(by d: BigInteger) -> BigInteger {
        precondition(!d.isZero, "BigInteger division by zero")
        return BigInteger.make { dln_mpz_divexact($0, storage.ptr, d.storage.ptr) }
    }

    /// Whether `d` divides `self` (0 divides only 0), without forming the quotient.
    public func isMultiple(of d: BigInteger) -> Bool { dln_mpz_divisible_p(storage.ptr, d.storage.ptr) != 0 }

    public static func / (a: BigInteger, b: BigInteger) -> BigInteger { a.quotientAndRemainder(dividingBy: b).quotient }
    public static func % (a: BigInteger, b: BigInteger) -> BigInteger { a.quotientAndRemainder(dividingBy: b).remainder }

    /// Non-negative greatest common divisor; gcd(0, 0) = 0.
    public static func gcd(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        make { dln_mpz_gcd($0, a.storage.ptr, b.storage.ptr) }
    }

    /// Least common multiple, non-negative; lcm(0, b) = 0.
    public static func lcm(_ a: BigInteger, _ b: BigInteger) -> BigInteger {
        if a.isZero || b.isZero { return BigInteger(0) }
        return (a * b).magnitude.dividedExactly(by: gcd(a, b))
    }

    public func power(_ exponent: Int) -> BigInteger {
        precondition(exponent >= 0, "negative exponent for an integer")
        return BigInteger.make { dln_mpz_pow_ui($0, storage.ptr, UInt(exponent)) }
    }

    /// `base^exponent` for small non-negative bases, e.g. powers of ten in parsing.
    public static func power(base: UInt, exponent: Int) -> BigInteger {
        precondition(exponent >= 0, "negative exponent for an integer")
        return make { dln_mpz_ui_pow_ui($0, base, UInt(exponent)) }
    }

    /// `self · 2^k` for k ≥ 0.
    public func shiftedLeft(_ k: Int) -> BigInteger {
        precondition(k >= 0)
        return BigInteger.make { dln_mpz_mul_2exp($0, storage.ptr, UInt(k)) }
    }

    /// The exponent of the largest power of two dividing self (self ≠ 0): its 2-adic valuation.
    public var trailingZeroBitCount: Int {
        precondition(!isZero, "the 2-adic valuation of 0")
        return Int(dln_mpz_scan1(storage.ptr, 0))
    }

    /// ⌊self / 2^k⌋ for k ≥ 0 (rounded down, also for negative values).
    public func floorShiftedRight(_ k: Int) -> BigInteger {
        precondition(k >= 0)
        return k == 0 ? self : BigInteger.make { dln_mpz_fdiv_q_2exp($0, storage.ptr, UInt(k)) }
    }
}
