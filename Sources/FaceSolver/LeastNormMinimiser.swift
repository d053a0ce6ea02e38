import ExactArithmetic
import ExactLinearAlgebra

extension OrientedProblem {
    /// The minimiser of least Euclidean norm, given one minimiser z and its K
    /// (`minimiserCoordinates(at: z)`; docs/math.md §1 "canonical member").
    ///
    /// With K the coordinates that may be nonzero in some minimiser (free, or constrained with
    /// zero multiplier), C the constrained ones among them and h₁…h_r a basis of null(P_KK)
    /// (embedded), the minimisers are the feasible points z + Σ t_i h_i. Three cases:
    /// - r = 1: t in an interval [lo, hi] (from z_i + t·h_i ≥ 0), and the least-norm one has
    ///   t = clamp(−zᵀh / hᵀh, lo, hi);
    /// - u, the projection of z onto null(P_KK)^⊥, is feasible: least norm over the whole affine
    ///   set, so over its feasible part too;
    /// - otherwise z' = u + ΠE_Cν, Π the orthogonal projector onto null(P_KK) and ν ≥ 0 the
    ///   multipliers of z'_C ≥ 0: they solve the face problem min ½νᵀΠ_CCν + u_Cᵀν, ν ≥ 0 (its
    ///   KKT conditions are z'_C = u_C + Π_CCν ≥ 0 and ν_c z'_c = 0), of |C| variables and rank r.
    /// Each is certified exactly: z' is a minimiser, and the projection's KKT conditions hold.
    func leastNormMinimiser(near z: [Rational], coordinates k: [Int]) throws -> [Rational] {
        guard let factorisation = SemidefiniteFactorisation(symmetric: principal(k), order: k.count) else {
            throw FaceSolverError.invalidProblem("P is not positive semidefinite")
        }
        let null = factorisation.nullSpace.map { h in
            var embedded = [Rational](repeating: .zero, count: n)
            for (a, i) in k.enumerated() { embedded[i] = h[a] }
            return embedded
        }
        if null.count == 1 { return try leastNormOnALine(z, null[0]) }
        // Π v = H G⁻¹Hᵀv with G = HᵀH (nonsingular: each h_k is 1 at its own null index).
        let r = null.count
        var gram = [Rational](repeating: .zero, count: r * r)
        for a in 0..<r { for b in a..<r { gram[a * r + b] = dot(null[a], null[b]); gram[b * r + a] = gram[a * r + b] } }
        guard let inverse = SemidefiniteFactorisation(symmetric: gram, order: r), inverse.rank == r else {
            throw FaceSolverError.internalCheckFailed("the null-space basis is not independent")
        }
        func coefficients(_ hv: [Rational]) throws -> [Rational] {  // G⁻¹·(Hᵀv)
            guard case .solution(let t) = inverse.solve(hv) else {
                throw FaceSolverError.internalCheckFailed("the null-space Gram matrix is singular")
            }
            return t
        }
        func combination(_ t: [Rational]) -> [Rational] {           // Ht
            var v = [Rational](repeating: .zero, count: n)
            for (a, h) in null.enumerated() where !t[a].isZero {
                for i in 0..<n where !h[i].isZero { v[i].addProduct(t[a], h[i]) }
            }
            return v
        }
        let u = z.subtracting(combination(try coefficients(null.map { dot($0, z) })))
        let feasible = !k.contains { constrained[$0] && u[$0].signum < 0 }
        let c = feasible ? [] : k.filter { constrained[$0] }
        var result = u, nu = [Rational](repeating: .zero, count: c.count)
        if !c.isEmpty {
            // Π_CC column by column: Π e_c = H G⁻¹ (row c of H).
            let columns = try c.map { i in combination(try coefficients(null.map { $0[i] })) }
            var q = [Rational](repeating: .zero, count: c.count * c.count)
            for (a, column) in columns.enumerated() { for (b, i) in c.enumerated() { q[b * c.count + a] = column[i] } }
            let multipliers = OrientedProblem(n: c.count, P: q, p: c.map { -u[$0] }, constrained: Array(repeating: true, count: c.count))
            nu = try ActiveSetMinimiser(problem: multipliers).minimise()
            for (a, column) in columns.enumerated() where !nu[a].isZero {
                for i in 0..<n where !column[i].isZero { result[i].addProduct(nu[a], column[i]) }
            }
        }
        // Certificate: a minimiser, ν ≥ 0 with ν_c z'_c = 0, and z' − E_Cν ⊥ null(P_KK).
        var residual = result
        for (a, i) in c.enumerated() { residual[i] -= nu[a] }
        guard kktViolation(result) == nil,
              zip(c, nu).allSatisfy({ i, v in v.signum >= 0 && (v.isZero || result[i].isZero) }),
              null.allSatisfy({ dot($0, residual).isZero }) else {
            throw FaceSolverError.internalCheckFailed("the least-norm minimiser fails its projection's KKT conditions")
        }
        return result
    }

    /// r = 1 above: the minimisers are z + t·h for t in [lo, hi].
    private func leastNormOnALine(_ z: [Rational], _ h: [Rational]) throws -> [Rational] {
        var lo: Rational?, hi: Rational?
        for i in 0..<n where constrained[i] && !h[i].isZero {
            let bound = -z[i] / h[i]                       // z_i + t·h_i ≥ 0
            if h[i].signum > 0 { lo = lo.map { Rational.max($0, bound) } ?? bound }
            else { hi = hi.map { Rational.min($0, bound) } ?? bound }
        }
        var t = -dot(z, h) / dot(h, h)
        if let lo, t < lo { t = lo }
        if let hi, t > hi { t = hi }
        let result = t.isZero ? z : z.adding(t * h)
        // Certificate: still a minimiser (Ph = 0, feasible), and least norm on the segment
        // (t interior with hᵀz' = 0, or t at a bound with the gradient pointing outward).
        guard kktViolation(result) == nil else {
            throw FaceSolverError.internalCheckFailed("least-norm minimiser on a line fails KKT")
        }
        let slope = dot(result, h).signum
        guard slope == 0 || (slope > 0 && lo == t) || (slope < 0 && hi == t) else {
            throw FaceSolverError.internalCheckFailed("least-norm minimiser on a line is not least norm")
        }
        return result
    }
}
