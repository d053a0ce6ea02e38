import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import ModularArithmetic
import SaddleToSaddle
import Testing

/// The modular fraction-free system behind the warm-started face solves: exact det and numerators
/// after every bordering and removal, checked against exact rational elimination.
@Suite struct PrincipalSystemTests {
    /// K = AᵀA + I for a random integer A (positive definite), entries of a few digits.
    static func randomSPD(_ g: inout SplitMix64, size d: Int, magnitude: Int) -> [[BigInteger]] {
        let a = (0..<(d + 2)).map { _ in (0..<d).map { _ in g.nextInt(in: -magnitude...magnitude) } }
        return (0..<d).map { i in (0..<d).map { j in
            BigInteger((0..<(d + 2)).reduce(i == j ? 1 : 0) { $0 + a[$1][i] * a[$1][j] })
        } }
    }

    static func check(_ system: PrincipalSystem, _ K: [[BigInteger]]) {
        let s = system.indices
        let sub = Matrix(s.map { i in s.map { j in Rational(K[i][j]) } })
        #expect(Rational(system.determinant) == sub.determinant)
        let x = sub.solve(system.rhs.map { Rational($0) }) ?? []
        #expect(system.numerators.map { Rational($0, system.determinant) } == x)
    }

    @Test(arguments: [1, 2, 3, 4])
    func appendsAndRemovalsStayExact(_ seed: Int) {
        var g = SplitMix64(seed: UInt64(seed))
        let d = 9
        // Entries up to ~10⁸ make det and numerators need several primes.
        let K = Self.randomSPD(&g, size: d, magnitude: seed == 4 ? 9_999 : 9)
        let rhs = (0..<d).map { _ in BigInteger(g.nextInt(in: -50...50)) }
        var system = PrincipalSystem(K: K, rhsBound: rhs.map(\.magnitude))
        var outside = Array(0..<d)
        for step in 0..<30 {
            if !outside.isEmpty, system.indices.count < 2 || g.nextInt(in: 0...2) > 0 {
                let j = outside.remove(at: g.nextInt(in: 0...(outside.count - 1)))
                #expect(system.append(j, rhs: rhs[j]) == nil, "step \(step)")
            } else {
                let k = g.nextInt(in: 0...(system.indices.count - 1))
                outside.append(system.indices[k])
                #expect(system.remove(at: k) == nil, "step \(step)")
            }
            Self.check(system, K)
        }
    }

    /// A singular bordering is refused and leaves the system as it was.
    @Test func singularBorderingIsRefused() {
        let K = [[1, 2, 3], [2, 4, 6], [3, 6, 10]].map { $0.map { BigInteger($0) } }
        var system = PrincipalSystem(K: K, rhsBound: [1, 1, 1].map { BigInteger($0) })
        #expect(system.append(0, rhs: 1) == nil)
        #expect(system.append(1, rhs: 1) == .singular)
        #expect(system.indices == [0])
        #expect(system.append(2, rhs: 1) == nil)
        Self.check(system, K)
    }

    /// det K_{00} = 1073741789, the first prime used: inverting it modulo that prime is impossible,
    /// which is reported as unlucky; another prime range then works, and so does the limit.
    @Test func unluckyPrimeIsReportedAndAvoided() throws {
        let p = 1_073_741_789
        #expect(Modulus.prime(below: 1 << 30)?.p == UInt64(p))
        let K = [[p, 1], [1, 1]].map { $0.map { BigInteger($0) } }
        var system = PrincipalSystem(K: K, rhsBound: [1, 1].map { BigInteger($0) })
        #expect(system.append(0, rhs: 1) == nil)
        #expect(system.determinant == BigInteger(p))
        #expect(system.append(1, rhs: 1) == .unlucky)
        var other = PrincipalSystem(K: K, rhsBound: [1, 1].map { BigInteger($0) }, primeOffset: 1)
        #expect(other.append(0, rhs: 1) == nil)
        #expect(other.append(1, rhs: 1) == nil)
        Self.check(other, K)
        // Through the limit: coordinate 1 enters first, then 2 needs the unlucky inversion.
        let problem = try Problem(M: Matrix([[Rational(p), 1], [1, 1]]), r: [Rational(2 * p), 3])
        let warm = try DLNLimit(problem: problem), cold = try DLNLimit(problem: problem, warmStart: false)
        #expect(warm.saddles == cold.saddles)
        #expect(warm.saddles.count == 3)
    }
}
