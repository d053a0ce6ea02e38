import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict
import Testing

/// Families where docs/math.md §4 forces z to be monotone, so the averaged limit must equal the lasso
/// path exactly: orthogonal designs (soft thresholding, signed and positive) and, for the positive
/// lasso, M with non-positive off-diagonal entries (an M-matrix: the active coordinates only grow).
@Suite struct MonotoneCasesTests {
    static func expectExactFollowing(_ problem: Problem) throws {
        let v = try Verdict(problem: problem)
        #expect(v.monotone)
        #expect(v.equivalent)
        #expect(v.divergence.isEmpty)
        #expect(v.link.holds)
        #expect(v.downwardVariation.total == 0)
        #expect(v.gap.allSatisfy { $0.maximum == 0 })
        #expect(v.statements.first == "the averaged DLN trajectory equals the lasso path for all s")
        let lwd = problem.weightDecay
        for s in ["1/7", "1/2", "1", "2", "5", "100"].map(q) {
            #expect(try v.limit.averaged(at: s) == v.path.solution(at: lwd + s.reciprocal))
        }
    }

    /// X = H·diag(k) with H the 4 × 4 Hadamard matrix: XᵀX = 4·diag(k²).
    @Test(arguments: [(Variant.signed, "0"), (.positive, "0"), (.signed, "1/4"), (.positive, "1/5")])
    func orthogonalDesign(_ variant: Variant, _ weightDecay: String) throws {
        let h = [[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]]
        let k = [1, 2, 3, 1]
        let X = Matrix(h.map { row in row.indices.map { Rational(row[$0] * k[$0]) } })
        let problem = try Problem(X: X, y: vector("3", "-1", "2", "5/2"), variant: variant, weightDecay: q(weightDecay))
        try Self.expectExactFollowing(problem)
    }

    @Test(arguments: 1...8)
    func positiveLassoWithNonPositiveOffDiagonals(_ seed: Int) throws {
        var g = SplitMix64(seed: UInt64(seed))
        let d = 5
        var m = [[Rational]](repeating: [Rational](repeating: 0, count: d), count: d)
        for i in 0..<d { for j in (i + 1)..<d { let v = Rational(-g.nextInt(in: 0...3)); m[i][j] = v; m[j][i] = v } }
        for i in 0..<d { m[i][i] = m[i].reduce(Rational.zero) { $0 + $1.magnitude } + Rational(g.nextInt(in: 1...3)) }
        let r = (0..<d).map { _ in Rational(g.nextInt(in: -6...6)) }
        let problem = try Problem(M: Matrix(m), r: r, variant: .positive, weightDecay: seed % 2 == 0 ? q("1/3") : 0)
        #expect(problem.isPositiveDefinite)
        try Self.expectExactFollowing(problem)
    }

    /// Random instances kept only when the monotone test says so: then equality is exact.
    @Test func randomInstancesFilteredByTheMonotoneTest() throws {
        var kept = 0
        for seed in 200..<240 where kept < 6 {
            let problem = try randomProblem(seed: UInt64(seed), n: 6, d: 3, variant: seed % 2 == 0 ? .signed : .positive)
            guard problem.isPositiveDefinite, try Verdict(problem: problem).monotone else { continue }
            try Self.expectExactFollowing(problem)
            kept += 1
        }
        #expect(kept == 6)
    }
}
