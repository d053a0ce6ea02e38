import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// The verdict section (MATH §4): the solver's `Verdict` (monotone, its first break, equivalent,
/// the divergence intervals, gaps) and the two statements of its `Link`, split as the checker
/// re-derives them: the jump times equal 1/(κ_k − λwd), and the saddles equal the segments'
/// μ-slopes (as x for positive definite M, as M·x otherwise).
struct VerdictSection {
    let json: JSONValue

    init(problem: Problem, limit: DLNLimit, knots: CertifiedKnots, verdict: Verdict) throws {
        let path = knots.pathKnots
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
            o.append(("monotoneBreak", .object(JSONObject([
                ("segment", .number(String(b.segment + 1))), ("coordinate", .number(String(b.coordinate + 1))),
                ("muFrom", .exact(b.muFrom)), ("muTo", .exact(b.muTo)),
            ]))))
        } else {
            o.append(("monotoneBreak", .null))
        }
        o.append(("equivalent", .bool(verdict.equivalent)))
        o.append(("divergence", .array(verdict.divergence.map { .object(JSONObject([("from", .exact($0.from)), ("to", .exact($0.to))])) })))
        o.append(("jumpTimesEqualInverseKnots", .bool(timesEqual)))
        o.append(("saddlesEqualSlopes", .bool(slopesEqual)))
        o.append(("gapSamples", .array(try VerdictSection.gapTimes(verdict).map { s in
            .object(JSONObject([("s", .exact(s)), ("gap", .exact(try verdict.gap(at: s)))]))
        })))
        json = .object(JSONObject(o))
    }

    /// Where to sample the gap: the midpoint of each divergence interval (from + 1 when it is
    /// unbounded) and where the solver says the gap peaks there; s = 1 when there is none.
    static func gapTimes(_ verdict: Verdict) -> [Rational] {
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
