import SeededRandom
import ExactArithmetic
@testable import ModularArithmetic
import Testing

/// Integral combinations Σ_c λ_c·K_SS⁻¹b_c rebuilt from `PrincipalInverse`'s residues equal the
/// exact ones formed from its numerators: the lasso knot's (b·N_0 − a·N_1)/det (integral by
/// Sylvester's identity) and det·Σ μ_c x_c, with bounds from bit widths as the lasso takes them;
/// a snapshot keeps its values while the system changes; too large a bound gives nil.
@Suite struct SolutionResiduesTests {
    /// Σ_c λ_c·N_c / det, the division checked.
    static func exactCombination(_ system: PrincipalInverse, _ lambda: [BigInteger]) -> [BigInteger] {
        system.indices.indices.map { a in
            var t = BigInteger(0)
            for (c, l) in lambda.enumerated() { t.addProduct(l, system.numerators[c][a]) }
            let (q, r) = t.quotientAndRemainder(dividingBy: system.determinant)
            #expect(r.isZero, "not integral")
            return q
        }
    }

    /// The bound the lasso's knot uses for two terms: |λ_0 N_0 + λ_1 N_1|/det < 2^(max(bits λ_c + bits N_c) + 2 − bits det).
    static func bits(_ system: PrincipalInverse, _ lambda: [BigInteger]) -> Int {
        var top = 0
        for (c, l) in lambda.enumerated() { for n in system.numerators[c] { top = max(top, l.bitWidth + n.bitWidth) } }
        return top + 2 - system.determinant.bitWidth
    }

    @Test(arguments: [1, 2, 3])
    func knotCombinationsAreTheExactQuotients(_ seed: Int) {
        var g = SplitMix64(seed: UInt64(100 + seed))
        let d = 10
        // Entries of ~150 bits at seed 3: det and numerators span many primes.
        let scale = seed == 3 ? BigInteger(1).shiftedLeft(70) + BigInteger(977) : BigInteger(seed)
        let K = PrincipalInverseTests.randomSPD(&g, size: d, scale: scale)
        let r = (0..<d).map { _ in BigInteger(g.nextInt(in: -90...90)) * scale }
        let signs = (0..<d).map { _ in BigInteger(g.nextInt(in: 0...1) == 0 ? -1 : 1) }
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: d, rhsBounds: [r, signs.map { _ in BigInteger(1) }], maximumSize: d)
        var outside = Array(0..<d)
        for step in 0..<30 {
            if !outside.isEmpty, system.count < 2 || g.nextInt(in: 0...2) > 0 {
                let j = outside.remove(at: g.nextInt(in: 0...(outside.count - 1)))
                #expect(system.append(j, rhs: [r[j], signs[j]]) == nil)
            } else {
                let k = g.nextInt(in: 0...(system.count - 1))
                outside.append(system.indices[k])
                #expect(system.remove(at: k) == nil)
            }
            let snapshot = system.solutionResidues()
            #expect(snapshot.indices == system.indices)
            // A drop's crossing a/b = N_0l/N_1l, and det·(μ_0, μ_1) for random μ.
            let l = g.nextInt(in: 0...(system.count - 1))
            let mu = [BigInteger(g.nextInt(in: -1000...1000)), BigInteger(g.nextInt(in: -1000...1000))]
            for lambda in [[system.numerators[1][l], -system.numerators[0][l]], mu.map { $0 * system.determinant }] {
                let expected = Self.exactCombination(system, lambda)
                #expect(snapshot.integerCombination(lambda, bits: Self.bits(system, lambda)) == expected, "step \(step)")
            }
            // The snapshot is a copy: a later change leaves it as it was.
            if let j = outside.first, step % 5 == 0 {
                let lambda = [system.numerators[1][0], -system.numerators[0][0]]
                let before = Self.exactCombination(system, lambda), bits = Self.bits(system, lambda)
                #expect(system.append(j, rhs: [r[j], signs[j]]) == nil)
                outside.removeFirst()
                #expect(snapshot.integerCombination(lambda, bits: bits) == before)
            }
        }
        #expect(system.solutionResidues().integerCombination([BigInteger(1), BigInteger(1)], bits: 1 << 20) == nil)
    }

    /// After an unlucky prime is replaced, a snapshot reconstructs over the new primes.
    @Test func combinationsAfterAnUnluckyPrime() {
        let p = WordModulus.primes(count: 1)[0].p
        let big = BigInteger(Int(p))
        let K = [[big, BigInteger(1), BigInteger(0)], [BigInteger(1), BigInteger(3), BigInteger(1)], [BigInteger(0), BigInteger(1), big * BigInteger(2)]]
        let b = [[BigInteger(1), BigInteger(-2), BigInteger(5)], [BigInteger(1), BigInteger(1), BigInteger(-1)]]
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: 3, rhsBounds: b, maximumSize: 3)
        for j in [0, 1, 2] {
            #expect(system.append(j, rhs: [b[0][j], b[1][j]]) == nil)
            let lambda = [system.numerators[1][0], -system.numerators[0][0]]
            #expect(system.solutionResidues().integerCombination(lambda, bits: Self.bits(system, lambda)) == Self.exactCombination(system, lambda))
        }
    }
}
