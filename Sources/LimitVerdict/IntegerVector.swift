import ExactArithmetic

/// A rational vector over one common denominator: v = numerators / denominator.
///
/// Dot products and signed sums of such vectors are integer multiply-adds followed by a single
/// normalisation, instead of one gcd per term — the verdict's gap polynomials need many of them
/// on rationals of tens of thousands of bits.
struct IntegerVector: Sendable {
    let numerators: [BigInteger]
    let denominator: BigInteger

    init(_ v: [Rational]) {
        denominator = v.leastCommonDenominator
        numerators = v.integers(over: denominator)
    }

    func dot(_ other: IntegerVector) -> Rational {
        var t = BigInteger(0)
        for (a, b) in zip(numerators, other.numerators) where !a.isZero && !b.isZero { t.addProduct(a, b) }
        return Rational(t, denominator * other.denominator)
    }

    /// Σ σ_i v_i for signs σ_i ∈ {−1, 0, 1}.
    func signedSum(_ signs: [Int]) -> Rational {
        var t = BigInteger(0)
        for (i, s) in signs.enumerated() where s != 0 && !numerators[i].isZero {
            if s > 0 { t += numerators[i] } else { t -= numerators[i] }
        }
        return Rational(t, denominator)
    }
}
