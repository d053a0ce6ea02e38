import ExactArithmetic

/// The sign of |Π u| − |Π v| for nonzero integer factors: decided in floating point from the
/// leading limbs when the products differ by more than a relative 10⁻⁹ (the approximations err
/// by less than 10⁻¹⁴), else by exact multiplication. Comparing times of 50,000-bit numerators
/// this way costs no big multiplication unless they (nearly) tie.
func compareProducts(_ u: [BigInteger], _ v: [BigInteger]) -> Int {
    if let sign = filteredCompareProducts(u, v) { return sign }
    let pu = u.dropFirst().reduce(u[0], *).magnitude, pv = v.dropFirst().reduce(v[0], *).magnitude
    return pu == pv ? 0 : (pu < pv ? -1 : 1)
}

/// `compareProducts`' floating-point filter alone: nil when the products nearly tie.
func filteredCompareProducts(_ u: [BigInteger], _ v: [BigInteger]) -> Int? {
    func approximate(_ factors: [BigInteger]) -> (Double, Int) {
        var m = 1.0, e = 0
        for x in factors {
            let a = x.approximateMagnitude
            m *= a.significand
            e += a.exponent
        }
        return (m, e)
    }
    let (mu, eu) = approximate(u), (mv, ev) = approximate(v)
    let shift = eu - ev
    // Each product's significand lies in [1, 2^factors).
    if shift > v.count { return 1 }
    if shift < -u.count { return -1 }
    let ratio = mu / mv * Double(sign: .plus, exponent: shift, significand: 1)
    if ratio > 1 + 1e-9 { return 1 }
    if ratio < 1 - 1e-9 { return -1 }
    return nil
}

extension IntegerVector {
    /// Whether entry i of u equals entry i of v (no multiplication unless they nearly agree).
    /// On a near tie, where the entry with the shorter numerator is an integer t (M·B's and
    /// M·b's entries are mostly ±1 on the supports of a Gaussian design, where M·B's numerators
    /// and denominator have ~300,000 bits at 100×200), the other is compared with t times its
    /// denominator: a division with a short quotient and a product by t, instead of two products
    /// of long numbers.
    static func entriesEqual(_ u: IntegerVector, _ v: IntegerVector, _ i: Int) -> Bool {
        let a = u.numerators[i], b = v.numerators[i]
        if a.signum != b.signum { return false }
        if a.isZero { return true }
        if u.denominator == v.denominator { return a == b }
        if let sign = filteredCompareProducts([a, v.denominator], [b, u.denominator]) { return sign == 0 }
        let (short, long) = a.bitWidth <= b.bitWidth ? ((a, u.denominator), (b, v.denominator)) : ((b, v.denominator), (a, u.denominator))
        let (t, remainder) = short.0.quotientAndRemainder(dividingBy: short.1)
        if remainder.isZero { return long.0 == t * long.1 }
        return a * v.denominator == b * u.denominator
    }
}

/// The sign of a − b. Inline values compare as usual; for big ones (the verdict's times and gap
/// values, tens of thousands of bits) a·den(b) against b·den(a) goes through `compareProducts`,
/// so two values that are not nearly equal are ordered without a multiplication (mpq_cmp
/// cross-multiplies whenever the sizes are close, which they are for neighbouring times).
func compareRationals(_ a: Rational, _ b: Rational) -> Int {
    if a.isInline && b.isInline { return a < b ? -1 : (a == b ? 0 : 1) }
    if a == b { return 0 } // equal reduced forms: limbs compared, no product
    let sa = a.signum, sb = b.signum
    if sa != sb { return sa < sb ? -1 : 1 }
    if sa == 0 { return 0 }
    let c = compareProducts([a.numerator, b.denominator], [b.numerator, a.denominator])
    return sa > 0 ? c : -c
}

extension Rational {
    /// `a < b` through `compareRationals`.
    static func filteredLess(_ a: Rational, _ b: Rational) -> Bool { compareRationals(a, b) < 0 }
}
