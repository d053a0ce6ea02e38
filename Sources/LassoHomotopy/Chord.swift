import ExactArithmetic

/// The lasso path between two consecutive knots: the chord from (κ_upper, x_upper) down to
/// (κ_lower, x_lower), along which x is affine in κ (docs/math.md §1). The one place the formulas
/// of a piece of the path are written: a `Segment` is a certified chord, and `LassoPath`,
/// LimitVerdict's `LassoPathInTime` and SolverCheck's reading of a solver's own knots all
/// evaluate through it. (NumericFlow's `LassoPathInterpolant` is the same chord in `Double`, on
/// the floating-point side that imports no exact code.)
public struct Chord: Sendable, Equatable {
    /// κ at the upper end (the larger) and at the lower end.
    public let upper: Rational
    public let lower: Rational
    /// x at `upper` and at `lower`.
    public let upperSolution: [Rational]
    public let lowerSolution: [Rational]

    /// Requires `upper > lower` and solutions of equal length.
    public init(upper: Rational, _ upperSolution: [Rational], lower: Rational, _ lowerSolution: [Rational]) {
        precondition(upper > lower && upperSolution.count == lowerSolution.count, "a chord runs down between two knots")
        self.upper = upper
        self.lower = lower
        self.upperSolution = upperSolution
        self.lowerSolution = lowerSolution
    }

    /// The chord between two knots of a path, `from` the upper one `to` the lower one.
    public init(from upper: Knot, to lower: Knot) {
        self.init(upper: upper.kappa, upper.x, lower: lower.kappa, lower.x)
    }

    /// dx/dκ, constant along the chord.
    public var slope: [Rational] {
        let inverseWidth = (upper - lower).reciprocal
        return zip(upperSolution, lowerSolution).map { $0 == $1 ? .zero : inverseWidth * ($0 - $1) }
    }

    /// x(κ) = intercept + κ·slope: the affine extension's value at κ = 0 and the slope, computed once.
    public var affine: (intercept: [Rational], slope: [Rational]) {
        let slope = self.slope
        return (zip(upperSolution, slope).map { $1.isZero ? $0 : $0 - upper * $1 }, slope)
    }

    /// x(κ) for κ in [lower, upper]: the ends exactly, inside by interpolation.
    public func solution(at kappa: Rational) -> [Rational] {
        if kappa == upper { return upperSolution }
        if kappa == lower { return lowerSolution }
        let t = (upper - kappa) / (upper - lower)
        return zip(upperSolution, lowerSolution).map { $0 == $1 ? $0 : $0 + t * ($1 - $0) }
    }

    /// x(κ) for κ in [lower, upper] over one common denominator, not reduced:
    /// x_i = numerators[i] / denominator, denominator > 0. With α = (κ − κ_lower)/(κ_upper − κ_lower)
    /// = a/b and the ends over their least common denominators, x_upper = U/D_u and
    /// x_lower = W/D_l, x_i = (a·U_i·D_l + (b − a)·W_i·D_u) / (b·D_u·D_l), the D's products
    /// taken over lcm(D_u, D_l): two products per coordinate and no gcd, where `solution(at:)`
    /// reduces three rationals per coordinate (check-solver's comparisons need no reduced x).
    public func solutionNumerators(at kappa: Rational) -> (numerators: [BigInteger], denominator: BigInteger) {
        precondition(lower <= kappa && kappa <= upper, "κ must lie on the chord")
        let du = upperSolution.leastCommonDenominator, dl = lowerSolution.leastCommonDenominator
        if kappa == upper { return (upperSolution.integers(over: du), du) }
        if kappa == lower { return (lowerSolution.integers(over: dl), dl) }
        let alpha = (kappa - lower) / (upper - lower)
        let g = BigInteger.gcd(du, dl)
        let fu = dl.dividedExactly(by: g), fl = du.dividedExactly(by: g) // D_u·fu = D_l·fl = lcm
        let a = alpha.numerator * fu, b = (alpha.denominator - alpha.numerator) * fl
        let numerators = zip(upperSolution, lowerSolution).map { u, w in
            var t = BigInteger(0)
            if !u.isZero { t.addProduct(a, u.integer(over: du)) }
            if !w.isZero { t.addProduct(b, w.integer(over: dl)) }
            return t
        }
        return (numerators, alpha.denominator * du * fu)
    }

    /// For knots κ₀ > κ₁ > … > κ_K (`kappa(k)`, K + 1 = `count`) and κ₀ > κ ≥ κ_K: the j with
    /// κ_j > κ ≥ κ_{j+1}, whose chord holds κ (binary search).
    public static func index(of kappa: Rational, count: Int, kappa kappaAt: (Int) -> Rational) -> Int {
        var lo = 0, hi = count - 1 // kappaAt(lo) > kappa ≥ kappaAt(hi)
        precondition(count >= 2 && kappaAt(lo) > kappa && kappa >= kappaAt(hi), "κ must lie on the knots' range")
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if kappaAt(mid) > kappa { lo = mid } else { hi = mid }
        }
        return lo
    }
}
