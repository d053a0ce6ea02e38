import ExactArithmetic

/// Checks of `verdict` (MATH §4), each re-derived from the certified paths:
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
                found = ParsedCertificate.MonotoneBreak(segment: k, coordinate: i, muFrom: range.from, muTo: range.to)
                break search
            }
        }
        let v = c.verdict
        guard v.monotone == (found == nil) else {
            throw ClaimFailure(claim, found.map { "monotone is true but on \(breakText($0, c)) the μ-slope \(c.muSlope(segment: $0.segment)[$0.coordinate]) has the opposite sign of x" }
                ?? "monotone is false but every segment's μ-slope has the sign of x")
        }
        guard v.monotoneBreak == found else {
            let claimed = v.monotoneBreak.map { breakText($0, c) } ?? "none"
            throw ClaimFailure(claim, "monotoneBreak is \(claimed) but the first break is \(found.map { breakText($0, c) } ?? "none")")
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
    /// when M is positive definite and as M·x otherwise (only M·x is unique then; MATH §4).
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

    /// For positive definite M, monotone ⇔ equivalent (MATH §4); a disagreement would contradict
    /// the theorem, so the checker refuses it loudly.
    static func monotoneIffEquivalent(_ c: CheckContext) throws(ClaimFailure) -> String {
        guard c.problem.positiveDefinite else { return "M is singular: monotone ⇔ equivalent is not claimed" }
        guard c.verdict.monotone == c.verdict.equivalent else {
            throw ClaimFailure("verdict MATH §4", "M is positive definite but monotone = \(c.verdict.monotone) and equivalent = \(c.verdict.equivalent): this contradicts MATH §4")
        }
        return "M is positive definite and monotone = equivalent = \(c.verdict.monotone), as MATH §4 requires"
    }

    /// Each gap sample: Lasso(Z(s)/s, κ(s)) − Lasso(x(κ(s)), κ(s)) re-evaluated exactly (proofs/gap.md).
    static func gapSamples(_ c: CheckContext) throws(ClaimFailure) -> String {
        for (n, sample) in c.verdict.gapSamples.enumerated() {
            guard sample.s.signum > 0 else {
                throw ClaimFailure("verdict gap", "gap sample \(n + 1) has s = \(sample.s); s must be > 0")
            }
            let gap = exactGap(c, at: sample.s)
            guard gap == sample.gap else {
                throw ClaimFailure("verdict gap", "gap sample \(n + 1) at s = \(sample.s) records \(sample.gap) but the exact gap is \(gap)")
            }
        }
        let n = c.verdict.gapSamples.count
        return "\(n) gap sample\(n == 1 ? "" : "s") re-evaluated exactly"
    }

    static func exactGap(_ c: CheckContext, at s: Rational) -> Rational {
        let kappa = c.penalty(at: s)
        let averaged = Exact.scale(s.reciprocal, c.integral(at: s))
        return Exact.lassoObjective(c.problem, averaged, penalty: kappa)
            - Exact.lassoObjective(c.problem, c.lasso(at: kappa), penalty: kappa)
    }
}
