import ExactArithmetic

/// The exact solution x* = x(κ) a solver point is compared with, over one common denominator and
/// not reduced: x*_i = numerators[i] / denominator (`LassoPath.solutionNumerators`). Every
/// comparison reads its signs, norms and differences, which need one gcd each over this form;
/// the entries in lowest terms cost gcds per coordinate of long numbers (at a Gaussian
/// 100×200, most of check-solver's time beside the path), so they are formed only when read.
struct ExactSolution {
    let numerators: [BigInteger]
    /// > 0.
    let denominator: BigInteger

    init(_ form: (numerators: [BigInteger], denominator: BigInteger)) {
        numerators = form.numerators
        denominator = form.denominator
    }

    func signum(_ i: Int) -> Int { numerators[i].signum }

    var isZero: Bool { numerators.allSatisfy(\.isZero) }

    /// x*_i in lowest terms.
    func value(_ i: Int) -> Rational { numerators[i].isZero ? .zero : Rational(numerators[i], denominator) }

    /// Every x*_i in lowest terms.
    var values: [Rational] { Rational.reducing(numerators, over: denominator) }

    /// ‖x*‖∞.
    var maxNorm: Rational { Rational(numerators.map(\.magnitude).max() ?? BigInteger(0), denominator) }

    /// ‖x*‖₁.
    var oneNorm: Rational {
        var t = BigInteger(0)
        for n in numerators where !n.isZero { t += n.magnitude }
        return Rational(t, denominator)
    }

    /// vᵀx* for v given over its own common denominator, v = vNumerators / vDenominator.
    func dot(_ vNumerators: [BigInteger], over vDenominator: BigInteger) -> Rational {
        var t = BigInteger(0)
        for (a, b) in zip(vNumerators, numerators) where !a.isZero && !b.isZero { t.addProduct(a, b) }
        return Rational(t, vDenominator * denominator)
    }

    /// ‖x − x*‖∞ for a rational x of the same length: x over its least common denominator L
    /// (short for a solver's doubles), the differences are L·N_i − D·X_i over L·D.
    func maxDistance(to x: [Rational]) -> Rational {
        let l = x.leastCommonDenominator
        var largest = BigInteger(0)
        for (i, xi) in x.enumerated() {
            var t = xi.isZero ? BigInteger(0) : xi.integer(over: l) * denominator
            if !numerators[i].isZero { t.subtractProduct(numerators[i], l) }
            if t.magnitude > largest { largest = t.magnitude }
        }
        return Rational(largest, l * denominator)
    }
}
