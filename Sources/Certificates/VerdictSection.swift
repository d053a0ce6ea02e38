import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// The verdict section (docs/math.md §4): every claim `dlnpath compare` prints from the solver's
/// `Verdict` — monotone and its first break, equivalent, the divergence intervals with their
/// largest gap, the gap maximum on every piece where the gap is not 0, the downward variation z↓
/// (pieces and total) — the two statements of its `Link`, split as the checker re-derives them
/// (jump times equal 1/(κ_k − λwd); saddles equal the segments' μ-slopes, as x for positive
/// definite M, as M·x otherwise), and samples of the gap, z↓ and η (proofs/certificate-format.md).
struct VerdictSection {
    let json: JSONValue

    init(problem: Problem, limit: DLNLimit, lasso: LassoSection, verdict: Verdict) throws {
        let path = lasso.pathInTime
        let reached = Array(path.reachedSegments)
        let jumpTimes = limit.saddles.dropFirst().map(\.s)
        let inverseKnots = reached.map { path.time(ofKnot: $0)! }
        let timesEqual = jumpTimes.elementsEqual(inverseKnots)
        let image: ([Rational]) -> [Rational] = problem.isPositiveDefinite ? { $0 } : { problem.M * $0 }
        let slopesEqual = limit.saddles.dropFirst().map { image($0.x) }
            .elementsEqual(reached.map { image(path.inverseAffine($0).constant) })
        // The solver's Link states both at once; the split must agree with it.
        guard verdict.link.holds == (timesEqual && slopesEqual) else {
            throw CertificateError("the solver's saddle–knot link (\(verdict.link.holds)) disagrees with the jump times (\(timesEqual)) and slopes (\(slopesEqual)) it is made of")
        }
        var o: [(String, JSONValue)] = [("monotone", .bool(verdict.monotone))]
        if let b = verdict.monotonicityBreak {
            // The checker proves |z_i| decreases on the whole segment (proofs/downward-variation.md).
            guard b.decreasingFrom == b.muFrom, b.decreasingTo == b.muTo else {
                throw CertificateError("the solver's monotone break decreases on [\(b.decreasingFrom), \(b.decreasingTo.map(\.description) ?? "∞")], not on its whole segment μ ∈ [\(b.muFrom), \(b.muTo.map(\.description) ?? "∞")]")
            }
            o.append(("monotoneBreak", .object(JSONObject([
                ("segment", .number(String(b.segment))), ("coordinate", .number(String(b.coordinate))),
                ("muFrom", .exact(b.muFrom)), ("muTo", .exact(b.muTo)), ("slope", .exact(b.slope)),
            ]))))
        } else {
            o.append(("monotoneBreak", .null))
        }
        o.append(("equivalent", .bool(verdict.equivalent)))
        o.append(("divergence", .array(try verdict.divergence.map { d in
            guard let m = verdict.maximumGap(from: d.from, to: d.to) else {
                throw CertificateError("the solver has no gap on the divergence interval from s = \(d.from)")
            }
            return .object(JSONObject([
                ("from", .exact(d.from)), ("to", .exact(d.to)),
                ("coordinates", .array(d.coordinates.map { .number(String($0)) })),
                ("gapMaximum", .exact(m.maximum)), ("gapMaximiser", .exact(m.maximiser)),
            ]))
        })))
        o.append(("jumpTimesEqualInverseKnots", .bool(timesEqual)))
        o.append(("saddlesEqualSlopes", .bool(slopesEqual)))
        o.append(("gapMaxima", .array(verdict.gap.filter { !$0.maximum.isZero }.map { g in
            .object(JSONObject([("from", .exact(g.from)), ("to", .exact(g.to)), ("maximum", .exact(g.maximum)), ("maximiser", .exact(g.maximiser))]))
        })))
        let down = verdict.downwardVariation
        o.append(("downwardVariation", .object(JSONObject([
            ("total", .exact(down.total)),
            ("pieces", .array(down.pieces.map { p in
                .object(JSONObject([
                    ("from", .exact(p.from)), ("to", .exact(p.to)), ("rate", .exact(p.rate)), ("valueAtFrom", .exact(p.valueAtFrom)),
                    ("coordinates", .array(p.coordinates.map { .number(String($0)) })),
                ]))
            })),
        ]))))
        o.append(("samples", .array(try VerdictSection.sampleTimes(verdict).map { s in
            let eta = try verdict.eta(at: s), (lower, upper) = eta.enclosure()
            return .object(JSONObject([
                ("s", .exact(s)), ("gap", .exact(try verdict.gap(at: s))), ("zDown", .exact(eta.zDown)),
                ("eta", .object(JSONObject([("lower", .exact(lower)), ("upper", .exact(upper))]))),
            ]))
        })))
        json = .object(JSONObject(o))
    }

    /// Where to sample the gap, z↓ and η: the midpoint of each divergence interval (from + 1 when it is
    /// unbounded) and where the solver says the gap peaks there; s = 1 when there is none.
    static func sampleTimes(_ verdict: Verdict) -> [Rational] {
        var times: [Rational] = []
        for interval in verdict.divergence {
            times.append(interval.to.map { (interval.from + $0) / Rational(2) } ?? interval.from + .one)
            if let peak = verdict.maximumGap(from: interval.from, to: interval.to)?.maximiser, peak.signum > 0 {
                times.append(peak)
            }
        }
        if times.isEmpty { times.append(.one) }
        var seen = Set<Rational>()
        return times.filter { seen.insert($0).inserted }
    }
}
