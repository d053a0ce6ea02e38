import ExactArithmetic
import ProblemDefinition
import Testing
@testable import LassoHomotopy

/// The certificate over the column-scaled problem (M', r', x̃ = s∘x; Mairal–Yu) accepts the true
/// path and rejects each corruption with the message the unscaled certificate gives.
@Suite struct ScaledCertificateTests {
    static func verdict(_ problem: Problem, _ knots: [Knot], _ segments: [Segment]) -> String? {
        do {
            try PathCertificate(problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r)).check(knots: knots, segments: segments)
            return nil
        } catch LassoPathError.certificateFailed(let message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    /// The path with knot k's x and κ replaced (the segments on both sides follow it).
    static func replacing(_ path: LassoPath, _ k: Int, x: [Rational], kappa: Rational) -> ([Knot], [Segment]) {
        var knots = path.knots, segments = path.segments
        let old = knots[k]
        let active = x.indices.filter { !x[$0].isZero }
        knots[k] = Knot(kappa: kappa, x: x, active: active, signs: active.map { x[$0].signum },
                        equicorrelation: old.equicorrelation, joined: old.joined, dropped: old.dropped, isUnique: old.isUnique)
        if k > 0 {
            let s = segments[k - 1]
            segments[k - 1] = Segment(upper: s.upper, lower: kappa, upperSolution: s.upperSolution, lowerSolution: x,
                                      active: s.active, signs: s.signs, isUnique: s.isUnique)
        }
        if k < segments.count {
            let s = segments[k]
            segments[k] = Segment(upper: kappa, lower: s.lower, upperSolution: x, lowerSolution: s.lowerSolution,
                                  active: s.active, signs: s.signs, isUnique: s.isUnique)
        }
        return (knots, segments)
    }

    @Test func scaledCertificateRejectsWhatTheUnscaledRejects() throws {
        let problem = try MairalYu.instance(p: 4)
        let plain = try Problem(M: problem.M, r: problem.r) // no data: the unscaled certificate
        let scaled = PathCertificate(problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r))
        #expect(!scaled.columnScale.isEmpty)
        #expect(PathCertificate(problem: plain, scaled: ScaledProblem(M: plain.M, r: plain.r)).columnScale.isEmpty)
        let path = try LassoPath(problem: problem)
        #expect(path.knots.count == 41)
        #expect(Self.verdict(problem, path.knots, path.segments) == nil)
        let tiny = Rational(BigInteger(1), BigInteger.power(base: 10, exponent: 30))
        var rejected = 0
        for k in stride(from: 1, to: path.knots.count - 1, by: 3) {
            let knot = path.knots[k]
            var corruptions: [([Rational], Rational)] = [(knot.x, knot.kappa * (Rational.one + tiny)), (knot.x, knot.kappa * (Rational.one - tiny))]
            for i in knot.active.prefix(2) {
                var x = knot.x
                x[i] += tiny
                corruptions.append((x, knot.kappa))
                x[i] = -knot.x[i]
                corruptions.append((x, knot.kappa))
            }
            for (x, kappa) in corruptions {
                let (knots, segments) = Self.replacing(path, k, x: x, kappa: kappa)
                let message = Self.verdict(problem, knots, segments)
                #expect(message != nil, "knot \(k)")
                #expect(message == Self.verdict(plain, knots, segments), "knot \(k)")
                if message != nil { rejected += 1 }
            }
        }
        #expect(rejected > 40)
    }
}
