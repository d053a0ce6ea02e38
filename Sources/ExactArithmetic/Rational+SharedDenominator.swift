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
    /// gcd(n_i mod G, G). G comes from the product taken modulo d (`productMagnitude`: one
    /// multiplication and one preinverted division per entry) and one gcd. The fractions of
    /// a path's knot or direction, or a saddle's q, share their denominator and G is mostly 1 or
    /// a few small primes, so the per-entry gcds are of small numbers (or none).
    public static func sharedFactors(_ numerators: [BigInteger], over denominator: BigInteger) -> [BigInteger] {
        precondition(denominator.signum > 0, "shared denominator must be positive")
        let one = BigInteger(1)
        if denominator.bitWidth == 1 { return numerators.map { _ in one } }
        let product = BigInteger.productMagnitude(numerators, modulo: denominator) // Π|n_i| mod d
        let shared = BigInteger.gcd(product, denominator) // G (= d when the product is 0)
        return numerators.map { n in
            if n.isZero { return denominator }
            if shared.bitWidth == 1 { return one }
            let g = BigInteger.gcd(n.floorRemainder(dividingBy: shared), shared)
            return g.bitWidth == 1 ? one : g
        }
    }
}

extension BigInteger {
    /// |f_0·f_1⋯| mod d over the nonzero f_i (d > 0; 1 mod d when there are none): the residue
    /// `Rational.sharedFactors` takes its gcd with. One multiplication and one division per
    /// factor, the division with an inverse of d computed once for all of them
    /// (`dln_mpz_product_mod`: GMP's preinverted block division, about 2.5 products per factor
    /// at 300,000 bits where Barrett's reduction with mpz products takes 3).
    package static func productMagnitude(_ factors: [BigInteger], modulo d: BigInteger) -> BigInteger {
        precondition(d.signum > 0, "modulus must be positive")
        let pointers: [mpz_srcptr?] = factors.map { UnsafePointer($0.storage.ptr) }
        return BigInteger.make { r in pointers.withUnsafeBufferPointer { dln_mpz_product_mod(r, $0.baseAddress, $0.count, d.storage.ptr) } }
    }
}
