import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import Testing

/// Properties on seeded random matrices, each checked against code written in this file
/// (cofactor expansion, largest nonzero minor, plain products) rather than against itself.
@Suite("Random matrices")
struct PropertyTests {
    @Test func determinantMatchesCofactorExpansion() {
        var rng = SplitMix64(seed: 0xD37)
        var singular = 0
        for trial in 0..<300 {
            let n = rng.nextInt(in: 1...6)
            var a = trial % 3 == 0 ? rng.lowRankMatrix(n, n, rank: rng.nextInt(in: 0...n)) : rng.integerMatrix(n, n)
            if trial % 7 == 0 { a = rng.rationalMatrix(n, n) }
            if trial % 11 == 0, n > 1 {   // a zero first column then a row swap further down
                for i in 0..<n { a[i, 0] = i == n - 1 ? 1 : 0 }
            }
            let expected = cofactorDeterminant(a)
            #expect(a.determinant == expected, "det of \(a.rowArrays)")
            #expect((a.rank == n) == !expected.isZero, "rank \(a.rank) vs det \(expected) for \(a.rowArrays)")
            if expected.isZero { singular += 1 }
        }
        #expect(singular > 50)   // the generator really produces singular cases
    }

    @Test func solveSolves() {
        var rng = SplitMix64(seed: 0x501)
        for trial in 0..<200 {
            let n = rng.nextInt(in: 1...7)
            let a = trial % 2 == 0 ? rng.integerMatrix(n, n) : rng.rationalMatrix(n, n)
            let b = rng.integerVector(n)
            if let x = a.solve(b) {
                #expect(apply(a, x) == b, "\(a.rowArrays) x = \(b)")
                #expect(a.rank == n)
            } else {
                #expect(cofactorDeterminant(a).isZero, "solve refused a nonsingular \(a.rowArrays)")
            }
        }
    }

    @Test func rankNullSpaceAndRange() {
        var rng = SplitMix64(seed: 0x4A7)
        var inconsistent = 0, consistent = 0
        for trial in 0..<250 {
            let m = rng.nextInt(in: 1...5), n = rng.nextInt(in: 1...5)
            let a = trial % 4 == 3 ? rng.rationalMatrix(m, n) : rng.lowRankMatrix(m, n, rank: rng.nextInt(in: 0...min(m, n)))
            let rank = a.rank
            #expect(rank == minorRank(a), "rank of \(a.rowArrays)")
            #expect(rank == a.transposed.rank)
            // Null space: right count, every vector in it, linearly independent.
            let basis = a.nullSpace
            #expect(basis.count == n - rank)
            for z in basis {
                #expect(z.count == n)
                #expect(isZeroVector(apply(a, z)), "\(z) not in the null space of \(a.rowArrays)")
            }
            if !basis.isEmpty { #expect(Matrix(basis).rank == basis.count) }
            // Range: agrees with rank([M|b]) == rank(M), for a random b and for b = M w.
            let w = rng.integerVector(n)
            for b in [rng.integerVector(m), apply(a, w)] {
                let inRange = augment(a, b).rank == rank
                #expect(a.rangeContains(b) == inRange)
                if inRange { consistent += 1 } else { inconsistent += 1 }
                let x0 = a.particularSolution(b)
                let x = a.leastNormSolution(b)
                #expect((x0 != nil) == inRange)
                #expect((x != nil) == inRange)
                guard let x0, let x else { continue }
                #expect(apply(a, x0) == b)
                #expect(apply(a, x) == b)
                // Least norm: orthogonal to the null space, and no longer than the particular one.
                for z in basis { #expect(dot(x, z).isZero, "least-norm \(x) not ⊥ \(z)") }
                #expect(dot(x, x) <= dot(x0, x0))
            }
        }
        #expect(inconsistent > 30 && consistent > 250)
    }
}
