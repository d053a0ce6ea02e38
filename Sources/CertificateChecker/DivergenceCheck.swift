import ExactArithmetic

/// `divergence` and `equivalent` (docs/math.md §4, proofs/monotone-equivalence.md).
///
/// D(s) = Z(s) − s·x(κ(s)) is continuous, D(0) = 0, and affine in s between consecutive
/// breakpoints (the saddle times and the knot times 1/(λ_k − λwd)), including the last,
/// unbounded piece. The averaged limit Z(s)/s and the lasso path agree at s > 0 iff M·D(s) = 0
/// (M·x is what is unique when M is singular; for PD M this is D(s) = 0). On a piece, M·D is
/// affine: from its values at two points it is either identically 0 or vanishes at most at one
/// exact point. So the set where the two differ is open with finitely many components, each
/// found exactly; `divergence` lists their closures ("they part at s = 3/4 and rejoin at 3").
enum DivergenceCheck {
    /// The closures of the maximal open intervals where the two differ, in time order.
    static func divergence(_ c: CheckContext) -> [ParsedCertificate.Interval] {
        let breakpoints = c.breakpoints
        var intervals: [ParsedCertificate.Interval] = []
        var openFrom: Rational?            // start of the component being walked, if any
        func close(at s: Rational) {
            if let from = openFrom { intervals.append(ParsedCertificate.Interval(from: from, to: s)) }
            openFrom = nil
        }
        var atNext: [Rational]?             // the image at this breakpoint, found as the last piece's second point
        for (n, a) in breakpoints.enumerated() {
            let b = n + 1 < breakpoints.count ? breakpoints[n + 1] : a + .one   // a second point of the piece
            let atA = atNext ?? image(c, at: a), atB = image(c, at: b)
            atNext = atB
            if Exact.isZero(atA) && Exact.isZero(atB) { close(at: a); continue }   // agree on the piece
            if Exact.isZero(atA) { close(at: a) }
            if openFrom == nil { openFrom = a }
            // An interior zero of the affine M·D splits the piece (only when all components vanish there).
            if let t = commonRoot(a, atA, b, atB), t > a, n + 1 == breakpoints.count || t < b {
                close(at: t)
                openFrom = t
            }
        }
        if let from = openFrom { intervals.append(ParsedCertificate.Interval(from: from, to: nil)) }
        return intervals
    }

    /// M·D(s) (0 at s = 0: both trajectories start at 0).
    static func image(_ c: CheckContext, at s: Rational) -> [Rational] {
        guard s.signum > 0 else { return Exact.zeros(c.d) }
        let lasso = c.lasso(at: c.penalty(at: s))
        return Exact.product(c.problem.M, Exact.subtract(c.integral(at: s), Exact.scale(s, lasso)))
    }

    /// The one t where the affine function through (a, u) and (b, w) vanishes in every component,
    /// if there is one and the function is not identically 0.
    static func commonRoot(_ a: Rational, _ u: [Rational], _ b: Rational, _ w: [Rational]) -> Rational? {
        var root: Rational?
        for i in u.indices where !(u[i].isZero && w[i].isZero) {
            guard u[i] != w[i] else { return nil }               // a nonzero constant never vanishes
            let t = a + (b - a) * u[i] / (u[i] - w[i])
            if let r = root, r != t { return nil }
            root = t
        }
        return root
    }

    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        let derived = divergence(c)
        let claimed = c.verdict.divergence
        guard claimed == derived else {
            throw ClaimFailure("verdict divergence", "divergence is \(text(claimed)) but the certified paths differ exactly on \(text(derived))")
        }
        for (n, interval) in derived.enumerated() {
            let leaving = leavingComponents(c, from: interval.from), recorded = c.verdict.divergenceCoordinates[n]
            guard recorded == leaving else {
                throw ClaimFailure("verdict divergence", "divergence interval \(n + 1) from s = \(interval.from) records the \(c.problem.positiveDefinite ? "coordinates" : "components of M·x") \(oneBased(recorded)) leaving the path but they are \(oneBased(leaving))")
            }
        }
        guard c.verdict.equivalent == derived.isEmpty else {
            throw ClaimFailure("verdict equivalent", "equivalent is \(c.verdict.equivalent) but the certified paths differ on \(text(derived))")
        }
        return derived.isEmpty
            ? "the averaged limit equals the lasso path for every s > 0 (equivalent)"
            : "the averaged limit and the lasso path differ exactly on \(text(derived))"
    }

    /// The compared components (of x when M is positive definite, of M·x otherwise, as the
    /// verdict compares them) that differ just after `from`: D is affine on the common piece
    /// [a, b) containing (from, from + δ), so a component is not identically 0 there iff it is
    /// nonzero at a or at a second point of the piece.
    static func leavingComponents(_ c: CheckContext, from: Rational) -> [Int] {
        let times = c.breakpoints
        let n = times.lastIndex { $0 <= from }!
        let a = times[n], b = n + 1 < times.count ? times[n + 1] : a + .one
        func difference(_ s: Rational) -> [Rational] {
            guard s.signum > 0 else { return Exact.zeros(c.d) }
            let d = Exact.subtract(c.integral(at: s), Exact.scale(s, c.lasso(at: c.penalty(at: s))))
            return c.problem.positiveDefinite ? d : Exact.product(c.problem.M, d)
        }
        let atA = difference(a), atB = difference(b)
        return (0..<c.d).filter { !atA[$0].isZero || !atB[$0].isZero }
    }

    static func oneBased(_ v: [Int]) -> String { "(" + v.map { String($0 + 1) }.joined(separator: ", ") + ")" }

    static func text(_ intervals: [ParsedCertificate.Interval]) -> String {
        intervals.isEmpty ? "nothing" : intervals.map { "[\($0.from), " + ($0.to.map { "\($0)]" } ?? "∞)") }.joined(separator: " ∪ ")
    }
}
