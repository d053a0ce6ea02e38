import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
@testable import FaceSolver

/// The least-norm minimiser when null(P_KK) has dimension two or more: by hand, and against
/// brute force over the faces of the solution set, on random problems with short and with long
/// entries.
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

    /// The least-norm point of S = {w on K : P_KK w = P_KK z, w_C ≥ 0} lies in the relative
    /// interior of a face S ∩ {w_A = 0}, where it is the least-norm solution of the equations
    /// alone: so it is the least-norm feasible one among those of every A ⊆ C.
    static func bruteForceLeastNorm(_ problem: OrientedProblem, _ z: [Rational], _ k: [Int]) -> (least: [Rational], projection: [Rational]) {
        var pkk = Matrix(rows: k.count, columns: k.count)
        pkk.elements = problem.principal(k)
        let b = pkk * k.map { z[$0] }
        let c = k.indices.filter { problem.constrained[k[$0]] }
        var best: [Rational]?, projection: [Rational]?
        for mask in 0..<(1 << c.count) {
            let zero = c.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            var rows = pkk.rowArrays, rhs = b
            for a in zero { rows.append((0..<k.count).map { $0 == a ? .one : .zero }); rhs.append(.zero) }
            guard let w = Matrix(rows).leastNormSolution(rhs) else { continue }
            if mask == 0 { projection = w }
            guard c.allSatisfy({ w[$0].signum >= 0 }) else { continue }
            if best == nil || dot(w, w) < dot(best!, best!) { best = w }
        }
        func embedded(_ w: [Rational]) -> [Rational] {
            var v = [Rational](repeating: .zero, count: problem.n)
            for (a, i) in k.enumerated() { v[i] = w[a] }
            return v
        }
        return (embedded(best!), embedded(projection!))
    }

    @Test func agreesWithBruteForce() throws {
        var rng = SplitMix64(seed: 611)
        let long = Rational(BigInteger.power(base: 2, exponent: 70) + BigInteger(1), BigInteger(7))
        var projected = 0, constrainedBy = 0
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
            let (least, projection) = Self.bruteForceLeastNorm(problem, z, k)
            #expect(problem.minimiserCoordinates(at: z) == k)
            #expect(try problem.leastNormMinimiser(near: z, coordinates: k) == least, "trial \(trial)")
            if least == projection { projected += 1 } else { constrainedBy += 1 }
        }
        #expect(projected > 100 && constrainedBy > 10)
    }
}
