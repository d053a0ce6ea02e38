import ExactArithmetic
import ProblemDefinition

extension VerdictFacts {
    /// The verdict in plain words, one sentence per line, exact numbers, coordinates 1-based.
    public var statements: [String] { statements(format: .exact) }

    /// The verdict in plain words with numbers shown as `f` shows them.
    public func statements(format f: NumberFormat) -> [String] {
        var out: [String] = []
        let via = comparesImages ? " (compared through M·x, since M is singular)" : ""
        let what = comparesImages ? "component" : "coordinate"
        if equivalent {
            out.append("the averaged DLN trajectory equals the lasso path for all s\(horizon.map { " ≤ \(f($0))" } ?? "")\(via)")
        }
        for (d, g) in zip(divergence, divergenceMaxima) {
            let names = f.list(d.coordinates.lazy.map { String($0 + 1) }, count: d.coordinates.count)
            let plural = d.coordinates.count == 1 ? "\(what) \(names) leaves" : "\(what)s \(names) leave"
            var sentence = "they part at s = \(f(d.from)) (\(plural) the path)"
            if apartAtHorizon, d.to == horizon {
                sentence += " and are still apart at s = \(f(horizon!)), where the comparison stops"
            } else {
                sentence += d.to.map { " and rejoin at s = \(f($0))" } ?? " and never rejoin"
            }
            if let g {
                sentence += g.maximiser.map { "; the gap is \(f(g.maximum)) at s = \(f($0))" }
                    ?? "; the gap approaches \(f(g.maximum)) as s → ∞"
            }
            out.append(sentence + via)
        }
        if let b = monotonicityBreak {
            let sign = b.valueAtStart.signum > 0 ? "> 0" : "< 0"
            let mu = "[\(f(b.muFrom)), \(f.orInfinity(b.muTo))]"
            let decreasing = "[\(f(b.decreasingFrom)), \(f.orInfinity(b.decreasingTo))]"
            out.append("z(μ) = μ·x(κ(μ)) is not monotone: on the segment κ ∈ [\(f(b.kappaTo)), \(f(b.kappaFrom))] (μ ∈ \(mu)) coordinate \(b.coordinate + 1) has slope a = \(f(b.slope)) while x_\(b.coordinate + 1) \(sign), so |z_\(b.coordinate + 1)| decreases for μ ∈ \(decreasing)")
        } else {
            out.append("z(μ) = μ·x(κ(μ)) is coordinatewise \(problem.variant == .positive ? "nondecreasing" : "monotone")")
        }
        out.append(linkStatement(format: f))
        if let horizon {
            out.append("the downward variation at s = \(f(horizon)) is z↓ = \(f(downward.last.value(at: horizon)))")
        } else if let total = downward.total {
            if total.isZero {
                out.append("the downward variation z↓ is 0")
            } else {
                out.append("the downward variation is z↓ = \(f(total)) for μ ≥ \(f(downward.last.from))")
            }
        } else {
            out.append("the downward variation z↓ grows without bound (like \(f(downward.last.rate / Rational(2)))·μ²)")
        }
        if !nonUniqueSaddles.isEmpty {
            let n = nonUniqueSaddles.count
            out.append("the face minimiser is not unique at saddle\(n == 1 ? "" : "s") \(nonUniqueSaddles.map { String($0.k) }.joined(separator: ", ")) (s = \(nonUniqueSaddles.map { f($0.s) }.joined(separator: ", "))): the true limit there depends on the initialisation β, γ; the x shown is one minimiser, q and M·x are unique")
        }
        if !pathUnique { out.append("the lasso solution is not unique on part of the path; x is a canonical member") }
        if let horizon {
            let kappa = problem.weightDecay + horizon.reciprocal
            out.append("stopped at s = \(f(horizon)) (κ = \(f(kappa))): nothing after that time was computed")
            if let start = EarlyStop.aboveStart(kappa, problem, f) { out.append(start) }
        }
        if let contradiction { out.append("CONTRADICTION WITH docs/math.md §4: \(contradiction)") }
        return out
    }

    /// The link (docs/math.md §4) in one sentence: "jump times equal 1/κ_k …" or the first place it fails.
    public var linkStatement: String { linkStatement(format: .exact) }

    /// The link in one sentence with numbers shown as `f` shows them.
    public func linkStatement(format f: NumberFormat) -> String {
        let kappaK = problem.weightDecay.isZero ? "1/κ_k" : "1/(κ_k − λwd)"
        let silent = link.silentKnots.isEmpty ? "" : " (knots \(link.silentKnots.map(String.init).joined(separator: ", ")) leave the slope unchanged, so no jump there)"
        guard let mismatch = link.mismatch else {
            return "jump times equal \(kappaK) and saddles equal the segment slopes a_k, for every knot\(silent)"
        }
        let agreed = link.matched == 0 ? "" : link.matched == 1 ? "saddle 1 matches its knot; " : "saddles 1…\(link.matched) match their knots; "
        switch mismatch {
        case let .time(saddle, s, knot, knotTime):
            if let knot, let knotTime {
                return agreed + "saddle \(saddle) jumps at s = \(f(s)), but the next knot κ_\(knot) = \(f(mismatchKappa!)) is at s = \(f(knotTime)): jump times do not equal \(kappaK) from there on\(silent)"
            }
            return agreed + "saddle \(saddle) at s = \(f(s)) has no lasso knot: jump times do not equal \(kappaK) from there on\(silent)"
        case let .position(saddle, s, knot, x, slope):
            return agreed + "saddle \(saddle) jumps at s = \(f(s)), the time of knot κ_\(knot) = \(f(mismatchKappa!)), but its \(f.equation("x", x)) is not the segment slope \(f.equation("a", slope))\(silent)"
        case let .missingSaddle(knot, knotTime):
            return agreed + "the knot κ_\(knot) = \(f(mismatchKappa!)) (s = \(f(knotTime))) has no DLN saddle\(silent)"
        }
    }
}
