import ExactArithmetic
import ExactLinearAlgebra

/// The limit gap Lasso(x̄(s), κ(s)) − Lasso*(κ(s)) with κ = λwd + 1/s (MATH §4) on part of a
/// common piece where no coordinate of x̄ or of the lasso solution changes sign: there both are
/// affine in u = 1/s and both ‖·‖₁ are linear, so the gap is exactly g₀ + g₁u + g₂u².
public struct GapPolynomial: Equatable, Sendable {
    public let from: Rational
    /// nil: to s = ∞.
    public let to: Rational?
    public let g0: Rational
    public let g1: Rational
    public let g2: Rational

    public func value(atInverse u: Rational) -> Rational { g0 + u * (g1 + u * g2) }
    public func value(at s: Rational) -> Rational { value(atInverse: s.reciprocal) }
}

/// The gap on one common piece and its exact maximum: the maximiser is an end or the vertex
/// u* = −g₁/(2g₂) of a concave part, so it is always rational.
public struct GapPiece: Equatable, Sendable {
    public let from: Rational
    public let to: Rational?
    public let parts: [GapPolynomial]
    public let maximum: Rational
    /// Where the maximum is attained; nil when it is only approached as s → ∞.
    public let maximiser: Rational?
}

/// Computes the gap polynomials on a piece. `products` gives M·constant and M·inverse of both
/// formulas (so no d² work happens here).
struct GapCalculator {
    let r: [Rational]
    let weightDecay: Rational

    /// ℓ(A + uB) + (λwd + u)·σᵀ(A + uB) as (c₀, c₁, c₂) in u, given MA and MB.
    func objective(_ f: InverseAffine, _ mf: InverseAffine, signs: [Int]) -> (Rational, Rational, Rational) {
        let a = f.constant, b = f.inverse
        let half = Rational(1, 2)
        var c0 = half * dot(a, mf.constant) - dot(r, a)
        var c1 = dot(a, mf.inverse) - dot(r, b)
        var c2 = half * dot(b, mf.inverse)
        var sa = Rational.zero, sb = Rational.zero
        for i in signs.indices where signs[i] != 0 {
            if signs[i] > 0 { sa += a[i]; sb += b[i] } else { sa -= a[i]; sb -= b[i] }
        }
        c0 += weightDecay * sa
        c1 += sa + weightDecay * sb
        c2 += sb
        return (c0, c1, c2)
    }

    func piece(_ p: CommonPiece, averagedProducts: InverseAffine, lassoProducts: InverseAffine) -> GapPiece {
        // Cut where some coordinate of either side crosses 0 inside the piece.
        var cuts: Set<Rational> = []
        for f in [p.averaged, p.lasso] {
            for i in f.constant.indices where f.constant[i].signum * f.inverse[i].signum < 0 {
                let s = (-f.inverse[i] / f.constant[i]) // A + B/s = 0
                if s > p.from, p.to.map({ s < $0 }) ?? true { cuts.insert(s) }
            }
        }
        var ends = [p.from]
        ends.append(contentsOf: cuts.sorted()) // (`+` on [Rational] is vector addition)
        var parts: [GapPolynomial] = []
        for (n, from) in ends.enumerated() {
            let to = n + 1 < ends.count ? ends[n + 1] : p.to
            let inside = to.map { (from + $0) / Rational(2) } ?? from + .one
            let u = inside.reciprocal
            func signs(_ f: InverseAffine) -> [Int] { f.value(atInverse: u).map(\.signum) }
            let x = objective(p.averaged, averagedProducts, signs: signs(p.averaged))
            let y = objective(p.lasso, lassoProducts, signs: signs(p.lasso))
            parts.append(GapPolynomial(from: from, to: to, g0: x.0 - y.0, g1: x.1 - y.1, g2: x.2 - y.2))
        }
        var best: (value: Rational, at: Rational?)?
        func consider(_ value: Rational, _ s: Rational?) {
            if best.map({ $0.value < value }) ?? true { best = (value, s) }
        }
        for part in parts {
            if let to = part.to { consider(part.value(at: to), to) } else { consider(part.g0, nil) }
            if !part.from.isZero { consider(part.value(at: part.from), part.from) }
            if part.g2.signum < 0 {
                let u = -part.g1 / (Rational(2) * part.g2)
                let lower = part.to.map(\.reciprocal) ?? .zero
                if u > lower, part.from.isZero || u < part.from.reciprocal { consider(part.value(atInverse: u), u.reciprocal) }
            }
        }
        return GapPiece(from: p.from, to: p.to, parts: parts, maximum: best!.value, maximiser: best!.at)
    }
}
