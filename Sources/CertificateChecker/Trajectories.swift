import ExactArithmetic

/// Exact evaluation of the two certified trajectories, used by the verdict checks: the lasso
/// path x(κ) (linear interpolation of the knots, docs/math.md §1) and the running integral
/// Z(s) = ∫₀ˢ x° of the limit (docs/math.md §3).
extension CheckContext {
    /// x(κ) for κ ≥ 0: 0 above the first knot, the interpolation of the two knots around κ below.
    func lasso(at kappa: Rational) -> [Rational] {
        if kappa >= knots[0].lambda { return knots[0].x }
        var lo = 0, hi = knots.count - 1       // knots[lo].λ > κ ≥ knots[hi].λ
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if knots[mid].lambda > kappa { lo = mid } else { hi = mid }
        }
        let upper = knots[lo], lower = knots[hi]
        let t = (kappa - lower.lambda) / (upper.lambda - lower.lambda)
        return Exact.axpy(lower.x, t, Exact.subtract(upper.x, lower.x))
    }

    /// Z(s) = Z(s_k) + (s − s_k)·x_k for the last saddle k with s_k ≤ s (s ≥ 0), by binary search
    /// over the saddle times and the prefix sums Z(s_k): O(d + log #saddles).
    func integral(at s: Rational) -> [Rational] {
        var lo = 0, hi = saddles.count       // saddles[lo].s ≤ s < saddles[hi].s (hi = count: ∞)
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if saddles[mid].s <= s { lo = mid } else { hi = mid }
        }
        return Exact.axpy(saddleIntegrals[lo], s - saddles[lo].s, saddles[lo].x)
    }

    /// The times where the averaged limit or the lasso path changes formula: 0, the saddle times
    /// and the knot times 1/(λ_k − λwd) for λ_k > λwd, increasing. Between consecutive ones (and
    /// after the last) both are affine in u = 1/s: the common pieces (proofs/gap-maxima.md).
    var breakpoints: [Rational] {
        var times = Set(saddles.map(\.s))
        for knot in knots where knot.lambda > weightDecay { times.insert((knot.lambda - weightDecay).reciprocal) }
        times.insert(.zero)
        return times.sorted()
    }

    /// The penalty paired with time s > 0: κ(s) = λwd + 1/s (docs/math.md §0).
    func penalty(at s: Rational) -> Rational { weightDecay + s.reciprocal }

    /// The μ-intervals of the segments: segment k covers κ ∈ (λ_{k+1}, λ_k), i.e.
    /// μ ∈ (1/(λ_k − λwd), 1/(λ_{k+1} − λwd)), nonempty iff λ_k > λwd; nil end = ∞.
    func muRange(segment k: Int) -> (from: Rational, to: Rational?)? {
        guard knots[k].lambda > weightDecay else { return nil }
        let lower = knots[k + 1].lambda
        return ((knots[k].lambda - weightDecay).reciprocal, lower > weightDecay ? (lower - weightDecay).reciprocal : nil)
    }

    /// dz/dμ on segment k for z(μ) = μ·x(λwd + 1/μ): with x(κ) = α + κβ this is α + λwd·β,
    /// the lasso line extrapolated to κ = λwd (docs/math.md §4).
    func muSlope(segment k: Int) -> [Rational] {
        let beta = LassoChecks.slope(self, segment: k)
        let lower = knots[k + 1]
        return Exact.axpy(lower.x, weightDecay - lower.lambda, beta)
    }

    /// The segments that meet μ ∈ (0, ∞), in order of increasing μ.
    var segmentsInMuRange: [Int] { (0..<(knots.count - 1)).filter { knots[$0].lambda > weightDecay } }
}
