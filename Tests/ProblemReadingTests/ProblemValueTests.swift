import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

/// Values of a validated problem on the tiny example, computed by hand:
/// X = [[1,0],[0,2],[1,1]], y = (1,2,3); at x = (1,1), Xx − y = (0,0,−1).
@Suite("Problem values")
struct ProblemValueTests {
    let x: [Rational] = [1, 1]

    @Test func meanScaling() throws {
        let p = try Problem(X: tinyX, y: tinyY)
        #expect(p.M == tinyMeanM)
        #expect(p.r == tinyMeanR)
        // ℓ(x) = ½xᵀMx − rᵀx = ½·9/3 − 11/3.
        #expect(p.loss(x) == Rational(-13, 6))
        // ‖y‖²/(2n) = 14/6.
        #expect(p.lossOffset == Rational(7, 3))
        // Data-fit form: ‖Xx − y‖²/(2n) = 1/6.
        #expect(p.loss(x) + p.lossOffset == Rational(1, 6))
        // c = r − Mx = Xᵀ(y − Xx)/n = (1, 1)/3.
        #expect(p.correlation(x) == [Rational(1, 3), Rational(1, 3)])
        #expect(p.correlation([0, 0]) == p.r)
        #expect(p.loss([0, 0]) == .zero)
        #expect(p.dimension == 2)
    }

    @Test func sumScaling() throws {
        let p = try Problem(X: tinyX, y: tinyY, scaling: .sum)
        #expect(p.M == matrix([["2", "1"], ["1", "5"]]))
        #expect(p.r == vector(["4", "7"]))
        #expect(p.loss(x) == Rational(-13, 2))
        #expect(p.lossOffset == 7)
        #expect(p.loss(x) + p.lossOffset == Rational(1, 2))     // ‖Xx − y‖²/2
        #expect(p.correlation(x) == [1, 1])
    }

    @Test func quadraticFormHasNoOffset() throws {
        let p = try Problem(M: matrix([["2", "1"], ["1", "5"]]), r: vector(["4", "7"]))
        #expect(p.lossOffset == .zero)
        #expect(p.data == nil)
        #expect(p.loss(x) == Rational(-13, 2))
    }

    /// Singular M (d > n): accepted as PSD with its rank, r = Xᵀy/n is always in the range.
    @Test func singularFromData() throws {
        let X = matrix([["0", "0", "0", "-1", "0"], ["0", "-1", "0", "0", "0"]])
        let p = try Problem(X: X, y: vector(["-2.5", "-2.5"]))
        #expect(p.definiteness == .positiveSemidefinite(rank: 2))
        #expect(!p.isPositiveDefinite)
        #expect(p.r == vector(["0", "5/4", "0", "5/4", "0"]))
        #expect(p.M[1, 1] == Rational(1, 2) && p.M[3, 3] == Rational(1, 2) && p.M[0, 0] == 0)
        #expect(p.lossOffset == Rational(25, 8))   // (6.25 + 6.25)/4
    }

    @Test func directValidation() {
        #expect(throws: ProblemError("X is empty: it needs at least one row and one column")) {
            try Problem(X: Matrix(rows: 0, columns: 2), y: [])
        }
        #expect(throws: ProblemError("the problem is empty: r has no entries")) {
            try Problem(M: Matrix(rows: 0, columns: 0), r: [])
        }
        #expect(throws: ProblemError("degenerate initialisation: alpha[1] = 0 (docs/math.md §2 needs α_i ≠ 0)")) {
            try Problem(M: .identity(1), r: [1], variant: .positive, initialisation: .positive(alpha: [0]))
        }
        #expect(throws: ProblemError.self) {
            try Problem(M: .identity(2), r: [1, 1], initialisation: .signed(beta: [1, -3], gamma: [0, 3]))
        }
    }
}
