import ExactArithmetic

/// Checks of `lasso.knots` and `lasso.segments` (docs/math.md §1). Together they certify that the
/// piecewise-linear interpolation of the knots is a lasso solution for every κ ≥ 0:
/// proofs/segment-certificate.md.
enum LassoChecks {
    /// λ₀ = λ_max (signed ‖r‖∞; positive max(maxᵢ rᵢ, 0)) with x = 0, strictly decreasing, last 0.
    /// For κ ≥ λ_max the solution is 0 (KKT at 0 is |rᵢ| ≤ κ), so the path starts there.
    static func knotSequence(_ c: CheckContext) throws(ClaimFailure) -> String {
        let claim = "lasso knots"
        let r = c.problem.r
        let lambdaMax = c.signed ? r.reduce(.zero) { Rational.max($0, $1.magnitude) } : r.reduce(.zero) { Rational.max($0, $1) }
        let first = c.knots[0]
        guard first.lambda == lambdaMax else {
            throw ClaimFailure(claim, "the first knot has λ = \(first.lambda) but λ_max = \(lambdaMax)")
        }
        guard Exact.isZero(first.x) else { throw ClaimFailure(claim, "the first knot has x = \(vectorText(first.x)) ≠ 0") }
        for k in 1..<c.knots.count where c.knots[k].lambda >= c.knots[k - 1].lambda {
            throw ClaimFailure(claim, "\(c.knotName(k)) does not lie below \(c.knotName(k - 1)): the λ must strictly decrease")
        }
        guard c.knots.last!.lambda.isZero else {
            throw ClaimFailure(claim, "the last knot has λ = \(c.knots.last!.lambda); the path must end at λ = 0")
        }
        return "\(c.knots.count) knots run from λ_max = \(lambdaMax) (x = 0) strictly down to 0"
    }

    /// KKT at every knot: signed |cᵢ| ≤ λ with cᵢ = λ·sign(xᵢ) where xᵢ ≠ 0; positive x ≥ 0,
    /// cᵢ ≤ λ with equality where xᵢ > 0 (docs/math.md §1).
    static func knotKKT(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (k, knot) in c.knots.enumerated() {
            if let why = kktFailure(c, x: knot.x, correlation: c.knotCorrelations[k], lambda: knot.lambda) {
                throw ClaimFailure("lasso KKT", "\(c.knotName(k)): \(why)")
            }
        }
        return "KKT holds exactly at all \(c.knots.count) knots"
    }

    static func kktFailure(_ c: CheckContext, x: [Rational], correlation g: [Rational], lambda: Rational) -> String? {
        for i in 0..<c.d {
            let n = i + 1
            if c.signed {
                if x[i].isZero {
                    if g[i].magnitude > lambda { return "coordinate \(n) has |c_\(n)| = \(g[i].magnitude) > λ" }
                } else if g[i] != Rational(x[i].signum) * lambda {
                    return "x_\(n) = \(x[i]) is nonzero but c_\(n) = \(g[i]) ≠ λ·sign(x_\(n)) = \(Rational(x[i].signum) * lambda)"
                }
            } else {
                if x[i].signum < 0 { return "x_\(n) = \(x[i]) is negative in the positive variant" }
                if x[i].isZero {
                    if g[i] > lambda { return "coordinate \(n) has c_\(n) = \(g[i]) > λ" }
                } else if g[i] != lambda {
                    return "x_\(n) = \(x[i]) is positive but c_\(n) = \(g[i]) ≠ λ"
                }
            }
        }
        return nil
    }

    /// The segment certificate (proofs/segment-certificate.md): signs equal the sign of x at the
    /// segment's midpoint; for σᵢ ≠ 0, cᵢ = λσᵢ and σᵢxᵢ ≥ 0 at both end knots; for σᵢ = 0,
    /// xᵢ = 0 at both. With KKT at the ends this makes the interpolation optimal for every κ in
    /// between, so a missing knot (a bend skipped) is caught here.
    static func segments(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (k, signs) in c.certificate.segmentSigns.enumerated() {
            let upper = c.knots[k], lower = c.knots[k + 1]
            func fail(_ why: String) -> ClaimFailure {
                ClaimFailure("lasso segment", "segment \(k + 1) (λ from \(upper.lambda) down to \(lower.lambda)): \(why)")
            }
            for i in 0..<c.d {
                let n = i + 1, sigma = signs[i]
                if !c.signed && sigma < 0 { throw fail("sign −1 for coordinate \(n) in the positive variant") }
                let middle = (upper.x[i] + lower.x[i]) * Rational(1, 2)
                if middle.signum != sigma {
                    throw fail("coordinate \(n) has sign \(sigma) but x_\(n) = \(middle) at the midpoint")
                }
                if sigma == 0 {
                    if !upper.x[i].isZero || !lower.x[i].isZero {
                        throw fail("coordinate \(n) has sign 0 but x_\(n) is \(upper.x[i]) and \(lower.x[i]) at the ends")
                    }
                    continue
                }
                for (end, knot, g) in [(k, upper, c.knotCorrelations[k]), (k + 1, lower, c.knotCorrelations[k + 1])] {
                    if Rational(sigma) * knot.x[i] < .zero {
                        throw fail("coordinate \(n) has sign \(sigma) but x_\(n) = \(knot.x[i]) at knot \(end + 1)")
                    }
                    if g[i] != Rational(sigma) * knot.lambda {
                        throw fail("coordinate \(n) has sign \(sigma) but c_\(n) = \(g[i]) ≠ \(Rational(sigma) * knot.lambda) at knot \(end + 1)")
                    }
                }
            }
        }
        return "the signs of \(c.certificate.segmentSigns.count == 1 ? "the segment hold on it" : "all \(c.certificate.segmentSigns.count) segments hold on their open segments") (segment certificate)"
    }

    /// dx/dκ on segment k (between knots k and k+1).
    static func slope(_ c: CheckContext, segment k: Int) -> [Rational] {
        let upper = c.knots[k], lower = c.knots[k + 1]
        return Exact.scale((upper.lambda - lower.lambda).reciprocal, Exact.subtract(upper.x, lower.x))
    }

    /// Every interior knot is a bend of the path (the slopes of its two segments differ), so an
    /// extra knot — e.g. the midpoint of a segment — is rejected.
    static func breakpoints(_ c: CheckContext) throws(ClaimFailure) -> String {
        guard c.knots.count > 2 else { return "there is no interior knot" }
        for k in 1..<(c.knots.count - 1) where slope(c, segment: k - 1) == slope(c, segment: k) {
            throw ClaimFailure("lasso knots", "\(c.knotName(k)) is not a breakpoint: the path has slope \(vectorText(slope(c, segment: k))) on both sides")
        }
        return c.knots.count == 3 ? "the interior knot is a bend of the path" : "each of the \(c.knots.count - 2) interior knots is a bend of the path"
    }
}
