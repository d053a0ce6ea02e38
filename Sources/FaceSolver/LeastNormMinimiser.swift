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
        if let onALine = try leastNormOnALine(z, k) { return onALine }
        let c = k.filter { constrained[$0] }
        let m = k.count, dual = m + c.count
        let pkk = principal(k)
        let zk = k.map { z[$0] }
        let b = (0..<m).map { a in (0..<m).reduce(Rational.zero) { $0 + pkk[a * m + $1] * zk[$1] } }
        // G = [P_KK | E], dual matrix GᵀG.
        let position = Dictionary(uniqueKeysWithValues: k.enumerated().map { ($1, $0) })
        func column(_ j: Int) -> [Rational] {
            if j < m { return (0..<m).map { pkk[$0 * m + j] } }
            var e = [Rational](repeating: .zero, count: m)
            e[position[c[j - m]]!] = .one
            return e
        }
        let columns = (0..<dual).map(column)
        var gram = [Rational](repeating: .zero, count: dual * dual)
        for i in 0..<dual {
            for j in i..<dual {
                let v = dot(columns[i], columns[j])
                gram[i * dual + j] = v
                gram[j * dual + i] = v
            }
        }
        var dualLinear = b // `+` on [Rational] is vector addition here, so append explicitly
        dualLinear.append(contentsOf: repeatElement(Rational.zero, count: c.count))
        let dualProblem = OrientedProblem(
            n: dual, P: gram, p: dualLinear,
            constrained: (0..<dual).map { $0 >= m })
        let theta = try ActiveSetMinimiser(problem: dualProblem).minimise()
        var projected = [Rational](repeating: .zero, count: m)
        for j in 0..<dual where !theta[j].isZero {
            for a in 0..<m where !columns[j][a].isZero { projected[a].addProduct(columns[j][a], theta[j]) }
        }
        // Certificate: feasibility (P_KK z' = b, z'_C ≥ 0) and complementarity ν_c z'_c = 0.
        for a in 0..<m {
            let row = (0..<m).reduce(Rational.zero) { $0 + pkk[a * m + $1] * projected[$1] }
            guard row == b[a] else { throw FaceSolverError.internalCheckFailed("least-norm minimiser leaves the solution set") }
        }
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
    /// The common case of a one-dimensional null space of P_KK, in closed form: the minimisers
    /// are z + t·h for t in an interval [lo, hi] (from z_i + t·h_i ≥ 0 on constrained
    /// coordinates), and the least-norm one has t = clamp(−zᵀh / hᵀh, lo, hi). Nil otherwise.
    func leastNormOnALine(_ z: [Rational], _ k: [Int]) throws -> [Rational]? {
        guard let factorisation = SemidefiniteFactorisation(symmetric: principal(k), order: k.count) else {
            throw FaceSolverError.invalidProblem("P is not positive semidefinite")
        }
        let null = factorisation.nullSpace
        guard null.count == 1 else { return nil }
        var h = [Rational](repeating: .zero, count: n)
        for (a, i) in k.enumerated() { h[i] = null[0][a] }
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
