import CGMP

extension Rational {
    /// `numerators[i] / denominator` in lowest terms for every i (denominator > 0): the values of
    /// `Rational(numerators[i], denominator)`, without one gcd per entry (`sharedFactors`).
    public static func reducing(_ numerators: [BigInteger], over denominator: BigInteger) -> [Rational] {
        precondition(denominator.signum > 0, "shared denominator must be positive")
        // Word-size denominators: the fast path's machine gcd is cheaper than the product.
        if denominator.intValue != nil { return numerators.map { $0.isZero ? .zero : Rational($0, denominator) } }
        return reducing(numerators, over: denominator, factors: sharedFactors(numerators, over: denominator))
    }

    /// The same, given factors[i] = gcd(numerators[i], denominator) (`sharedFactors`, possibly
    /// found ahead on another thread): one exact division per entry whose factor is not 1.
    public static func reducing(_ numerators: [BigInteger], over denominator: BigInteger, factors: [BigInteger]) -> [Rational] {
        precondition(factors.count == numerators.count, "one factor per numerator")
        var last: (g: BigInteger, reduced: BigInteger)? // d/g for the last g ≠ 1
        return numerators.indices.map { i in
            let n = numerators[i], g = factors[i]
            if n.isZero { return .zero }
            if g.bitWidth == 1 { return Rational(coprime: n, denominator) }
            if last?.g != g { last = (g, denominator.dividedExactly(by: g)) }
            return Rational(coprime: n.dividedExactly(by: g), last!.reduced)
        }
    }

    /// gcd(numerators[i], denominator) for every i (denominator > 0; the denominator itself for a
    /// zero numerator): what reduces `numerators[i] / denominator` to lowest terms.
    ///
    /// Every gcd(n_i, d) divides G = gcd(d, Π n_i) = gcd(d, Π |n_i| mod d), so it equals
    /// gcd(n_i mod G, G). G comes from the product taken modulo d (three multiplications per
    /// entry with Barrett's reduction, `dln_mpz_product_mod`) and one gcd. The fractions of
    /// a path's knot or direction, or a saddle's q, share their denominator and G is mostly 1 or
    /// a few small primes, so the per-entry gcds are of small numbers (or none).
    public static func sharedFactors(_ numerators: [BigInteger], over denominator: BigInteger) -> [BigInteger] {
        precondition(denominator.signum > 0, "shared denominator must be positive")
        let one = BigInteger(1)
        if denominator.bitWidth == 1 { return numerators.map { _ in one } }
        let d = denominator.storage.ptr
        let product = MPZStorage.make()
        let factors: [mpz_srcptr?] = numerators.map { UnsafePointer($0.storage.ptr) }
        factors.withUnsafeBufferPointer { dln_mpz_product_mod(product.ptr, $0.baseAddress, $0.count, d) } // Π|n_i| mod d
        let shared = BigInteger.make { dln_mpz_gcd($0, product.ptr, d) } // G (= d when the product is 0)
        return numerators.map { n in
            if n.isZero { return denominator }
            if shared.bitWidth == 1 { return one }
            let g = BigInteger.gcd(n.floorRemainder(dividingBy: shared), shared)
            return g.bitWidth == 1 ? one : g
        }
    }
}
