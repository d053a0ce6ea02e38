import ExactArithmetic

/// The exact limit gap `Lasso(x̄₀(s), κ) − Lasso*(κ)`, κ = λwd + 1/s, as one curve over s > 0:
/// the verdict's polynomials `g₀ + g₁/s + g₂/s²` of every common piece, in order
/// (docs/math.md §4). Evaluation is exact; the Double overload evaluates exactly at the
/// (dyadic) time it is given and rounds once.
public struct GapCurve: Sendable {
    public let parts: [GapPolynomial]

    public init(_ verdict: Verdict) {
        parts = verdict.gap.flatMap(\.parts).sorted { $0.from < $1.from }
    }

    /// The part in force at s > 0: the last one starting before s (parts meet continuously).
    public func part(at s: Rational) -> GapPolynomial? {
        var lo = -1, hi = parts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if parts[mid].from < s { lo = mid } else { hi = mid }
        }
        return lo >= 0 ? parts[lo] : parts.first
    }

    /// The exact gap at s > 0.
    public func value(at s: Rational) -> Rational {
        part(at: s)?.value(at: s) ?? .zero
    }

    /// The gap at a Double time s > 0 (0 for s ≤ 0 or non-finite s).
    public func value(at s: Double) -> Double {
        guard s > 0, let q = Rational(exactly: s) else { return 0 }
        return value(at: q).doubleValue
    }

    /// The exact supremum on (0, sMax] and where it is attained (nil: the gap is 0 throughout).
    /// Each part's maximum on its clipped interval is at an end or at the vertex u* = −g₁/(2g₂)
    /// of a concave part (u = 1/s), so it is rational.
    public func supremum(upTo sMax: Rational) -> (value: Rational, at: Rational?) {
        var best: (value: Rational, at: Rational?) = (.zero, nil)
        func consider(_ part: GapPolynomial, _ s: Rational) {
            let v = part.value(at: s)
            if v > best.value { best = (v, s) }
        }
        for part in parts where part.from < sMax {
            let hi = part.to.map { min($0, sMax) } ?? sMax
            consider(part, hi)
            if part.from.signum > 0 { consider(part, part.from) }
            if part.g2.signum < 0 {
                let u = -part.g1 / (Rational(2) * part.g2)
                if u.signum > 0, case let s = u.reciprocal, s > part.from, s < hi { consider(part, s) }
            }
        }
        return best
    }
}
