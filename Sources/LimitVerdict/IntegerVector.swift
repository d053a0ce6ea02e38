import ExactArithmetic

/// A rational vector over one common denominator: v = numerators / denominator, denominator > 0.
///
/// Dot products and signed sums of such vectors are integer multiply-adds followed by a single
/// normalisation, instead of one gcd per term — the verdict's gap polynomials need many of them
/// on rationals of tens of thousands of bits. Built from rationals, the denominator is their
/// least common denominator, which makes the form unique (gcd of it and all numerators is 1), so
/// `==` is the equality of the vectors.
struct IntegerVector: Sendable, Equatable {
    let numerators: [BigInteger]
    let denominator: BigInteger

    init(_ v: [Rational]) {
        let l = v.leastCommonDenominator
        denominator = l
        // Entries over l itself (the common case) need no multiplication.
        numerators = v.map { q in
            if q.isZero { return BigInteger(0) }
            if q.isInteger { return l == BigInteger(1) ? q.numerator : q.numerator * l }
            let d = q.denominator
            return d == l ? q.numerator : q.numerator * l.dividedExactly(by: d)
        }
    }

    init(numerators: [BigInteger], denominator: BigInteger) {
        self.numerators = numerators
        self.denominator = denominator
    }

    var count: Int { numerators.count }

    func signum(_ i: Int) -> Int { numerators[i].signum }

    /// Entry i as a reduced rational (one gcd).
    func rational(_ i: Int) -> Rational {
        numerators[i].isZero ? .zero : Rational(numerators[i], denominator)
    }

    var rationals: [Rational] { numerators.indices.map(rational) }

    func dot(_ other: IntegerVector) -> Rational {
        var t = BigInteger(0)
        for (a, b) in zip(numerators, other.numerators) where !a.isZero && !b.isZero { t.addProduct(a, b) }
        return t.isZero ? .zero : Rational(t, denominator * other.denominator)
    }

    /// Σ σ_i v_i for signs σ_i ∈ {−1, 0, 1}.
    func signedSum(_ signs: [Int]) -> Rational {
        var t = BigInteger(0)
        for (i, s) in signs.enumerated() where s != 0 && !numerators[i].isZero {
            if s > 0 { t += numerators[i] } else { t -= numerators[i] }
        }
        return t.isZero ? .zero : Rational(t, denominator)
    }

    /// ‖v‖₁.
    var oneNorm: Rational {
        var t = BigInteger(0)
        for n in numerators where !n.isZero { t += n.magnitude }
        return t.isZero ? .zero : Rational(t, denominator)
    }
}
