import ExactArithmetic

/// Checks of `limit.saddles` against the characterisation of the ε → 0 limit (docs/math.md §3):
/// q(0) = 0, q′ = c(x°), q in the box, x° on the face F(q) and optimal there. Any pair (x°, q)
/// with these properties has the true limit's q (proofs/limit-dual.md), so these checks pin the
/// trajectory down; `events` and `final` make the list of saddles exactly the jumps.
enum SaddleChecks {
    /// s₀ = 0 with x = 0 and q = 0; the times strictly increase.
    static func start(_ c: CheckContext) throws(ClaimFailure) -> String {
        let claim = "limit start"
        let first = c.saddles[0]
        guard first.s.isZero else { throw ClaimFailure(claim, "the first saddle has s = \(first.s); it must be 0") }
        guard Exact.isZero(first.x) else { throw ClaimFailure(claim, "the first saddle has x = \(vectorText(first.x)) ≠ 0") }
        guard Exact.isZero(first.q) else { throw ClaimFailure(claim, "the first saddle has q = \(vectorText(first.q)) ≠ 0") }
        for k in 1..<c.saddles.count where c.saddles[k].s <= c.saddles[k - 1].s {
            throw ClaimFailure(claim, "\(c.saddleName(k)) does not come after \(c.saddleName(k - 1)): the times must strictly increase")
        }
        return "the limit starts at s = 0 with x = 0, q = 0, and its \(c.saddles.count) saddle times increase"
    }

    /// q_{k+1} = q_k + (s_{k+1} − s_k)·c(x_k): q is the integral of c(x°) (docs/math.md §3).
    static func continuity(_ c: CheckContext) throws(ClaimFailure) -> String {
        for k in 0..<(c.saddles.count - 1) {
            let here = c.saddles[k], next = c.saddles[k + 1]
            let expected = Exact.axpy(here.q, next.s - here.s, c.saddleCorrelations[k])
            if let i = (0..<c.d).first(where: { expected[$0] != next.q[$0] }) {
                throw ClaimFailure("limit dual", "\(c.saddleName(k + 1)): q_\(i + 1) = \(next.q[i]) but q_\(i + 1) + (s − s_prev)·c_\(i + 1) from \(c.saddleName(k)) gives \(expected[i])")
            }
        }
        return "q is continuous with slope c(x) = r − Mx between consecutive saddles"
    }

    /// |q_i| ≤ b(s) (positive: q_i ≤ b(s)) at every saddle; q and b are affine in s between
    /// saddles, so this holds on every interval (the last one: see `final`).
    static func box(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (k, saddle) in c.saddles.enumerated() {
            if let i = (0..<c.d).first(where: { c.slack(saddle.q[$0], at: saddle.s).signum < 0 }) {
                throw ClaimFailure("limit box", "\(c.saddleName(k)): \(c.signed ? "|q_\(i + 1)|" : "q_\(i + 1)") = \(c.signed ? saddle.q[i].magnitude : saddle.q[i]) exceeds the box bound \(c.bound(saddle.s))")
            }
        }
        return "q stays in the box \(c.signed ? "|q_i|" : "q_i") ≤ 1 + λwd·s"
    }

    /// x_i ≠ 0 only where q_i is on the face with the same sign: x ∈ F(q).
    static func faceMembership(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (k, saddle) in c.saddles.enumerated() {
            for i in 0..<c.d where !saddle.x[i].isZero {
                let n = i + 1
                if !c.signed && saddle.x[i].signum < 0 {
                    throw ClaimFailure("limit face", "\(c.saddleName(k)): x_\(n) = \(saddle.x[i]) is negative in the positive variant")
                }
                if !c.slack(saddle.q[i], at: saddle.s).isZero {
                    throw ClaimFailure("limit face", "\(c.saddleName(k)): x_\(n) = \(saddle.x[i]) is nonzero but q_\(n) = \(saddle.q[i]) is inside the box (bound \(c.bound(saddle.s)))")
                }
                if saddle.x[i].signum != c.faceSign(saddle.q[i]) {
                    throw ClaimFailure("limit face", "\(c.saddleName(k)): x_\(n) = \(saddle.x[i]) has the opposite sign of q_\(n) = \(saddle.q[i])")
                }
            }
        }
        return "every saddle's x lies on the face F(q)"
    }

    /// The face multiplier of coordinate i: λwd − σ_i c_i on the face, 0 off it.
    static func multiplier(_ c: CheckContext, saddle k: Int, coordinate i: Int) -> Rational {
        let saddle = c.saddles[k]
        guard c.slack(saddle.q[i], at: saddle.s).isZero else { return .zero }
        return c.weightDecay - Rational(c.faceSign(saddle.q[i])) * c.saddleCorrelations[k][i]
    }

    /// KKT of the face problem min ℓ(x) + λwd‖x‖₁ over F(q): the recorded multipliers equal
    /// λwd − σ_i c_i on the face (0 off it), are ≥ 0, and vanish where x_i ≠ 0 (docs/math.md §3).
    static func faceOptimality(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (k, saddle) in c.saddles.enumerated() {
            for i in 0..<c.d {
                let n = i + 1, mu = multiplier(c, saddle: k, coordinate: i)
                func fail(_ why: String) -> ClaimFailure { ClaimFailure("limit optimality", "\(c.saddleName(k)): \(why)") }
                if saddle.multipliers[i] != mu {
                    throw fail("the multiplier of coordinate \(n) is recorded as \(saddle.multipliers[i]) but λwd − σ_\(n)c_\(n) gives \(mu)")
                }
                if mu.signum < 0 {
                    throw fail("coordinate \(n) has multiplier \(mu) < 0: moving x_\(n) into the face lowers the objective")
                }
                if !mu.isZero && !saddle.x[i].isZero {
                    throw fail("x_\(n) = \(saddle.x[i]) is nonzero but its multiplier is \(mu) ≠ 0")
                }
            }
        }
        return "every saddle's x minimises ℓ + λwd‖·‖₁ on its face (multipliers ≥ 0, complementary)"
    }

    /// Every saddle after the first is a jump: some coordinate reaches the box at this time from
    /// strictly inside on that side, i.e. σq_i = b at s_k (σ its face sign) but σq_i < b at
    /// s_{k−1}; σq_i − b is affine in between, so it was strictly inside on the whole open
    /// interval. So an extra saddle, where nothing reaches the box, is rejected.
    static func events(_ c: CheckContext) throws(ClaimFailure) -> String {
        for k in 1..<c.saddles.count {
            let before = c.saddles[k - 1], here = c.saddles[k]
            let reaches = (0..<c.d).contains { i in
                guard c.slack(here.q[i], at: here.s).isZero else { return false }
                let sigma = Rational(c.faceSign(here.q[i]))
                return sigma * before.q[i] < c.bound(before.s)
            }
            if !reaches {
                throw ClaimFailure("limit events", "\(c.saddleName(k)) is not an event: no coordinate reaches the box bound \(c.bound(here.s)) at this time")
            }
        }
        return c.saddles.count == 1 ? "there is no saddle after s = 0" : "each of the \(c.saddles.count - 1) saddles after s = 0 is the moment a coordinate reaches the box"
    }

    /// The last saddle is final: its q stays in the box for all later s, i.e. |c_i| ≤ λwd for
    /// every i (positive: c_i ≤ λwd); with λwd = 0 this is r = Mx. So a missing last saddle is
    /// rejected.
    static func final(_ c: CheckContext) throws(ClaimFailure) -> String {
        let k = c.saddles.count - 1
        let g = c.saddleCorrelations[k]
        if let i = (0..<c.d).first(where: { (c.signed ? g[$0].magnitude : g[$0]) > c.weightDecay }) {
            throw ClaimFailure("limit final", "\(c.saddleName(k)) is the last saddle but c_\(i + 1) = \(g[i]) would push q_\(i + 1) out of the box (need \(c.signed ? "|c_i|" : "c_i") ≤ λwd = \(c.weightDecay))")
        }
        return "the last saddle is final: \(c.signed ? "|c_i|" : "c_i") ≤ λwd for every i"
    }
}
