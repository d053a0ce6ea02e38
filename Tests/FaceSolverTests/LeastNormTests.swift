import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
@testable import FaceSolver

/// The least-norm minimiser when null(P_KK) has dimension two or more: by hand, and the
/// projection against the dual face problem, two independent computations, on random problems
/// with short and with long entries.
@Suite struct LeastNormTests {
    @Test func planesOfMinimisersByHand() throws {
        // P = 𝟙𝟙ᵀ (3×3), p = 𝟙: minimisers z₁ + z₂ + z₃ = 1, a plane; least norm (1/3, 1/3, 1/3).
        let ones = mat([[1, 1, 1], [1, 1, 1], [1, 1, 1]])
        let free = try solveFace(FaceProblem(P: ones, p: vec([1, 1, 1]), constraints: [.free, .nonnegative, .free]))
        #expect(free.z == [q(1, 3), q(1, 3), q(1, 3)] && !free.isUnique)
        // With z₃ ≤ 0 the projection (1/3, 1/3, 1/3) is infeasible: least norm (1/2, 1/2, 0).
        let signed = try solveFace(FaceProblem(P: ones, p: vec([1, 1, 1]), constraints: [.free, .free, .nonpositive]))
        #expect(signed.z == [q(1, 2), q(1, 2), .zero] && !signed.isUnique)
    }

    @Test func projectionAgreesWithTheDual() throws {
        var rng = SplitMix64(seed: 611)
        let long = Rational(BigInteger.power(base: 2, exponent: 70) + BigInteger(1), BigInteger(7))
        var projected = 0, infeasible = 0
        for trial in 0..<200 {
            let n = rng.nextInt(in: 3...6)
            let b = mat((0..<rng.nextInt(in: 1...(n - 2))).map { _ in (0..<n).map { _ in rng.nextInt(in: -2...2) } })
            let scale = trial % 2 == 0 ? Rational.one : long
            let P = scale * (b.transposed * b)
            let p = scale * (b.transposed * vec((0..<b.rows).map { _ in rng.nextInt(in: -3...3) }))
            let problem = OrientedProblem(n: n, P: P.elements, p: p, constrained: (0..<n).map { _ in rng.nextInt(in: 0...2) == 0 })
            let z = try ActiveSetMinimiser(problem: problem).minimise()
            let g = problem.gradient(z)
            let k = (0..<n).filter { !problem.constrained[$0] || g[$0].isZero }
            let dual = try problem.leastNormByDual(z, k)
            guard let closed = try problem.leastNormByProjection(z, k) else { infeasible += 1; continue }
            #expect(closed == dual, "trial \(trial)")
            projected += 1
        }
        #expect(projected > 100 && infeasible > 5)
    }
}
