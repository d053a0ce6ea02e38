import CertificateChecker
import Certificates
import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing
import JSONFormat

/// Gap maxima on an unbounded divergence interval (found by a seeded random search): with weight
/// decay the averaged limit never rejoins the lasso path, yet the gap tends to 0 as s → ∞ (the
/// final saddle is a lasso solution at κ = λwd, proofs/gap-maxima.md), so every maximum is
/// attained at a finite time and a maximiser "s → ∞" is refused.
@Suite("Gap maxima") struct GapMaximaTests {
    static func certificate() throws -> JSONValue {
        let X: [[Rational]] = [[3, 0, -1], [2, -3, 0], [-1, 3, 1], [2, 0, -3]].map { $0.map { Rational($0) } }
        let y = [0, -2, 2, -3].map { Rational($0) }
        let problem = try Problem(X: Matrix(X), y: y, scaling: .mean, variant: .signed, weightDecay: .one)
        return try Certificate.make(problem: problem, inputBytes: [], inputName: "unbounded")
    }

    @Test func unboundedDivergenceIsProved() throws {
        let document = try Self.certificate()
        let report = CertificateChecker.check(certificateText: document.serialized())
        #expect(report.isValid, "\(report.problem ?? "")")
        #expect(document["verdict"]?["divergence"] == [[
            "from": "56/85", "to": .null, "coordinates": [0, 1, 2], "gapMaximum": "1369/732312", "gapMaximiser": "5812/3145",
        ]])
        let last = try #require(document["verdict"]?["gapMaxima"]?.asArray?.last)
        #expect(last == ["from": "44/37", "to": .null, "maximum": "1369/732312", "maximiser": "5812/3145"])
    }

    @Test func maximiserAtInfinityIsRefused() throws {
        let document = try Self.certificate()
        let maxima = try #require(document["verdict"]?["gapMaxima"]?.asArray)
        let unbounded = document.replacing([.key("verdict"), .key("gapMaxima"), .index(maxima.count - 1), .key("maximiser")]) { _ in .null }
        #expect(expectFailure(unbounded.serialized(), "unbounded piece")?.description
            == "verdict gap maxima: on [44/37, ∞) the maximiser is recorded as s → ∞ but the gap tends to 0 there, not the maximum 1369/732312 (reached at s = 5812/3145)")
        let bounded = document.replacing([.key("verdict"), .key("gapMaxima"), .index(0), .key("maximiser")]) { _ in .null }
        #expect(expectFailure(bounded.serialized(), "bounded piece")?.description
            == "verdict gap maxima: on [56/85, 44/37] the maximiser is recorded as s → ∞ but the interval is bounded")
        let divergence = document.replacing([.key("verdict"), .key("divergence"), .index(0), .key("gapMaximiser")]) { _ in .null }
        #expect(expectFailure(divergence.serialized(), "divergence interval")?.description
            == "verdict divergence gap: on divergence interval 1 [56/85, ∞) the maximiser is recorded as s → ∞ but the gap tends to 0 there, not the maximum 1369/732312 (reached at s = 5812/3145)")
    }
}
