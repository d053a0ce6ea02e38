import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
@testable import ModularArithmetic
import Testing

/// K_SS⁻¹ modulo 62-bit primes behind the lasso's integer engine: exact det and numerators for
/// two right-hand sides after every bordering and removal, checked against exact rational
/// elimination; singular borderings and unlucky primes.
@Suite struct PrincipalInverseTests {
    static func check(_ system: PrincipalInverse, _ K: [[BigInteger]], _ rhs: [[BigInteger]]) {
        let s = system.indices
        let sub = Matrix(s.map { i in s.map { j in Rational(K[i][j]) } })
        #expect(Rational(system.determinant) == sub.determinant)
        for (c, b) in rhs.enumerated() {
            let x = sub.solve(s.map { Rational(b[$0]) }) ?? []
            #expect(system.numerators[c].map { Rational($0, system.determinant) } == x)
        }
    }

    /// K = AᵀA + I for a random integer A (positive definite), entries of A times `scale`.
    static func randomSPD(_ g: inout SplitMix64, size d: Int, scale: BigInteger) -> [[BigInteger]] {
        let a = (0..<(d + 2)).map { _ in (0..<d).map { _ in BigInteger(g.nextInt(in: -9...9)) * scale } }
        return (0..<d).map { i in (0..<d).map { j in
            (0..<(d + 2)).reduce(BigInteger(i == j ? 1 : 0)) { $0 + a[$1][i] * a[$1][j] }
        } }
    }

    @Test(arguments: [1, 2, 3, 4])
    func appendsAndRemovalsStayExact(_ seed: Int) {
        var g = SplitMix64(seed: UInt64(seed))
        let d = 12
        // Entries of ~150 bits (seed 4) make det and numerators need many primes.
        let K = Self.randomSPD(&g, size: d, scale: seed == 4 ? BigInteger(1).shiftedLeft(70) + BigInteger(12_345) : BigInteger(1))
        let r = (0..<d).map { _ in BigInteger(g.nextInt(in: -50...50)) * (seed == 4 ? BigInteger(1 << 40) : BigInteger(1)) }
        let signs = (0..<d).map { _ in g.nextInt(in: 0...1) == 0 ? -1 : 1 }
        let rhs = [r, signs.map { BigInteger($0) }]
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: d, rhsBounds: [r, Array(repeating: BigInteger(1), count: d)],
                                      maximumSize: seed == 3 ? 1 : d)
        var outside = Array(0..<d)
        for step in 0..<40 {
            if !outside.isEmpty, system.count < 2 || g.nextInt(in: 0...2) > 0 {
                let j = outside.remove(at: g.nextInt(in: 0...(outside.count - 1)))
                #expect(system.append(j, rhs: [r[j], BigInteger(signs[j])]) == nil, "step \(step)")
            } else {
                let k = g.nextInt(in: 0...(system.count - 1))
                outside.append(system.indices[k])
                #expect(system.remove(at: k) == nil, "step \(step)")
            }
            Self.check(system, K, rhs)
        }
        system.removeAll()
        #expect(system.indices.isEmpty && system.determinant == BigInteger(1))
        for j in [3, 1, 4] { #expect(system.append(j, rhs: [r[j], BigInteger(signs[j])]) == nil) }
        Self.check(system, K, rhs)
    }

    /// 96 indices: y = K⁻¹m sums rows and columns of the stored lower triangle in 128 bits over
    /// many 8-term blocks (products of residues near 2⁶² average 2¹²², so some 64 terms would
    /// overflow without the reductions), and removals from the middle move the last index's row
    /// and column into place.
    @Test func longBorderingsAndMiddleRemovalsStayExact() {
        var g = SplitMix64(seed: 40)
        let d = 96
        let K = Self.randomSPD(&g, size: d, scale: BigInteger(1))
        let r = (0..<d).map { _ in BigInteger(g.nextInt(in: -1_000...1_000)) }
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: d, rhsBounds: [r], maximumSize: d)
        for j in 0..<d { #expect(system.append(j, rhs: [r[j]]) == nil) }
        for q in [17, 3, 80, 0] { #expect(system.remove(at: q) == nil) }
        Self.check(system, K, [r])
        let removed = (0..<d).filter { !system.indices.contains($0) }
        for j in removed { #expect(system.append(j, rhs: [r[j]]) == nil) }
        Self.check(system, K, [r])
    }

    /// The per-prime buffers double (from 8) but not past `maximumSize`, and past it grow one
    /// index at a time, staying exact (d = 12: doubling alone would reach 16).
    @Test(arguments: [(12, [8, 8, 8, 8, 8, 8, 8, 8, 12, 12, 12, 12]), (10, [8, 8, 8, 8, 8, 8, 8, 8, 10, 10, 11, 12]),
                      (5, [5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12])])
    func buffersStopGrowingAtTheLargestExpectedSize(_ maximumSize: Int, _ capacities: [Int]) {
        var g = SplitMix64(seed: 11)
        let d = 12
        let K = Self.randomSPD(&g, size: d, scale: BigInteger(1))
        let r = (0..<d).map { _ in BigInteger(g.nextInt(in: -50...50)) }
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: d, rhsBounds: [r], maximumSize: maximumSize)
        var seen: [Int] = []
        for j in (0..<d).reversed() {
            #expect(system.append(j, rhs: [r[j]]) == nil)
            seen.append(system.capacity)
        }
        #expect(seen == capacities)
        Self.check(system, K, [r])
    }

    /// On random Gram matrices BᵀB (singular when B has fewer rows than columns) a bordering is
    /// refused exactly when the grown block is singular, and everything else stays exact.
    @Test func gramMatricesRefuseExactlyTheSingularBorderings() {
        var g = SplitMix64(seed: 503)
        for trial in 0..<40 {
            let n = g.nextInt(in: 2...6), rows = g.nextInt(in: 1...(n + 1))
            let b = (0..<rows).map { _ in (0..<n).map { _ in g.nextInt(in: -3...3) } }
            let K = (0..<n).map { i in (0..<n).map { j in BigInteger((0..<rows).reduce(0) { $0 + b[$1][i] * b[$1][j] }) } }
            let rhs = [(0..<n).map { _ in BigInteger(g.nextInt(in: -4...4)) }]
            let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: n, rhsBounds: rhs, maximumSize: n)
            for _ in 0..<12 {
                let present = system.indices
                if !present.isEmpty && (present.count == n || g.nextInt(in: 0...2) == 0) {
                    // Every principal block of a positive definite block is positive definite.
                    #expect(system.remove(at: g.nextInt(in: 0...(present.count - 1))) == nil, "trial \(trial)")
                } else {
                    let j = (0..<n).filter { !present.contains($0) }[0]
                    let grown = present + [j]
                    let singular = Matrix(grown.map { i in grown.map { Rational(K[i][$0]) } }).determinant.isZero
                    let result = system.append(j, rhs: [rhs[0][j]])
                    #expect((result == .singular) == singular, "trial \(trial)")
                    if singular { #expect(system.indices == present, "trial \(trial)") }
                }
                if system.count > 0 { Self.check(system, K, rhs) }
            }
        }
    }

    /// A singular bordering or removal is refused and leaves the system as it was.
    @Test func singularChangesAreRefused() {
        let K = [[1, 2, 3], [2, 4, 6], [3, 6, 10]].map { $0.map { BigInteger($0) } }
        let b = [[5, 7, -2].map { BigInteger($0) }]
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: 3, rhsBounds: b, maximumSize: 3)
        #expect(system.append(0, rhs: [b[0][0]]) == nil)
        #expect(system.append(1, rhs: [b[0][1]]) == .singular)
        #expect(system.indices == [0])
        #expect(system.append(2, rhs: [b[0][2]]) == nil)
        Self.check(system, K, b)
        // {0, 1, 2} is singular, {1, 2} is not: removing 0 from a singular set is never asked;
        // from {0, 2} removing either leaves a 1×1 positive block.
        #expect(system.remove(at: 0) == nil)
        #expect(system.indices == [2])
        Self.check(system, K, b)
    }

    /// A bordering whose determinant is negative (K not positive semidefinite: primes are updated
    /// before the sign is known) is refused like a singular one and leaves the system as it was.
    @Test func negativeDeterminantIsRefusedAndUndone() {
        let K = [[2, 3, 1], [3, 2, 0], [1, 0, 5]].map { $0.map { BigInteger($0) } } // det{0,1} = −5
        let b = [[4, -1, 3].map { BigInteger($0) }, [1, 1, -1].map { BigInteger($0) }]
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: 3, rhsBounds: b, maximumSize: 3)
        #expect(system.append(0, rhs: [b[0][0], b[1][0]]) == nil)
        #expect(system.append(1, rhs: [b[0][1], b[1][1]]) == .singular)
        #expect(system.indices == [0] && system.determinant == BigInteger(2))
        Self.check(system, K, b)
        #expect(system.append(2, rhs: [b[0][2], b[1][2]]) == nil)
        #expect(system.determinant == BigInteger(9))
        Self.check(system, K, b)
    }

    /// A prime dividing det(K_SS) cannot hold K_SS⁻¹: it is replaced and the values stay exact.
    @Test func unluckyPrimeIsReplaced() {
        let p = WordModulus.primes(count: 1)[0].p
        #expect(p == (1 << 62) - 57)
        let big = BigInteger(Int(p))
        let K = [[big, BigInteger(1), BigInteger(0)], [BigInteger(1), BigInteger(3), BigInteger(1)], [BigInteger(0), BigInteger(1), big * BigInteger(2)]]
        let b = [[BigInteger(1), BigInteger(-2), BigInteger(5)]]
        let system = PrincipalInverse(K: K.flatMap { $0 }, dimension: 3, rhsBounds: b, maximumSize: 3)
        for j in [0, 1, 2] {
            #expect(system.append(j, rhs: [b[0][j]]) == nil)
            Self.check(system, K, b)
        }
        #expect(system.remove(at: 1) == nil)
        Self.check(system, K, b)
    }

    @Test func wordPrimesAreThePrimesBelowTwoToThe62() {
        // 2⁶² − 57, − 87, − 117 are the three largest primes below 2⁶² (OEIS A013603 lists 57).
        #expect(WordModulus.primes(count: 3).map { (1 << 62) - $0.p } == [57, 87, 117])
        #expect(!WordModulus.isPrime(3_215_031_751)) // a strong pseudoprime to bases 2, 3, 5, 7
        #expect(WordModulus.isPrime(2_305_843_009_213_693_951)) // 2⁶¹ − 1
    }
}
