import ExactArithmetic

/// The limit gap on part of a common piece as a polynomial in u = 1/s (proofs/gap-maxima.md):
/// gap = c₀ + c₁u + c₂u² for u ∈ [lo, hi].
struct GapQuadratic {
    let lo: Rational
    let hi: Rational
    let c0: Rational
    let c1: Rational
    let c2: Rational

    func value(_ u: Rational) -> Rational { c0 + u * (c1 + u * c2) }
    var isZero: Bool { c0.isZero && c1.isZero && c2.isZero }
}

/// The supremum of the gap over an s-interval and one place where it is reached.
struct GapPeak {
    let value: Rational
    /// Where it is attained; nil: only as s → ∞ (the interval is unbounded).
    let at: Rational?
    /// lim gap(s) as s → ∞, for an unbounded interval.
    let limit: Rational?

    var place: String { at.map { "at s = \($0.short)" } ?? "as s → ∞" }
}

extension CheckContext {
    /// The gap on the common piece [a, b] (a > 0; b nil: unbounded) as quadratics in u = 1/s, cut
    /// where a coordinate of either side changes sign, in increasing u.
    ///
    /// On the piece both Z(s)/s and x(κ(s)) are affine in u (proofs/gap-maxima.md §1), so each is
    /// P + uQ, found from its values at two times of the piece. ℓ of an affine function is
    /// quadratic in u; between sign changes ‖·‖₁ is linear and κ = λwd + u, so the gap is
    /// quadratic there.
    func gapQuadratics(from a: Rational, to b: Rational?) -> [GapQuadratic] {
        let s1 = a, s2 = b ?? a + .one
        let u1 = s1.reciprocal, u2 = s2.reciprocal
        // The affine function of u through its values at u1 and u2.
        func affine(_ v1: [Rational], _ v2: [Rational]) -> (P: [Rational], Q: [Rational]) {
            let Q = Exact.scale((u1 - u2).reciprocal, Exact.subtract(v1, v2))
            return (Exact.axpy(v1, -u1, Q), Q)
        }
        let start = sides(at: s1), end = sides(at: s2) // the end is kept for the next piece's start
        let (P, Q) = affine(start.averaged, end.averaged)
        let (R, S) = affine(start.lasso, end.lasso)
        let uLo = b?.reciprocal ?? .zero, uHi = u1
        if P == R && Q == S { return [GapQuadratic(lo: uLo, hi: uHi, c0: .zero, c1: .zero, c2: .zero)] }
        // ℓ(P + uQ) − ℓ(R + uS) = q₀ + q₁u + q₂u² (M is symmetric: ProblemChecks.convexity).
        let M = problem.M, r = problem.r, half = Rational(1, 2)
        let MP = Exact.product(M, P), MQ = Exact.product(M, Q), MR = Exact.product(M, R), MS = Exact.product(M, S)
        let q0 = half * (Exact.dot(P, MP) - Exact.dot(R, MR)) - Exact.dot(r, P) + Exact.dot(r, R)
        let q1 = Exact.dot(P, MQ) - Exact.dot(R, MS) - Exact.dot(r, Q) + Exact.dot(r, S)
        let q2 = half * (Exact.dot(Q, MQ) - Exact.dot(S, MS))
        // Sign changes of P_i + uQ_i and R_i + uS_i strictly inside (uLo, uHi).
        var cuts = Set<Rational>()
        for (A, B) in [(P, Q), (R, S)] {
            for i in 0..<d where !B[i].isZero {
                let t = -A[i] / B[i]
                if t > uLo && t < uHi { cuts.insert(t) }
            }
        }
        let ends = [uLo] + cuts.sorted() + [uHi]
        return (0..<(ends.count - 1)).map { n in
            let lo = ends[n], hi = ends[n + 1], mid = (lo + hi) / Rational(2)
            // ‖P + uQ‖₁ − ‖R + uS‖₁ = n₀ + n₁u with the signs at the midpoint.
            let sx = (0..<d).map { Rational(Exact.signum(P[$0], plus: mid, times: Q[$0])) }
            let sl = (0..<d).map { Rational(Exact.signum(R[$0], plus: mid, times: S[$0])) }
            let n0 = Exact.dot(sx, P) - Exact.dot(sl, R), n1 = Exact.dot(sx, Q) - Exact.dot(sl, S)
            let w = weightDecay
            return GapQuadratic(lo: lo, hi: hi, c0: q0 + w * n0, c1: q1 + n0 + w * n1, c2: q2 + n1)
        }
    }
}

enum GapPeaks {
    /// The supremum over s ∈ [from, to] (to nil: unbounded) of the gap given by `parts`, which
    /// must cover that range: over each part it is reached at an end of the part's u-range or at
    /// the vertex −c₁/(2c₂) of a concave part (proofs/gap-maxima.md §2). u = 0 is s = ∞: a limit.
    static func peak(_ parts: [GapQuadratic], from: Rational, to: Rational?) -> GapPeak? {
        let uLo = to?.reciprocal ?? .zero, uHi = from.reciprocal
        var best: (value: Rational, u: Rational)?
        var limit: Rational?
        func consider(_ u: Rational, _ part: GapQuadratic) {
            let v = part.value(u)
            if u.isZero { limit = v }
            if best.map({ $0.value < v || ($0.value == v && $0.u.isZero) }) ?? true { best = (v, u) }
        }
        for part in parts {
            let lo = Rational.max(part.lo, uLo), hi = Rational.min(part.hi, uHi)
            guard lo <= hi else { continue }
            consider(lo, part)
            consider(hi, part)
            if part.c2.signum < 0 {
                let vertex = -part.c1 / (Rational(2) * part.c2)
                if vertex > lo && vertex < hi { consider(vertex, part) }
            }
        }
        return best.map { GapPeak(value: $0.value, at: $0.u.isZero ? nil : $0.u.reciprocal, limit: limit) }
    }
}
