import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

/// `ProblemSummary`, the library call behind `inspect`.
@Suite struct SummaryTests {
    @Test func positiveDefiniteQuadratic() throws {
        // M = [[10, −4], [−4, 2]] (det 4 > 0), r = (−3, 2): λ_max = ‖r‖∞ = 3.
        let M = Matrix([[10, -4], [-4, 2]].map { $0.map { Rational($0) } })
        let summary = ProblemSummary(try Problem(M: M, r: [Rational(-3), Rational(2)]))
        #expect(summary.rank == 2)
        #expect(summary.lambdaMax == Rational(3))
        let doc = summary.json()
        #expect(doc["lambdaMax"] == "3")
        #expect(doc["rank"] == 2)
        #expect(doc["n"] == nil)
        #expect(doc["M"] == [["10", "-4"], ["-4", "2"]])
        #expect(summary.text(file: "f.json").contains("λ_max = 3  (x = 0"))
    }

    @Test func singularDataNonnegative() throws {
        // X has equal columns: rank 1. r = Xᵀy/n = (1, 1)·(y₁ + y₂)/2 = (−1/2, −1/2) for y = (1, −2);
        // the nonnegative λ_max is max(r, 0) = 0.
        let X = Matrix([[1, 1], [1, 1]].map { $0.map { Rational($0) } })
        let summary = ProblemSummary(try Problem(X: X, y: [Rational(1), Rational(-2)], variant: .positive))
        #expect(summary.rank == 1)
        #expect(summary.lambdaMax == .zero)
        #expect(summary.json()["n"] == 2)
        #expect(summary.json(.nearestDouble)["r"] == [.number("-0.5"), .number("-0.5")])
        #expect(summary.assumptions.contains { $0.hasPrefix("M is singular") })
    }
}
