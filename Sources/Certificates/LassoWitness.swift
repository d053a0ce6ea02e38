import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

extension ConeWitness {
    /// The witness for "x is the only lasso solution at κ" (proofs/lasso-uniqueness.md): every
    /// solution has the same c = r − Mx, so the solutions are x + C on T = the equicorrelation set
    /// E = {i : |c_i| = κ} (positive variant: c_i = κ) with σ = sign(c) and Z = {i ∈ E : x_i = 0};
    /// for the signed lasso at κ = 0 no sign is held: T = every coordinate, Z = ∅.
    init(lasso problem: Problem, kappa: Rational, x: [Rational]) throws {
        if problem.isPositiveDefinite {
            self = .nonsingular
            return
        }
        let d = problem.dimension
        if problem.variant == .signed && kappa.isZero {
            try self.init(M: problem.M, free: Array(0..<d), zero: [], sigma: [Int](repeating: 0, count: d))
            return
        }
        let c = problem.r.subtracting(problem.M * x)
        let sigma = c.map { problem.variant == .positive ? ($0 == kappa ? 1 : 0) : ($0.magnitude == kappa ? $0.signum : 0) }
        let free = (0..<d).filter { sigma[$0] != 0 }
        try self.init(M: problem.M, free: free, zero: free.filter { x[$0].isZero }, sigma: sigma)
    }
}
