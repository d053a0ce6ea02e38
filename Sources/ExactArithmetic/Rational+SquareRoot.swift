extension BigInteger {
    /// ⌊√n⌋ for n ≥ 0, by Newton's iteration from above (exact; no floating point).
    public func integerSquareRoot() -> BigInteger {
        precondition(signum >= 0, "square root of a negative integer")
        if isZero { return self }
        var x = BigInteger(1).shiftedLeft((bitWidth + 1) / 2) // ≥ √n
        while true {
            let next = (x + self / x) / BigInteger(2)
            if next >= x { return x }
            x = next
        }
    }
}

extension Rational {
    /// √self when it is rational (numerator and denominator perfect squares), else nil.
    /// Requires self ≥ 0.
    public var exactSquareRoot: Rational? {
        let p = numerator, q = denominator
        let a = p.integerSquareRoot(), b = q.integerSquareRoot()
        guard a * a == p, b * b == q else { return nil }
        return Rational(a, b)
    }
}
