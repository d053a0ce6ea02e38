import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver
import ProblemDefinition

/// The face problems of docs/math.md §1, solved by the exact face solver (docs/math.md §5).
enum DirectionalProblem {
    /// The direction `v = dx/d(−κ)` at a knot: `min ½vᵀM_EE v − s_Eᵀv` s.t. `s_i v_i ≥ 0` on
    /// Z = {i ∈ E : x_i = 0}, v = 0 off E. Its KKT conditions are exactly "c stays at ±κ on the
    /// moving coordinates, and no resting coordinate of E is pushed outside [−κ, κ]", so one rule
    /// covers simultaneous joins and drops, a join and a drop at one knot, and re-entry with the
    /// opposite sign. When the minimiser is not unique the face solver's least-norm choice is
    /// taken (the canonical member).
    static func direction(problem: Problem, x: [Rational], equicorrelationSigns s: [Int]) throws -> [Rational] {
        let e = s.indices.filter { s[$0] != 0 }
        let constraints: [SignConstraint] = e.map { i in
            if !x[i].isZero { return .free }
            return s[i] > 0 ? .nonnegative : .nonpositive
        }
        let face = FaceProblem(P: problem.M.submatrix(rows: e, columns: e), p: e.map { Rational(s[$0]) }, constraints: constraints, isKnownSemidefinite: true)
        let solution: FaceSolution
        do {
            solution = try solveFace(face)
        } catch {
            throw LassoPathError.internalError("the directional problem at a knot has no solution: \(error)")
        }
        var v = [Rational](repeating: .zero, count: x.count)
        for (a, i) in e.enumerated() { v[i] = solution.z[a] }
        return v
    }

    /// Whether x is the only lasso solution at κ (docs/math.md §1 "Non-uniqueness"). Every solution has
    /// the same c, hence the same E and signs, so the solutions are exactly the minimisers of
    /// `½x_EᵀM_EE x_E − (r_E − κs_E)ᵀx_E` with `s_i x_i ≥ 0` on E (the lasso restricted to its
    /// face); at κ = 0 the minimisers of ℓ itself (positive lasso: over x ≥ 0).
    static func solutionIsUnique(problem: Problem, kappa: Rational, x: [Rational], equicorrelationSigns s: [Int]) throws -> Bool {
        if problem.isPositiveDefinite { return true }
        let positive = problem.variant == .positive
        if kappa.isZero && !positive { return false } // {x : Mx = r} is a line or more when M is singular
        let face: FaceProblem
        let e: [Int]
        if kappa.isZero {
            e = Array(x.indices)
            face = FaceProblem(P: problem.M, p: problem.r, constraints: Array(repeating: positive ? .nonnegative : .free, count: x.count), isKnownSemidefinite: true)
        } else {
            e = s.indices.filter { s[$0] != 0 }
            face = FaceProblem(
                P: problem.M.submatrix(rows: e, columns: e),
                p: e.map { problem.r[$0] - kappa * Rational(s[$0]) },
                constraints: e.map { s[$0] > 0 ? .nonnegative : .nonpositive }, isKnownSemidefinite: true)
        }
        do {
            return try minimiserIsUnique(e.map { x[$0] }, of: face)
        } catch {
            throw LassoPathError.internalError("uniqueness test at κ = \(kappa) failed: \(error)")
        }
    }
}
