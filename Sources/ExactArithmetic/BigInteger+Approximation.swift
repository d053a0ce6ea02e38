import CGMP

extension BigInteger {
    /// |self| ≈ significand · 2^exponent with significand ∈ [1, 2), from the two leading limbs
    /// (relative error below 2⁻⁵²); (0, 0) for zero. For floating-point filters that decide
    /// comparisons of huge integers cheaply and fall back to exact arithmetic near ties.
    public var approximateMagnitude: (significand: Double, exponent: Int) {
        let n = dln_mpz_size(storage.ptr)
        if n == 0 { return (0, 0) }
        let top = Double(dln_mpz_getlimbn(storage.ptr, n - 1))
        let next = n > 1 ? Double(dln_mpz_getlimbn(storage.ptr, n - 2)) : 0
        let t = top + next * 0x1p-64
        return (t.significand, Int(t.exponent) + 64 * (n - 1))
    }
}
