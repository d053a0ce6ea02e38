import ExactArithmetic

/// The exact limit gap `Lasso(x̄₀(s), κ) − Lasso*(κ)`, κ = λwd + 1/s, as one curve over s > 0:
/// the verdict's polynomials `g₀ + g₁/s + g₂/s²` of every common piece, in order
/// (docs/math.md §4). Evaluation is exact; the Double overload evaluates exactly at the
/// (dyadic) time it is given and rounds once. Its maximum over an interval is
/// `Verdict.maximumGap(from:to:)`.
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
}
