import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver
import ProblemDefinition

/// The face problem of docs/math.md §3 at a saddle, handed to the general exact solver `solveFace`:
/// minimise ℓ(x) + λwd‖x‖₁ over F(q). On the face the signs are known, so the ℓ1 term is the
/// linear term λwd·σᵀx and folds into p: P = M_FF, p = r_F − λwd σ_F, with x_i ≥ 0 where σ_i = +1
/// and x_i ≤ 0 where σ_i = −1; coordinates off the face are fixed at 0 (dropped).
struct DLNFace {
    let indices: [Int]
    /// σ_i for every coordinate: +1 / −1 on the face, 0 off it.
    let sign: [Int]

    /// The face problem, started from the support of `near` (the previous saddle's minimiser,
    /// usually one coordinate away) where it lies on the face.
    func faceProblem(_ problem: Problem, near: [Rational]) -> FaceProblem {
        let lwd = problem.weightDecay
        return FaceProblem(
            P: problem.M.submatrix(rows: indices, columns: indices),
            p: indices.map { problem.r[$0] - (sign[$0] > 0 ? lwd : -lwd) },
            constraints: indices.map { sign[$0] > 0 ? .nonnegative : .nonpositive }, isKnownSemidefinite: true,
            warmSupport: indices.indices.filter { !near[indices[$0]].isZero })
    }

    /// The minimiser (full length d) and whether it is unique; `near` as in `faceProblem`.
    func solve(_ problem: Problem, near: [Rational]) throws -> (x: [Rational], isUnique: Bool) {
        var x = [Rational](repeating: .zero, count: problem.dimension)
        guard !indices.isEmpty else { return (x, true) }
        let solution = try solveFace(faceProblem(problem, near: near))
        for (a, i) in indices.enumerated() { x[i] = solution.z[a] }
        return (x, solution.isUnique)
    }

    /// Exact KKT certificate of a face minimiser (docs/math.md §3, §5), given c = r − Mx: x vanishes off
    /// the face; on it σ_i x_i ≥ 0, and the gradient −c_i + λwd σ_i is 0 where x_i ≠ 0 and has
    /// σ_i·(−c_i + λwd σ_i) ≥ 0, i.e. σ_i c_i ≤ λwd, where x_i = 0. Returns the first failure.
    func kktFailure(x: [Rational], correlation c: [Rational], weightDecay lwd: Rational) -> String? {
        for i in x.indices {
            let sigma = sign[i]
            if sigma == 0 {
                if !x[i].isZero { return "x_\(i + 1) = \(x[i]) is nonzero off the face" }
                continue
            }
            let outward = sigma > 0 ? c[i] : -c[i]
            if x[i].isZero {
                if outward > lwd { return "coordinate \(i + 1) is at 0 but its dual σc = \(outward) exceeds λwd = \(lwd)" }
            } else {
                if x[i].signum != sigma { return "x_\(i + 1) = \(x[i]) has the wrong sign for the face" }
                if outward != lwd { return "coordinate \(i + 1) is nonzero but σc = \(outward) ≠ λwd = \(lwd)" }
            }
        }
        return nil
    }
}
