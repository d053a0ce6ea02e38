import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import Testing

/// Hand-derived limits (docs/math.md §3): an exact tie, a non-unique face, weight decay.
@Suite struct LimitCasesTests {
    /// scikit-learn issue 2746 (docs/math.md §6): X = [[0,0,0,−1,0],[0,−1,0,0,0]], y = (−2.5, −2.5), mean
    /// scaling. M = diag(0, 1/2, 0, 1/2, 0), r = (0, 5/4, 0, 5/4, 0): q₂ and q₄ both reach 1 at
    /// s = 1/(5/4) = 4/5 — a tie, resolved by the one face problem: x = (0, 5/2, 0, 5/2, 0), c = 0.
    @Test func scikitLearnTieActivatesBothAtFourFifths() throws {
        let X = Matrix([[0, 0, 0, -1, 0], [0, -1, 0, 0, 0]].map { $0.map { Rational($0) } })
        let problem = try Problem(X: X, y: vector("-5/2", "-5/2"))
        let limit = try DLNLimit(problem: problem)
        #expect(limit.saddles.count == 2)
        #expect(limit.saddles[1].s == q("4/5"))
        #expect(limit.saddles[1].entering == [1, 3])
        #expect(limit.saddles[1].x == vector("0", "5/2", "0", "5/2", "0"))
        #expect(limit.saddles[1].isUnique)
        // x̄(s) = (1 − 4/(5s))·x₁ = 5/2 − 2/s: at s = 1000 (κ = 1/1000), 2.498 as scikit-learn should say.
        #expect(try limit.averaged(at: q("1000")) == vector("0", "2498/1000", "0", "2498/1000", "0"))
    }

    /// Duplicate columns: X = [a, a, b] makes M singular. Coordinates 1 and 2 reach the box
    /// together, and the face problem has a line of minimisers: reported, not resolved.
    @Test func duplicateColumnsAreReportedNotResolved() throws {
        let X = Matrix([[1, 1, 0], [1, 1, 1], [0, 0, 1], [2, 2, -1]].map { $0.map { Rational($0) } })
        let problem = try Problem(X: X, y: vector("3", "1", "-1", "2"), scaling: .sum)
        #expect(!problem.isPositiveDefinite)
        let limit = try DLNLimit(problem: problem)
        let first = limit.saddles[1]
        #expect(first.entering == [0, 1])
        #expect(!first.isUnique)
        #expect(!limit.isUnique)
        // M·x and q are unique: M = [[6,6,−1],[6,6,−1],[−1,−1,3]], r = (8, 8, −2); on the face
        // {1, 2} the minimisers are x₁ + x₂ = 8/6 = 4/3, so M·x = (8, 8, −4/3) and q = (1, 1, −1/4).
        #expect(first.s == q("1/8"))
        #expect(first.x[0] + first.x[1] == q("4/3"))
        #expect(problem.M * first.x == vector("8", "8", "-4/3"))
        #expect(first.q == vector("1", "1", "-1/4"))
        #expect(limit.saddles.dropFirst().allSatisfy { !$0.isUnique || $0.x[0].isZero || $0.x[1].isZero })
    }

    /// Weight decay, orthogonal design: M = diag(1, 2), r = (2, 1), λwd = 1/2, signed. The box is
    /// |q_i| ≤ 1 + s/2 and q = s·r until the first event: 2s = 1 + s/2 gives s₁ = 2/3; the face
    /// problem min ½x² − 2x + ½x gives x₁ = 3/2 (c₁ = 1/2 = λwd keeps q₁ on the growing box).
    /// q₂ = 2/3 + Δ reaches 1 + (2/3 + Δ)/2 at Δ = 4/3: s₂ = 2, min x² − x + x/2 gives x₂ = 1/4.
    /// Then c = (1/2, 1/2): |c| ≤ λwd, stationary for ℓ + λwd‖·‖₁, and the limit stops.
    @Test func weightDecayOrthogonal() throws {
        let problem = try Problem(M: matrix([[1, 0], [0, 2]]), r: vector("2", "1"), weightDecay: q("1/2"))
        let limit = try DLNLimit(problem: problem)
        #expect(limit.saddles.map(\.s) == vector("0", "2/3", "2"))
        #expect(limit.saddles.map(\.x) == [vector("0", "0"), vector("3/2", "0"), vector("3/2", "1/4")])
        #expect(limit.saddles[2].q == vector("2", "2")) // both on the box 1 + 2/2
        #expect(limit.bound(at: q("2")) == q("2"))
        #expect(limit.saddles[2].correlation == vector("1/2", "1/2"))
    }

    /// Weight decay with coupling, positive network: M = [[2, 1], [1, 2]], r = (3, 1), λwd = 1.
    /// Box q_i ≤ 1 + s. q₁ = 3s reaches 1 + s at s = 1/2 (q₂ = s never does: c₂ = 1 = λwd).
    /// Face {1}: min x² − 3x + x gives x₁ = 1, c = (1, 0): c₁ = λwd, c₂ = 0 < λwd — stationary.
    @Test func weightDecayPositiveCoupled() throws {
        let problem = try Problem(M: matrix([[2, 1], [1, 2]]), r: vector("3", "1"), variant: .positive, weightDecay: 1)
        let limit = try DLNLimit(problem: problem)
        #expect(limit.saddles.map(\.s) == vector("0", "1/2"))
        #expect(limit.saddles[1].x == vector("1", "0"))
        #expect(limit.saddles[1].q == vector("3/2", "1/2"))
        #expect(limit.saddles[1].objective == q("-1"))
    }

    /// The positive network ignores coordinates with c_i ≤ 0 and keeps x ≥ 0; the signed one
    /// takes them with a negative sign. docs/math.md §4's example with x = u∘u: q₂ = 2s reaches 1 at
    /// s = 1/2, face {2}: x₂ = r₂/M₂₂ = 1, c = (1, 0); q₁ = −3/2 + Δ reaches 1 after Δ = 5/2:
    /// s = 3, face {1, 2}: the free minimiser (1/2, 2) is nonnegative, c = 0.
    @Test func positiveVariantOfTheWorkedExample() throws {
        let problem = try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"), variant: .positive)
        let limit = try DLNLimit(problem: problem)
        #expect(limit.saddles.map(\.s) == vector("0", "1/2", "3"))
        #expect(limit.saddles.map(\.x) == [vector("0", "0"), vector("0", "1"), vector("1/2", "2")])
        #expect(limit.saddles[2].q == vector("1", "1"))
    }
}
