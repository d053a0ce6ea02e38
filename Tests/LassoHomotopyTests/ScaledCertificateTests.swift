import ExactArithmetic
import ProblemDefinition
import Testing
@testable import LassoHomotopy

/// The certificate over the column-scaled problem (M', r', x̃ = s∘x; Mairal–Yu) accepts the true
/// path and rejects each corruption with the message the unscaled certificate gives.
@Suite struct ScaledCertificateTests {
    @Test func scaledCertificateRejectsWhatTheUnscaledRejects() throws {
        let problem = try MairalYu.instance(p: 4)
        let plain = try Problem(M: problem.M, r: problem.r) // no data: the unscaled certificate
        let scaled = PathCertificate(problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r))
        #expect(!scaled.columnScale.isEmpty)
        #expect(PathCertificate(problem: plain, scaled: ScaledProblem(M: plain.M, r: plain.r)).columnScale.isEmpty)
        let path = try LassoPath(problem: problem)
        #expect(path.knots.count == 41)
        #expect(CertificateTests.verdict(problem, path.knots, path.segments) == nil)
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
                let (knots, segments) = CertificateTests.replacing(path, k, x: x, kappa: kappa)
                let message = CertificateTests.verdict(problem, knots, segments)
                #expect(message != nil, "knot \(k)")
                #expect(message == CertificateTests.verdict(plain, knots, segments), "knot \(k)")
                if message != nil { rejected += 1 }
            }
        }
        #expect(rejected > 40)
    }
}
