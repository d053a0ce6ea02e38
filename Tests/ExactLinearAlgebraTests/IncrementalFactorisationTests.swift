import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import Testing

/// `SemidefiniteFactorisation` and `BorderedInverse` against the definitions (M·M⁻¹ = I,
/// Mh = 0, cofactor determinants) on random matrices.
struct IncrementalFactorisationTests {
    /// BᵀB for a random k×n integer B: positive semidefinite, singular when k < n.
    static func gram(_ rng: inout SplitMix64, rows k: Int, columns n: Int) -> Matrix {
        let b = rng.integerMatrix(k, n, -3...3)
        return b.transposed * b
    }

    @Test func semidefiniteFactorisationSolvesOrExhibitsANullVector() {
        var rng = SplitMix64(seed: 501)
        for trial in 0..<150 {
            let n = rng.nextInt(in: 1...5)
            let m = Self.gram(&rng, rows: rng.nextInt(in: 1...(n + 1)), columns: n)
            guard let f = SemidefiniteFactorisation(m) else { Issue.record("trial \(trial): Gram matrix rejected"); continue }
            #expect(f.rank == minorRank(m), "trial \(trial)")
            #expect(f.nullSpace.count == n - f.rank && f.nullSpace.allSatisfy { isZeroVector(apply(m, $0)) })
            let inRange = apply(m, v((0..<n).map { _ in rng.nextInt(in: -4...4) }))
            guard case .solution(let z) = f.solve(inRange) else { Issue.record("trial \(trial): consistent system refused"); continue }
            #expect(apply(m, z) == inRange, "trial \(trial)")
            let b = v((0..<n).map { _ in rng.nextInt(in: -4...4) })
            switch f.solve(b) {
            case .solution(let z): #expect(apply(m, z) == b, "trial \(trial)")
            case .inconsistent(let h, let value):
                #expect(isZeroVector(apply(m, h)) && dot(b, h) == value && !value.isZero, "trial \(trial)")
                #expect(!m.rangeContains(b))
            }
        }
    }

    @Test func semidefiniteFactorisationRejectsIndefiniteMatrices() {
        #expect(SemidefiniteFactorisation(M([[1, 2], [2, 1]])) == nil)
        #expect(SemidefiniteFactorisation(M([[0, 1], [1, 0]])) == nil)
        #expect(SemidefiniteFactorisation(M([[1, 0], [0, -1]])) == nil)
        #expect(SemidefiniteFactorisation(M([[0, 0], [0, 0]]))?.rank == 0)
        #expect(SemidefiniteFactorisation(M([[4, 2], [2, 1]]))?.rank == 1)
    }

    @Test func borderedInverseFollowsAppendsAndRemovals() {
        var rng = SplitMix64(seed: 502)
        for trial in 0..<40 {
            let n = rng.nextInt(in: 2...6)
            let m = Self.gram(&rng, rows: n + 1, columns: n) + Matrix.identity(n) // positive definite
            var inverse = BorderedInverse()
            for _ in 0..<12 {
                let present = inverse.indices
                if !present.isEmpty && (present.count == n || rng.nextInt(in: 0...2) == 0) {
                    let removed = inverse.remove(present[rng.nextInt(in: 0...(present.count - 1))])
                    #expect(removed)
                } else {
                    let absent = (0..<n).filter { !present.contains($0) }
                    let bordering = inverse.append(absent[rng.nextInt(in: 0...(absent.count - 1))], of: m)
                    #expect(bordering != nil)
                }
                let a = inverse.indices, k = a.count
                let block = m.submatrix(rows: a, columns: a)
                var product = Matrix(rows: k, columns: k)
                for i in 0..<k { for j in 0..<k { product[i, j] = (0..<k).reduce(Rational.zero) { $0 + inverse[i, $1] * block[$1, j] } } }
                #expect(product == Matrix.identity(k), "trial \(trial), A = \(a)")
            }
            if let fresh = BorderedInverse(m, indices: [n - 1, 0]) {
                #expect(fresh.apply([Rational.one, .zero]) == m.submatrix(rows: [n - 1, 0], columns: [n - 1, 0]).solve([.one, .zero]))
            } else {
                Issue.record("trial \(trial): positive definite block refused")
            }
        }
    }

    @Test func borderedInverseRefusesSingularBlocks() {
        let m = M([[1, 1, 0], [1, 1, 0], [0, 0, 2]]) // columns 0 and 1 equal
        var inverse = BorderedInverse()
        let first = inverse.append(0, of: m), duplicate = inverse.append(1, of: m)
        #expect(first?.sigma == Rational(1) && duplicate == nil && inverse.indices == [0])
        let third = inverse.append(2, of: m)
        #expect(third?.y == [Rational.zero] && third?.sigma == Rational(2))
        #expect(BorderedInverse(m, indices: [0, 1]) == nil)
        #expect(inverse.apply(signs: [1, -1]) == [Rational.one, Rational(-1, 2)])
    }
}
