import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import Testing

/// docs/math.md §4's worked example: M = [[10, −4], [−4, 2]], r = (−3, 2), signed, λwd = 0.
///
/// By hand (docs/math.md §3). s = 0: q = 0, c = r = (−3, 2). Coordinate 1 reaches −1 after 1/3,
/// coordinate 2 reaches +1 after 1/2, so s₁ = 1/3, q = (−1, 2/3), face {1 (≤ 0)}:
/// min 5x₁² + 3x₁ gives x = (−3/10, 0), c = (0, 4/5).
/// Coordinate 2 needs (1 − 2/3)/(4/5) = 5/12 more: s₂ = 3/4, q = (−1, 1), face {1 (≤ 0), 2 (≥ 0)}:
/// the free minimiser (1/2, 2) has x₁ > 0, so x₁ = 0 and x₂ = r₂/M₂₂ = 1 (dual of 1: c₁ = 1 ≥ 0,
/// allowed for a nonpositive coordinate at 0): x = (0, 1), c = (1, 0).
/// Coordinate 1 travels from −1 to +1 at speed 1: s₃ = 3/4 + 2 = 11/4, q = (1, 1), face both ≥ 0:
/// x = M⁻¹r = (1/2, 2), c = 0, and the computation stops.
@Suite struct WorkedExampleLimitTests {
    static func problem(_ variant: Variant = .signed) throws -> Problem {
        try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"), variant: variant)
    }

    @Test func saddlesByHand() throws {
        let limit = try DLNLimit(problem: Self.problem())
        #expect(limit.saddles.map(\.s) == vector("0", "1/3", "3/4", "11/4"))
        #expect(limit.saddles.map(\.x) == [vector("0", "0"), vector("-3/10", "0"), vector("0", "1"), vector("1/2", "2")])
        #expect(limit.saddles.map(\.q) == [vector("0", "0"), vector("-1", "2/3"), vector("-1", "1"), vector("1", "1")])
        #expect(limit.saddles.map(\.entering) == [[], [0], [1], [0]])
        #expect(limit.saddles[2].faceSigns == [-1, 1])
        #expect(limit.saddles.last!.correlation == vector("0", "0"))
        #expect(limit.isUnique)
    }

    @Test func averagedTrajectoryByHand() throws {
        let limit = try DLNLimit(problem: Self.problem())
        // On [3/4, 11/4]: Z = (5/12)(−3/10, 0) + (s − 3/4)(0, 1) = (−1/8, s − 3/4).
        #expect(try limit.integral(at: q("2")) == vector("-1/8", "5/4"))
        #expect(try limit.averaged(at: q("2")) == vector("-1/16", "5/8"))
        // Before the first saddle x̄ = 0; after the last, x̄ = (1/2 − 3/(2s), 2 − 7/(2s)).
        #expect(try limit.averaged(at: q("1/4")) == vector("0", "0"))
        #expect(try limit.averaged(at: q("6")) == vector("1/4", "17/12"))
        #expect(try limit.iterate(at: q("3/4")) == vector("0", "1"))
        #expect(try limit.dual(at: q("1")) == vector("-3/4", "1"))
        #expect(throws: LimitError.self) { try limit.averaged(at: q("-1")) }
    }

    @Test func warmStartAgreesWithTheGeneralSolver() throws {
        let warm = try DLNLimit(problem: Self.problem())
        let cold = try DLNLimit(problem: Self.problem(), warmStart: false)
        #expect(warm.saddles == cold.saddles)
    }
}
