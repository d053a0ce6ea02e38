import CGMP

// Fast path: Int64 fractions with overflow checks (Knuth's gcd-reduced formulas keep the
// intermediates small); an overflow finishes in 128-bit words from the gcds already taken, a
// `.wide` operand goes to the 128-bit words of `Rational+Wide.swift`, and an overflow there to
// GMP. Results are always canonical.

extension Rational {
    /// a/b + c/d for `.small` operands (b, d > 0). An overflow finishes in 128-bit words from the
    /// gcds already taken (`sumInWords`), so two small operands never need GMP.
    @inlinable static func smallSum(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Rational {
        if b == d {
            let (t, o) = a.addingReportingOverflow(c)
            if o || t == .min { return sumInWords(a, 1, c, 1, b) }
            return b == 1 ? Rational(representation: .small(t, 1)) : reduced(t, b)
        }
        let g = Int64(gcdMagnitude(b.magnitude, d.magnitude))
        let bg = b / g, dg = d / g
        let (x, o1) = a.multipliedReportingOverflow(by: dg)
        let (y, o2) = c.multipliedReportingOverflow(by: bg)
        if o1 || o2 { return sumInWords(a, bg, c, dg, g) }
        let (t, o3) = x.addingReportingOverflow(y)
        if o3 || t == .min { return sumInWords(a, bg, c, dg, g) }
        if t == 0 { return .zero }
        let g2 = Int64(gcdMagnitude(t.magnitude, g.magnitude))
        let (den, o4) = bg.multipliedReportingOverflow(by: d / g2)
        if o4 { return sumInWords(a, bg, c, dg, g) }
        return Rational(representation: .small(t / g2, den))
    }

    /// a/(bg·g) + c/(dg·g) with gcd(bg, dg) = 1, all `Int64` (b, d > 0), in 128-bit words:
    /// |a·dg + c·bg| < 2¹²⁷ and the denominator bg·dg·g < 2¹²⁶, so nothing overflows.
    @usableFromInline static func sumInWords(_ a: Int64, _ bg: Int64, _ c: Int64, _ dg: Int64, _ g: Int64) -> Rational {
        let t = Int128(a) * Int128(dg) + Int128(c) * Int128(bg)
        if t == 0 { return .zero }
        let magnitude = t.magnitude
        // gcd(t, b·d/g) divides g (Knuth 4.5.1).
        let g2 = g == 1 ? 1 : gcdMagnitude(UInt64(truncatingIfNeeded: magnitude % UInt128(g)), UInt64(g))
        let denominator = UInt128(bg) * UInt128(dg) * UInt128(UInt64(g) / g2)
        return Rational(WideFraction(negative: t < 0, numerator: magnitude / UInt128(g2), denominator: denominator))
    }

    /// a/b · c/d for `.small` operands (b, d > 0); an overflow finishes in 128-bit words from the
    /// cancelled factors (`productInWords`).
    @inlinable static func smallProduct(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Rational {
        if a == 0 || c == 0 { return .zero }
        let g1 = Int64(gcdMagnitude(a.magnitude, d.magnitude))
        let g2 = Int64(gcdMagnitude(c.magnitude, b.magnitude))
        let (n, o1) = (a / g1).multipliedReportingOverflow(by: c / g2)
        let (m, o2) = (b / g2).multipliedReportingOverflow(by: d / g1)
        if o1 || o2 || n == .min { return productInWords(a / g1, c / g2, b / g2, d / g1) }
        return Rational(representation: .small(n, m))
    }

    /// (p·q)/(r·s) for cancelled `Int64` factors (r, s > 0): the products of two words fit 126 bits.
    @usableFromInline static func productInWords(_ p: Int64, _ q: Int64, _ r: Int64, _ s: Int64) -> Rational {
        Rational(WideFraction(negative: (p < 0) != (q < 0), numerator: UInt128(p.magnitude) * UInt128(q.magnitude),
                              denominator: UInt128(UInt64(r)) * UInt128(UInt64(s))))
    }

    @usableFromInline static func gmp(
        _ a: Rational, _ b: Rational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> Rational {
        let s = MPQStorage.make()
        a.withMPQ { pa in b.withMPQ { pb in op(s.ptr, pa, pb) } }
        return demoting(s)
    }

    /// `a + b` computed by GMP even when both operands fit the fast path (same value as `+`).
    /// For benchmarks that measure the fast path's gain and tests that cross-check it.
    public static func sumThroughGMP(_ a: Rational, _ b: Rational) -> Rational {
        gmp(a, b) { dln_mpq_add($0, $1, $2) }
    }

    /// `a · b` computed by GMP even when both operands fit the fast path (same value as `*`).
    public static func productThroughGMP(_ a: Rational, _ b: Rational) -> Rational {
        gmp(a, b) { dln_mpq_mul($0, $1, $2) }
    }

    @inlinable public static func + (a: Rational, b: Rational) -> Rational {
        if case .small(let p, let q) = a.representation, case .small(let r, let s) = b.representation {
            return smallSum(p, q, r, s)
        }
        return wideSum(a, b, subtracting: false)
    }

    @inlinable public static prefix func - (a: Rational) -> Rational {
        switch a.representation {
        case .small(let n, let d): return Rational(representation: .small(-n, d))
        case .wide(var w):
            w.negative.toggle()
            return Rational(representation: .wide(w))
        case .big(let s):
            let t = MPQStorage.make()
            dln_mpq_neg(t.ptr, s.ptr)
            return demoting(t)
        }
    }

    @inlinable public static func - (a: Rational, b: Rational) -> Rational {
        if case .small(let p, let q) = a.representation, case .small(let r, let s) = b.representation {
            return smallSum(p, q, -r, s)
        }
        return wideSum(a, b, subtracting: true)
    }

    @inlinable public static func * (a: Rational, b: Rational) -> Rational {
        if case .small(let p, let q) = a.representation, case .small(let r, let s) = b.representation {
            return smallProduct(p, q, r, s)
        }
        return wideProduct(a, b)
    }

    /// Exact quotient. Traps when `b` is zero (callers check pivots first).
    @inlinable public static func / (a: Rational, b: Rational) -> Rational {
        a * b.reciprocal
    }

    /// 1/self. Traps on zero.
    @inlinable public var reciprocal: Rational {
        switch representation {
        case .small(let n, let d):
            precondition(n != 0, "Rational division by zero")
            return n < 0 ? Rational(representation: .small(-d, -n)) : Rational(representation: .small(d, n))
        case .wide:
            return wideReciprocal
        case .big(let s):
            precondition(dln_mpq_sgn(s.ptr) != 0, "Rational division by zero")
            let t = MPQStorage.make()
            dln_mpq_inv(t.ptr, s.ptr)
            return Rational.demoting(t)
        }
    }

    @inlinable public static func += (a: inout Rational, b: Rational) { a = a + b }
    @inlinable public static func -= (a: inout Rational, b: Rational) { a = a - b }
    @inlinable public static func *= (a: inout Rational, b: Rational) { a = a * b }
    @inlinable public static func /= (a: inout Rational, b: Rational) { a = a / b }

    /// `self += a·b`, the inner step of dot products and eliminations.
    @inlinable public mutating func addProduct(_ a: Rational, _ b: Rational) { self = self + a * b }

    /// `self -= a·b`.
    @inlinable public mutating func subtractProduct(_ a: Rational, _ b: Rational) { self = self - a * b }

    public var magnitude: Rational { signum < 0 ? -self : self }

    /// Largest integer ≤ self.
    public var floor: BigInteger {
        switch representation {
        case .small(let n, let d):
            var q = n / d
            if n % d != 0, n < 0 { q -= 1 }
            return BigInteger(Int(q))
        case .wide, .big:
            return numerator.floorDivided(by: denominator).quotient
        }
    }

    /// Smallest integer ≥ self.
    public var ceiling: BigInteger { -((-self).floor) }

    /// self^k for any integer k (k < 0 needs self ≠ 0).
    public func power(_ k: Int) -> Rational {
        if k < 0 { return reciprocal.power(-k) }
        return Rational(numerator.power(k), denominator.power(k))
    }

    public static func min(_ a: Rational, _ b: Rational) -> Rational { b < a ? b : a }
    public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }
}
