import ExactArithmetic

/// Checks of `verdict` (docs/math.md §4), each re-derived from the certified paths:
/// proofs/monotone-equivalence.md and proofs/gap.md.
enum VerdictChecks {
    /// `monotone` and `monotoneBreak`: z(μ) = μ·x(λwd + 1/μ) is coordinatewise monotone iff on
    /// every segment each active coordinate's μ-slope has the sign of x (or is 0); the break is
    /// the first segment by increasing μ, then the first coordinate, that fails.
    static func monotone(_ c: CheckContext) throws(ClaimFailure) -> String {
        let claim = "verdict monotone"
        var found: ParsedCertificate.MonotoneBreak?
        search: for k in c.segmentsInMuRange {
            let a = c.muSlope(segment: k), signs = c.certificate.segmentSigns[k]
            for i in 0..<c.d where Rational(signs[i]) * a[i] < .zero {
                let range = c.muRange(segment: k)!
                found = ParsedCertificate.MonotoneBreak(segment: k, coordinate: i, muFrom: range.from, muTo: range.to, slope: a[i])
                break search
            }
        }
        let v = c.verdict
        guard v.monotone == (found == nil) else {
            throw ClaimFailure(claim, found.map { "monotone is true but on \(breakText($0, c)) the μ-slope \(c.muSlope(segment: $0.segment)[$0.coordinate]) has the opposite sign of x" }
                ?? "monotone is false but every segment's μ-slope has the sign of x")
        }
        guard v.monotoneBreak == found else {
            func text(_ b: ParsedCertificate.MonotoneBreak?) -> String { b.map { "\(breakText($0, c)) with slope \($0.slope)" } ?? "none" }
            throw ClaimFailure(claim, "monotoneBreak is \(text(v.monotoneBreak)) but the first break is \(text(found))")
        }
        return found.map { "μ·x(μ) is not monotone: first break at \(breakText($0, c))" } ?? "μ·x(μ) is coordinatewise monotone"
    }

    static func breakText(_ b: ParsedCertificate.MonotoneBreak, _ c: CheckContext) -> String {
        "segment \(b.segment + 1), coordinate \(b.coordinate + 1), μ ∈ (\(b.muFrom), \(b.muTo.map(\.description) ?? "∞"))"
    }

    /// `jumpTimesEqualInverseKnots`: the saddle times after 0 are exactly 1/(λ_k − λwd) for the
    /// knots with λ_k > λwd.
    static func jumpTimes(_ c: CheckContext) throws(ClaimFailure) -> String {
        let times = c.saddles.dropFirst().map(\.s)
        let inverse = c.knots.filter { $0.lambda > c.weightDecay }.map { ($0.lambda - c.weightDecay).reciprocal }
        let equal = times.elementsEqual(inverse)
        guard equal == c.verdict.jumpTimesEqualInverseKnots else {
            throw ClaimFailure("verdict jump times", "jumpTimesEqualInverseKnots is \(!equal) but the jump times \(vectorText(Array(times))) and 1/(λ_k − λwd) \(vectorText(inverse)) are \(equal ? "" : "not ")equal")
        }
        return "the jump times \(equal ? "equal" : "differ from") 1/(λ_k − λwd)"
    }

    /// `saddlesEqualSlopes`: the saddles after 0 are exactly the segments' μ-slopes, compared as x
    /// when M is positive definite and as M·x otherwise (only M·x is unique then; docs/math.md §4).
    static func saddlesEqualSlopes(_ c: CheckContext) throws(ClaimFailure) -> String {
        let image: ([Rational]) -> [Rational] = c.problem.positiveDefinite ? { $0 } : { Exact.product(c.problem.M, $0) }
        let xs = c.saddles.dropFirst().map { image($0.x) }
        let slopes = c.segmentsInMuRange.map { image(c.muSlope(segment: $0)) }
        let equal = xs.elementsEqual(slopes)
        let what = c.problem.positiveDefinite ? "the saddles" : "M times the saddles"
        guard equal == c.verdict.saddlesEqualSlopes else {
            throw ClaimFailure("verdict saddles", "saddlesEqualSlopes is \(!equal) but \(what) are \(equal ? "" : "not ")the segments' μ-slopes")
        }
        return "\(what) \(equal ? "equal" : "differ from") the segments' μ-slopes"
    }

    /// For positive definite M, monotone ⇔ equivalent (docs/math.md §4); a disagreement would contradict
    /// the theorem, so the checker refuses it loudly.
    static func monotoneIffEquivalent(_ c: CheckContext) throws(ClaimFailure) -> String {
        guard c.problem.positiveDefinite else { return "M is singular: monotone ⇔ equivalent is not claimed" }
        guard c.verdict.monotone == c.verdict.equivalent else {
            throw ClaimFailure("verdict monotone ⇔ equivalent", "M is positive definite but monotone = \(c.verdict.monotone) and equivalent = \(c.verdict.equivalent): this contradicts docs/math.md §4")
        }
        return "M is positive definite and monotone = equivalent = \(c.verdict.monotone), as docs/math.md §4 requires"
    }

    /// Each sample: the gap Lasso(Z(s)/s, κ(s)) − Lasso(x(κ(s)), κ(s)) re-evaluated exactly
    /// (proofs/gap.md), z↓(s) from the re-derived pieces, and the enclosure of
    /// η(s) = (1 + λwd·s)(√z↓/s + z↓/s²) proved by squaring (proofs/downward-variation.md).
    static func samples(_ c: CheckContext) throws(ClaimFailure) -> String {
        let down = DownwardVariationCheck.derive(c)
        for (n, sample) in c.verdict.samples.enumerated() {
            let s = sample.s, name = "sample \(n + 1) at s = \(s.short)"
            guard s.signum > 0 else {
                throw ClaimFailure("verdict gap", "sample \(n + 1) has s = \(s); s must be > 0")
            }
            let gap = exactGap(c, at: s)
            guard gap == sample.gap else {
                throw ClaimFailure("verdict gap", "\(name) records the gap \(sample.gap.short) but the exact gap is \(gap.short)")
            }
            let z = DownwardVariationCheck.value(down, at: s)
            guard z == sample.zDown else {
                throw ClaimFailure("verdict z↓", "\(name) records z↓ = \(sample.zDown.short) but the lasso knots give \(z.short)")
            }
            try eta(c, s: s, zDown: z, lower: sample.etaLower, upper: sample.etaUpper, name: name)
        }
        let n = c.verdict.samples.count
        return "gap, z↓ and η re-evaluated exactly at \(n) time\(n == 1 ? "" : "s")"
    }

    /// 2^100: the enclosure of η may be at most η/2^100 wide.
    static let etaPrecision = Rational(BigInteger(1).shiftedLeft(100))

    /// lower ≤ η ≤ upper for η = A√z + B, A = (1 + λwd·s)/s > 0, B = A·z/s ≥ 0, by squaring both
    /// sides of lower − B ≤ A√z ≤ upper − B; and upper − lower ≤ upper/2^100.
    static func eta(_ c: CheckContext, s: Rational, zDown z: Rational, lower: Rational, upper: Rational, name: String) throws(ClaimFailure) {
        let a = (.one + c.weightDecay * s) / s, b = a * z / s
        let low = lower - b, high = upper - b, a2z = a * a * z
        let lowerHolds = low.signum <= 0 || low * low <= a2z
        let upperHolds = high.signum >= 0 && a2z <= high * high
        guard lowerHolds && upperHolds else {
            throw ClaimFailure("verdict η", "\(name) records η ∈ [\(lower.short), \(upper.short)] but η = \(a.short)·√(\(z.short)) + \(b.short) is \(lowerHolds ? "above" : "below") it")
        }
        guard (upper - lower) * etaPrecision <= upper else {
            throw ClaimFailure("verdict η", "\(name) records η ∈ [\(lower.short), \(upper.short)], wider than η/2^100")
        }
    }

    static func exactGap(_ c: CheckContext, at s: Rational) -> Rational {
        let kappa = c.penalty(at: s)
        let averaged = Exact.scale(s.reciprocal, c.integral(at: s))
        return Exact.lassoObjective(c.problem, averaged, penalty: kappa)
            - Exact.lassoObjective(c.problem, c.lasso(at: kappa), penalty: kappa)
    }
}
