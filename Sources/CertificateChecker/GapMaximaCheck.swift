import ExactArithmetic

/// `gapMaxima` and the gap maximum of each `divergence` interval, proved as maxima over their
/// intervals (docs/math.md §4, proofs/gap-maxima.md): the checker builds the gap on every common
/// piece as quadratics in u = 1/s, takes the exact supremum over ends and vertices, and
/// re-evaluates the gap at each recorded maximiser directly (`VerdictChecks.exactGap`).
enum GapMaximaCheck {
    typealias Maximum = ParsedCertificate.GapMaximum

    /// The common pieces [a, b] with a > 0 and their gap quadratics. The piece from s = 0 is left
    /// out: there x° = x₀ = 0 (`SaddleChecks.start`) and x(κ) = x at λ₀ = 0
    /// (`LassoChecks.knotSequence`), so the gap is 0 on it.
    static func pieces(_ c: CheckContext) -> [(from: Rational, to: Rational?, parts: [GapQuadratic])] {
        let times = c.breakpoints
        return times.indices.dropFirst().map { n in
            let to = n + 1 < times.count ? times[n + 1] : nil
            return (times[n], to, c.gapQuadratics(from: times[n], to: to))
        }
    }

    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        let all = pieces(c)
        // The pieces where the gap is not identically 0 (it is ≥ 0: the lasso side is optimal).
        var nonzero: [(from: Rational, to: Rational?, parts: [GapQuadratic], peak: GapPeak)] = []
        for p in all where !p.parts.allSatisfy(\.isZero) {
            nonzero.append((p.from, p.to, p.parts, GapPeaks.peak(p.parts, from: p.from, to: p.to)!))
        }
        let claim = "verdict gap maxima", claimed = c.verdict.gapMaxima
        for (n, (m, p)) in zip(claimed, nonzero).enumerated() where m.from != p.from || m.to != p.to {
            throw ClaimFailure(claim, "entry \(n + 1) is for \(interval(m.from, m.to)) but the \(ordinal(n + 1)) common piece where the gap is not 0 is \(interval(p.from, p.to)) (it reaches \(p.peak.value.short) \(p.peak.place))")
        }
        if claimed.count < nonzero.count {
            let p = nonzero[claimed.count]
            throw ClaimFailure(claim, "the gap is not 0 on \(interval(p.from, p.to)) (it reaches \(p.peak.value.short) \(p.peak.place)) but gapMaxima has no entry for it")
        }
        if claimed.count > nonzero.count {
            let m = claimed[nonzero.count]
            throw ClaimFailure(claim, "entry \(nonzero.count + 1) is for \(interval(m.from, m.to)) but the gap is 0 on every later common piece")
        }
        for (m, p) in zip(claimed, nonzero) {
            try verify(m, peak: p.peak, claim: claim, what: "on \(interval(m.from, m.to))", c)
        }
        // Each divergence interval: the supremum over the pieces it meets (an end may lie inside a
        // piece, where the two sides cross).
        for (n, m) in c.verdict.divergenceGaps.enumerated() {
            let peaks = all.compactMap { p -> GapPeak? in
                let from = Rational.max(p.from, m.from)
                let to: Rational? = switch (p.to, m.to) {
                case let (x?, y?): Rational.min(x, y)
                case let (x?, nil): x
                case let (nil, y): y
                }
                if let to, to <= from { return nil }
                return GapPeaks.peak(p.parts, from: from, to: to)
            }
            guard let best = peaks.max(by: { $0.value < $1.value }) else {
                throw ClaimFailure("verdict divergence gap", "divergence interval \(n + 1) \(interval(m.from, m.to)) meets no common piece")
            }
            let limit = m.to == nil ? peaks.last?.limit : nil
            try verify(m, peak: GapPeak(value: best.value, at: best.at, limit: limit), claim: "verdict divergence gap",
                       what: "on divergence interval \(n + 1) \(interval(m.from, m.to))", c)
        }
        let k = claimed.count, v = c.verdict.divergenceGaps.count
        return "gap maxima proved on \(k) piece\(k == 1 ? "" : "s") and \(v) divergence interval\(v == 1 ? "" : "s")"
    }

    /// The recorded maximum is the supremum, and the recorded maximiser reaches it.
    static func verify(_ m: Maximum, peak: GapPeak, claim: String, what: String, _ c: CheckContext) throws(ClaimFailure) {
        if m.maximum < peak.value {
            throw ClaimFailure(claim, "\(what) the recorded maximum \(m.maximum.short) is too low: the gap reaches \(peak.value.short) \(peak.place)")
        }
        if m.maximum > peak.value {
            throw ClaimFailure(claim, "\(what) the recorded maximum \(m.maximum.short) is too high: the gap never exceeds \(peak.value.short) (reached \(peak.place))")
        }
        guard let t = m.maximiser else {
            guard m.to == nil, let limit = peak.limit else {
                throw ClaimFailure(claim, "\(what) the maximiser is recorded as s → ∞ but the interval is bounded")
            }
            guard limit == m.maximum else {
                throw ClaimFailure(claim, "\(what) the maximiser is recorded as s → ∞ but the gap tends to \(limit.short) there, not the maximum \(m.maximum.short) (reached \(peak.place))")
            }
            return
        }
        guard t >= m.from, m.to.map({ t <= $0 }) ?? true, t.signum > 0 else {
            throw ClaimFailure(claim, "\(what) the recorded maximiser s = \(t.short) lies outside the interval")
        }
        let value = VerdictChecks.exactGap(c, at: t)
        guard value == m.maximum else {
            throw ClaimFailure(claim, "\(what) the gap at the recorded maximiser s = \(t.short) is \(value.short), not the maximum \(m.maximum.short) (reached \(peak.place))")
        }
    }

    static func interval(_ from: Rational, _ to: Rational?) -> String { "[\(from.short), \(to.map { "\($0.short)]" } ?? "∞)")" }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
