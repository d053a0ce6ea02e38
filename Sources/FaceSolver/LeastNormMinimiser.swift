import ExactArithmetic
import ExactLinearAlgebra

extension OrientedProblem {
    /// The minimiser of least Euclidean norm, given one minimiser z (docs/math.md §1 "canonical member").
    ///
    /// With K the coordinates that may be nonzero in some minimiser (free, or constrained with
    /// zero multiplier) and C the constrained ones among them, the minimisers are
    /// {z' on K : P_KK z' = P_KK z, z'_C ≥ 0}. Projecting 0 onto that polyhedron has the dual
    /// `min ½‖P_KK λ + E ν‖² − (P_KK z)ᵀλ` over λ free, ν ≥ 0 (E embeds C), itself a face
    /// problem; the projection is z' = P_KK λ + E ν. The result is certified exactly: z' is a
    /// minimiser, and (λ, ν) with ν ≥ 0 and ν_c z'_c = 0 are the KKT multipliers of the
    /// projection, which proves least norm.
    func leastNormMinimiser(near z: [Rational]) throws -> [Rational] {
        let g = gradient(z)
        let k = (0..<n).filter { !constrained[$0] || g[$0].isZero }
        if let projected = try leastNormByProjection(z, k) { return projected }
        return try leastNormByDual(z, k)
    }

    /// The general case, by the dual face problem above.
    func leastNormByDual(_ z: [Rational], _ k: [Int]) throws -> [Rational] {
        let c = k.filter { constrained[$0] }
        let m = k.count, dual = m + c.count
        var pkk = Matrix(rows: m, columns: m)
        pkk.elements = principal(k)
        let b = pkk * k.map { z[$0] }
        // G = [P_KK | E], dual matrix GᵀG = [[P_KK², P_KK E], [EᵀP_KK, I]] (P_KK symmetric).
        let position = Dictionary(uniqueKeysWithValues: k.enumerated().map { ($1, $0) })
        let square = pkk * pkk
        var gram = [Rational](repeating: .zero, count: dual * dual)
        for i in 0..<m { for j in 0..<m { gram[i * dual + j] = square[i, j] } }
        for (j, i) in c.enumerated() {
            for a in 0..<m {
                gram[a * dual + m + j] = pkk[position[i]!, a]
                gram[(m + j) * dual + a] = pkk[position[i]!, a]
            }
            gram[(m + j) * dual + m + j] = .one
        }
        var dualLinear = b // `+` on [Rational] is vector addition here, so append explicitly
        dualLinear.append(contentsOf: repeatElement(Rational.zero, count: c.count))
        let dualProblem = OrientedProblem(
            n: dual, P: gram, p: dualLinear,
            constrained: (0..<dual).map { $0 >= m })
        let theta = try ActiveSetMinimiser(problem: dualProblem).minimise()
        var projected = pkk * Array(theta[0..<m])
        for (j, i) in c.enumerated() { projected[position[i]!] += theta[m + j] }
        // Certificate: feasibility (P_KK z' = b, z'_C ≥ 0) and complementarity ν_c z'_c = 0.
        guard pkk * projected == b else { throw FaceSolverError.internalCheckFailed("least-norm minimiser leaves the solution set") }
        for (j, i) in c.enumerated() {
            let value = projected[position[i]!], multiplier = theta[m + j]
            guard value.signum >= 0, multiplier.signum >= 0, value.isZero || multiplier.isZero else {
                throw FaceSolverError.internalCheckFailed("least-norm projection fails its KKT conditions")
            }
        }
        var result = [Rational](repeating: .zero, count: n)
        for (a, i) in k.enumerated() { result[i] = projected[a] }
        return result
    }
}


extension OrientedProblem {
    /// The common cases in closed form, from a basis h₁…h_r of null(P_KK); nil otherwise. The
    /// minimisers are z + Σ t_i h_i that stay feasible.
    /// - r = 1: t in an interval [lo, hi] (from z_i + t·h_i ≥ 0 on constrained coordinates), and
    ///   the least-norm one has t = clamp(−zᵀh / hᵀh, lo, hi).
    /// - r > 1: the projection of z onto null(P_KK)^⊥ (t solves (HᵀH)t = −Hᵀz), kept only when
    ///   it is feasible: least norm over the whole affine set, so over its feasible part too.
    func leastNormByProjection(_ z: [Rational], _ k: [Int]) throws -> [Rational]? {
        guard let factorisation = SemidefiniteFactorisation(symmetric: principal(k), order: k.count) else {
            throw FaceSolverError.invalidProblem("P is not positive semidefinite")
        }
        let null = factorisation.nullSpace.map { h in
            var embedded = [Rational](repeating: .zero, count: n)
            for (a, i) in k.enumerated() { embedded[i] = h[a] }
            return embedded
        }
        if null.count == 1 { return try leastNormOnALine(z, null[0]) }
        let r = null.count
        var gram = [Rational](repeating: .zero, count: r * r)
        for a in 0..<r { for b in a..<r { gram[a * r + b] = dot(null[a], null[b]); gram[b * r + a] = gram[a * r + b] } }
        guard let inverse = SemidefiniteFactorisation(symmetric: gram, order: r),
              case .solution(let t) = inverse.solve(null.map { -dot($0, z) }) else {
            throw FaceSolverError.internalCheckFailed("the null-space basis is not independent")
        }
        var result = z
        for (a, h) in null.enumerated() where !t[a].isZero {
            for i in 0..<n where !h[i].isZero { result[i].addProduct(t[a], h[i]) }
        }
        if (0..<n).contains(where: { constrained[$0] && result[$0].signum < 0 }) { return nil }
        // Certificate: still a minimiser (Ph = 0 on K, feasible), orthogonal to every null direction.
        guard kktViolation(result) == nil, null.allSatisfy({ dot($0, result).isZero }) else {
            throw FaceSolverError.internalCheckFailed("least-norm minimiser by projection fails its check")
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
