import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SeededRandom


func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }
func vec(_ v: [Int]) -> [Rational] { v.map { Rational($0) } }
func mat(_ rows: [[Int]]) -> Matrix { Matrix(rows.map(vec)) }

/// The lasso KKT conditions at κ (docs/math.md §1), written here from the definition and independent of
/// the library's certificate: c = r − Mx; signed: |c_i| ≤ κ with c_i = κ·sign(x_i) where
/// x_i ≠ 0; positive: x ≥ 0, c_i ≤ κ with equality where x_i > 0.
func isLassoSolution(_ x: [Rational], _ problem: Problem, kappa: Rational) -> Bool {
    let c = problem.r.subtracting(problem.M * x)
    for i in x.indices {
        if problem.variant == .positive {
            if x[i].signum < 0 || c[i] > kappa || (x[i].signum > 0 && c[i] != kappa) { return false }
        } else {
            if c[i] > kappa || c[i] < -kappa { return false }
            if !x[i].isZero && c[i] != kappa * Rational(x[i].signum) { return false }
        }
    }
    return true
}

/// Every lasso solution at κ with linearly independent support columns (the vertices of the
/// solution set), by enumeration: for each support S with M_SS nonsingular and each sign vector
/// s (positive lasso: s = 𝟙), x_S = M_SS⁻¹(r_S − κs), kept when sign(x_S) = s and KKT holds.
/// The solution is unique exactly when there is one vertex (the solution set is a polytope).
struct BruteForceLasso {
    let problem: Problem
    /// For each support with M_SS nonsingular: S, M_SS⁻¹ r_S and the columns of M_SS⁻¹.
    private var systems: [(support: [Int], base: [Rational], inverse: [[Rational]])] = []

    init(_ problem: Problem) {
        self.problem = problem
        let d = problem.dimension
        for mask in 0..<(1 << d) {
            let s = (0..<d).filter { mask & (1 << $0) != 0 }
            let sub = problem.M.submatrix(rows: s, columns: s)
            guard let base = sub.solve(s.map { problem.r[$0] }) else { continue }
            let inverse = s.indices.map { k in sub.solve(s.indices.map { $0 == k ? Rational.one : .zero })! }
            systems.append((s, base, inverse))
        }
    }

    func solutions(at kappa: Rational) -> [[Rational]] {
        let d = problem.dimension
        var found: [[Rational]] = []
        for (s, base, inverse) in systems {
            let patterns = problem.variant == .positive ? 1 : (1 << s.count)
            for pattern in 0..<patterns {
                let signs = s.indices.map { pattern & (1 << $0) != 0 ? -1 : 1 }
                var xs = base
                for (k, column) in inverse.enumerated() {
                    for a in s.indices { xs[a] -= kappa * Rational(signs[k]) * column[a] }
                }
                guard s.indices.allSatisfy({ xs[$0].signum == signs[$0] }) else { continue }
                var x = [Rational](repeating: .zero, count: d)
                for (a, i) in s.enumerated() { x[i] = xs[a] }
                if isLassoSolution(x, problem, kappa: kappa) && !found.contains(x) { found.append(x) }
            }
        }
        return found
    }
}
