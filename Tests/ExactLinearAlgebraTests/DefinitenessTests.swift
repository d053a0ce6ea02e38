import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import Testing

@Suite("Positive semidefiniteness")
struct DefinitenessTests {
    /// The witness must really have vᵀMv < 0, computed here, and the reported value must match.
    func expectIndefinite(_ m: Matrix, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .indefinite(let w, let value) = m.definiteness else {
            Issue.record("\(m.rowArrays) reported \(m.definiteness)", sourceLocation: sourceLocation)
            return
        }
        #expect(w.count == m.rows, sourceLocation: sourceLocation)
        let q = quadratic(m, w)
        #expect(q.signum < 0, "witness \(w) gives \(q) for \(m.rowArrays)", sourceLocation: sourceLocation)
        #expect(value == q, sourceLocation: sourceLocation)
        #expect(!m.definiteness.isPositiveSemidefinite, sourceLocation: sourceLocation)
    }

    @Test func positiveDefinite() {
        #expect(M([[2, 1], [1, 2]]).definiteness == .positiveDefinite)
        #expect(M([[10, -4], [-4, 2]]).definiteness == .positiveDefinite)   // docs/math.md §4 example
        #expect(Matrix.identity(3).definiteness == .positiveDefinite)
        let hilbert = Matrix((1...5).map { i in (1...5).map { j in Rational(1, i + j - 1) } })
        #expect(hilbert.definiteness == .positiveDefinite)
        #expect(Matrix([[Rational(1, 1000)]]).definiteness == .positiveDefinite)
    }

    @Test func positiveSemidefiniteSingular() {
        #expect(M([[1, 1], [1, 1]]).definiteness == .positiveSemidefinite(rank: 1))
        #expect(M([[1, 2], [2, 4]]).definiteness == .positiveSemidefinite(rank: 1))
        #expect(Matrix(rows: 3, columns: 3).definiteness == .positiveSemidefinite(rank: 0))
        #expect(M([[0, 0], [0, 5]]).definiteness == .positiveSemidefinite(rank: 1))
        // Gram matrix of (1,1,0), (0,1,1), (1,2,1) = sum of the first two: rank 2.
        #expect(M([[2, 1, 3], [1, 2, 3], [3, 3, 6]]).definiteness == .positiveSemidefinite(rank: 2))
        // The sklearn 2746 matrix: zero rows and columns mixed with positive ones.
        let d = Matrix.diagonal([0, Rational(1, 2), 0, Rational(1, 2), 0])
        #expect(d.definiteness == .positiveSemidefinite(rank: 2))
        #expect(d.definiteness.isPositiveSemidefinite)
    }

    @Test func indefiniteWithWitness() {
        expectIndefinite(M([[0, 1], [1, 0]]))      // zero diagonal, nonzero off-diagonal
        expectIndefinite(M([[1, 2], [2, 1]]))      // positive diagonal, det < 0
        expectIndefinite(M([[-1]]))
        expectIndefinite(M([[1, 0], [0, -1]]))
        expectIndefinite(M([[0, 0], [0, -3]]))
        expectIndefinite(M([[0, -2], [-2, 7]]))     // zero pivot, positive S_jj
        expectIndefinite(M([[5, 0, 0], [0, 0, 3], [0, 3, 0]]))
        // The zero pivot appears only after a Schur step: [[1,1,1],[1,1,2],[1,2,1]] → [[0,1],[1,0]].
        expectIndefinite(M([[1, 1, 1], [1, 1, 2], [1, 2, 1]]))
        expectIndefinite(M([[4, 2, 0], [2, 1, 3], [0, 3, 1]]))
        // Nearly PSD: [[1,1],[1,1]] minus a tiny bit on the diagonal.
        let eps = Rational(1, 1_000_000_000_000)
        expectIndefinite(Matrix([[1, 1], [1, 1 - eps]]))
        expectIndefinite(Matrix([[Rational(1, 3), Rational(1, 2)], [Rational(1, 2), Rational(2, 3)]]))
    }

    /// Gram matrices AᵀA are PSD with rank(A); random symmetric matrices are checked against all
    /// principal minors (PSD ⇔ every principal minor ≥ 0) or against their witness.
    @Test func randomGramAndSymmetric() {
        var rng = SplitMix64(seed: 0x95D)
        for _ in 0..<150 {
            let n = rng.nextInt(in: 1...5), k = rng.nextInt(in: 1...5)
            let a = rng.integerMatrix(k, n, -4...4)
            let gram = a.transposed * a
            let rank = minorRank(a)
            let expected: Definiteness = rank == n ? .positiveDefinite : .positiveSemidefinite(rank: rank)
            #expect(gram.definiteness == expected, "Gram of \(a.rowArrays)")
        }
        var indefinite = 0, semidefinite = 0
        for trial in 0..<300 {
            let n = rng.nextInt(in: 1...5)
            var s = Matrix(rows: n, columns: n)
            for i in 0..<n {
                for j in i..<n {
                    let value = trial % 2 == 0 ? Rational(rng.nextInt(in: -5...5)) : Rational(rng.nextInt(in: -5...5), rng.nextInt(in: 1...4))
                    s[i, j] = value
                    s[j, i] = value
                }
            }
            if trial % 3 == 0 { s = s * s }               // a square of a symmetric matrix: PSD
            if trial % 5 == 0 { for i in 0..<n { s[i, i] = 0 } }
            switch s.definiteness {
            case .indefinite:
                expectIndefinite(s)
                indefinite += 1
            case .positiveDefinite:
                #expect(allPrincipalMinorsNonnegative(s))
                #expect(!cofactorDeterminant(s).isZero)
                semidefinite += 1
            case .positiveSemidefinite(let rank):
                #expect(allPrincipalMinorsNonnegative(s), "\(s.rowArrays) called PSD")
                #expect(rank == minorRank(s) && rank < n)
                semidefinite += 1
            }
        }
        #expect(indefinite > 50 && semidefinite > 50)
    }

    func allPrincipalMinorsNonnegative(_ s: Matrix) -> Bool {
        let n = s.rows
        for mask in 1..<(1 << n) {
            let idx = (0..<n).filter { mask & (1 << $0) != 0 }
            if cofactorDeterminant(s.submatrix(rows: idx, columns: idx)).signum < 0 { return false }
        }
        return true
    }
}
