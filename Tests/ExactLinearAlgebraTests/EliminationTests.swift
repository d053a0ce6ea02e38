import ExactArithmetic
import ExactLinearAlgebra
import Testing

/// Bareiss elimination on small matrices whose answers were derived by hand.
@Suite("Elimination by hand")
struct EliminationTests {
    @Test func nonsingular2x2() {
        let a = M([[2, 1], [1, 3]])
        #expect(a.determinant == 5)
        #expect(a.rank == 2)
        #expect(a.nullSpace.isEmpty)
        // 2x + y = 3, x + 3y = 5  ⇒  x = 4/5, y = 7/5.
        #expect(a.solve(v([3, 5])) == [Rational(4, 5), Rational(7, 5)])
        #expect(a.leastNormSolution(v([3, 5])) == [Rational(4, 5), Rational(7, 5)])
    }

    /// A zero leading entry forces a row swap: the determinant's sign must follow.
    @Test func rowSwap3x3() {
        let a = M([[0, 2, 1], [1, 1, 1], [2, 0, 3]])
        #expect(a.determinant == -4)   // 0·3 − 2·(3 − 2) + 1·(0 − 2)
        #expect(a.rank == 3)
        #expect(a.solve(v([3, 3, 5])) == v([1, 1, 1]))
        #expect(M([[0, 1], [1, 0]]).determinant == -1)
        #expect(M([[0, 0, 1], [0, 1, 0], [1, 0, 0]]).determinant == -1)
        #expect(M([[0, 1, 0], [0, 0, 1], [1, 0, 0]]).determinant == 1)
    }

    @Test func singular3x3() {
        let a = M([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(a.determinant == 0)
        #expect(a.rank == 2)
        #expect(a.nullSpace == [v([1, -2, 1])])
        #expect(a.solve(v([6, 15, 24])) == nil)                      // consistent but singular
        #expect(a.particularSolution(v([6, 15, 24])) == v([0, 3, 0])) // free variable x₃ = 0
        #expect(a.leastNormSolution(v([6, 15, 24])) == v([1, 1, 1]))  // (0,3,0) + (1,−2,1)
        #expect(a.rangeContains(v([6, 15, 24])))
        #expect(!a.rangeContains(v([1, 0, 0])))
        #expect(a.particularSolution(v([1, 0, 0])) == nil)
        #expect(a.leastNormSolution(v([1, 0, 0])) == nil)
    }

    /// Column 2 vanishes after the first step, so the next pivot is in column 3 (Bareiss must
    /// keep dividing by the right previous pivot after a skipped column).
    @Test func skippedPivotColumn() {
        let a = M([[1, 2, 3], [2, 4, 7], [3, 6, 11]])
        #expect(a.rank == 2)
        #expect(a.determinant == 0)
        #expect(a.nullSpace == [v([-2, 1, 0])])
        let b = M([[2, 4, 1, 3], [4, 8, 5, 1], [6, 12, 3, 9], [2, 4, 7, -7]])
        // row3 = 3·row1, row4 = 2·row2 − 3·row1, column 2 = 2·column 1: rank 2.
        #expect(b.rank == 2)
        #expect(b.nullSpace.count == 2)
        for n in b.nullSpace { #expect(isZeroVector(apply(b, n))) }
        let c = M([[0, 1, 2], [0, 2, 5], [0, 3, 7]])   // zero first column
        #expect(c.rank == 2)
        #expect(c.nullSpace == [v([1, 0, 0])])
        #expect(c.determinant == 0)
    }

    @Test func wideRankOne() {
        let a = M([[1, 2, 0, -1], [2, 4, 0, -2]])
        #expect(a.rank == 1)
        #expect(a.nullSpace == [v([-2, 1, 0, 0]), v([0, 0, 1, 0]), v([1, 0, 0, 1])])
        #expect(a.particularSolution(v([3, 6])) == v([3, 0, 0, 0]))
        #expect(a.particularSolution(v([3, 5])) == nil)
        // Least norm: the multiple of the row (1,2,0,−1) that solves it: (3/6)·row.
        #expect(a.leastNormSolution(v([3, 6])) == [Rational(1, 2), 1, 0, Rational(-1, 2)])
    }

    @Test func tallFullColumnRank() {
        let a = M([[1, 0], [0, 1], [1, 1]])
        #expect(a.rank == 2)
        #expect(a.nullSpace.isEmpty)
        #expect(a.particularSolution(v([1, 2, 3])) == v([1, 2]))
        #expect(a.particularSolution(v([1, 2, 4])) == nil)
        #expect(!a.rangeContains(v([1, 2, 4])))
    }

    @Test func zeroAndEmptyMatrices() {
        let z = Matrix(rows: 2, columns: 3)
        #expect(z.rank == 0)
        #expect(z.nullSpace == [v([1, 0, 0]), v([0, 1, 0]), v([0, 0, 1])])
        #expect(z.rangeContains(v([0, 0])))
        #expect(!z.rangeContains(v([0, 1])))
        #expect(z.leastNormSolution(v([0, 0])) == v([0, 0, 0]))
        #expect(Matrix(rows: 2, columns: 2).determinant == 0)
        #expect(Matrix(rows: 0, columns: 0).determinant == 1)
        #expect(Matrix(rows: 0, columns: 0).rank == 0)
        #expect(Matrix.identity(4).determinant == 1)
        #expect(Matrix.identity(3).solve(v([7, -8, 9])) == v([7, -8, 9]))
    }

    /// Non-integer entries: the row scaling to integers must not leak into the answers.
    @Test func rationalEntries() {
        let a = Matrix([[Rational(1, 2), Rational(1, 3)], [Rational(1, 4), Rational(1, 5)]])
        #expect(a.determinant == Rational(1, 60))    // 1/10 − 1/12
        #expect(a.solve(v([1, 1])) == v([-8, 15]))
        // Hilbert matrix H₄: det = 1/6048000, H₄·(1,…,1) solved back.
        let h = Matrix((1...4).map { i in (1...4).map { j in Rational(1, i + j - 1) } })
        #expect(h.determinant == Rational(1, 6_048_000))
        #expect(h.rank == 4)
        let b = apply(h, v([1, -2, 3, -4]))
        #expect(h.solve(b) == v([1, -2, 3, -4]))
        // Rank-deficient with fractions: second row = (2/3)·first.
        let s = Matrix([[Rational(3, 4), Rational(-1, 2), 1], [Rational(1, 2), Rational(-1, 3), Rational(2, 3)]])
        #expect(s.rank == 1)
        #expect(s.nullSpace == [[Rational(2, 3), 1, 0], [Rational(-4, 3), 0, 1]])
        #expect(s.rangeContains([Rational(3, 2), 1]))
        #expect(!s.rangeContains([Rational(3, 2), Rational(1, 2)]))
    }

    @Test func largeEntriesStayExact() {
        // Entries near 2^62: the fast path overflows and GMP takes over.
        let big = Rational(Int(1) << 62)
        let a = Matrix([[big, 1], [1, big]])
        #expect(a.determinant == big * big - 1)
        #expect(a.solve([big + 1, big + 1]) == [1, 1])
    }
}
