import ExactArithmetic

/// Lawson–Hanson (MATH §5) on a DLN face, warm-started from the previous saddle's support.
///
/// At a DLN event the previous minimiser stays feasible and optimal on its own support (its
/// coordinates keep their signs and stay on the face), and the entering coordinates are exactly
/// those with a positive dual, so the next minimiser is usually one bordering away. The inverse
/// of M on the support is kept fraction-free (`PrincipalInverse`), so a saddle costs O(|S|²)
/// big-integer operations instead of a fresh elimination.
///
/// Contract: a returned `x` has σ_i x_i > 0 on its support and solves the support's equations
/// exactly; the caller certifies optimality by the exact KKT check anyway. The solver gives up
/// (returns nil) on anything outside the textbook case — no warm state, a support sign that no
/// longer matches the face, a bordering that would make M_SS singular, the iteration guard — and
/// the caller then asks `solveFace`. `isStrict` (every face coordinate off the support has a
/// strictly negative dual) with a nonsingular M_SS proves the minimiser unique.
struct WarmFaceSolver: Sendable {
    struct Result {
        /// The minimiser's support (in `inverse` order) and x = numerators / denominator there.
        let support: [Int]
        let numerators: [BigInteger]
        let denominator: BigInteger
        let x: [Rational]
        let isStrict: Bool
    }

    let scaled: ScaledQuadratic
    /// nil: no usable warm state (start, or after a face the solver could not factor).
    private var inverse: PrincipalInverse? = PrincipalInverse()
    /// The face sign σ of each support index, parallel to `inverse.indices`.
    private var supportSigns: [Int] = []

    init(_ scaled: ScaledQuadratic) { self.scaled = scaled }

    /// Rebuilds the warm state on a support (after `solveFace` answered); drops it when M on
    /// that support is singular.
    mutating func reset(support: [Int], signs: [Int]) {
        var fresh = PrincipalInverse()
        for i in support where !fresh.append(i, in: scaled.M) {
            inverse = nil
            supportSigns = []
            return
        }
        inverse = fresh
        supportSigns = support.map { signs[$0] }
    }

    /// Minimises ½xᵀMx − rᵀx + λwd Σ σ_i x_i over {σ_i x_i ≥ 0 on the face, 0 elsewhere}.
    /// `sign[i]` is σ_i for face coordinates and 0 off the face.
    mutating func solve(face: [Int], sign: [Int]) -> Result? {
        guard var inv = inverse else { return nil }
        var sigmas = supportSigns
        for (a, i) in inv.indices.enumerated() where sign[i] != sigmas[a] { return nil }
        let guardLimit = 4 * face.count + 8
        var steps = 0
        var v = inv.multiply(inv.indices.enumerated().map { scaled.linearTerm($1, sign: sigmas[$0]) })
        var x = v.map { Rational($0, inv.determinant) }
        while true {
            // The dual D·w_j = σ_j D (p_j − (Mx)_j) of every face coordinate off the support.
            let onSupport = Set(inv.indices)
            var best: (j: Int, w: BigInteger)?
            var isStrict = true
            for j in face where !onSupport.contains(j) {
                var t = scaled.linearTerm(j, sign: sign[j]) * inv.determinant
                for (a, i) in inv.indices.enumerated() where !v[a].isZero { t.subtractProduct(scaled.M[j][i], v[a]) }
                if sign[j] < 0 { t = -t }
                if t.signum >= 0 { isStrict = false }
                if t.signum > 0, best.map({ $0.w < t }) ?? true { best = (j, t) }
            }
            guard let entering = best?.j else {
                inverse = inv
                supportSigns = sigmas
                return Result(support: inv.indices, numerators: v, denominator: inv.determinant, x: x, isStrict: isStrict)
            }
            guard inv.append(entering, in: scaled.M) else { return nil }
            sigmas.append(sign[entering])
            x.append(.zero)
            // Inner loop: move toward the support's unconstrained solution until it is feasible.
            while true {
                steps += 1
                if steps > guardLimit { return nil }
                v = inv.multiply(inv.indices.enumerated().map { scaled.linearTerm($1, sign: sigmas[$0]) })
                let z = v.map { Rational($0, inv.determinant) }
                let blocking = z.indices.filter { sigmas[$0] * z[$0].signum <= 0 }
                if blocking.isEmpty { x = z; break }
                var alpha: Rational?
                for a in blocking {
                    let gap = x[a] - z[a]
                    let ratio = gap.isZero ? Rational.zero : x[a] / gap // gap = 0 only when both are 0
                    if alpha.map({ ratio < $0 }) ?? true { alpha = ratio }
                }
                let step = alpha!
                x = x.indices.map { x[$0] + step * (z[$0] - x[$0]) }
                for a in x.indices.reversed() where x[a].isZero || sigmas[a] * x[a].signum < 0 {
                    inv.remove(at: a)
                    sigmas.remove(at: a)
                    x.remove(at: a)
                }
                if inv.indices.isEmpty {
                    v = []
                    break
                }
            }
        }
    }
}
