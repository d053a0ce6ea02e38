import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver
import SeededRandom


func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }
func vec(_ v: [Int]) -> [Rational] { v.map { Rational($0) } }
func mat(_ rows: [[Int]]) -> Matrix { Matrix(rows.map(vec)) }

/// The KKT conditions, written independently of the solver: sign feasibility, gradient zero on
/// free coordinates, sign and complementarity of the multipliers on constrained ones.
func satisfiesKKT(_ z: [Rational], _ problem: FaceProblem) -> Bool {
    let g = (problem.P * z).subtracting(problem.p)
    for i in z.indices {
        switch problem.constraints[i] {
        case .free: if !g[i].isZero { return false }
        case .nonnegative: if z[i].signum < 0 || g[i].signum < 0 || (!z[i].isZero && !g[i].isZero) { return false }
        case .nonpositive: if z[i].signum > 0 || g[i].signum > 0 || (!z[i].isZero && !g[i].isZero) { return false }
        }
    }
    return true
}

func isFeasible(_ z: [Rational], _ constraints: [SignConstraint]) -> Bool {
    zip(z, constraints).allSatisfy { v, c in
        switch c {
        case .free: return true
        case .nonnegative: return v.signum >= 0
        case .nonpositive: return v.signum <= 0
        }
    }
}
