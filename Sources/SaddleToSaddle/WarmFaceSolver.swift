import ExactArithmetic
import ModularArithmetic

/// Lawson–Hanson (docs/math.md §5) on a DLN face, warm-started from the previous saddle's support.
///
/// At a DLN event the previous minimiser stays feasible and optimal on its own support (its
/// coordinates keep their signs and stay on the face), and the entering coordinates are exactly
/// those with a positive dual, so the next minimiser is usually one bordering away. The system
/// M_SS x = p_S is kept updated (`PrincipalInverse`: M_SS⁻¹ modulo 62-bit primes, exact det and
/// solution numerators by Chinese remaindering), so a saddle costs O(|S|²) word operations per
/// prime instead of a fresh elimination.
///
/// Contract: a returned `x` has σ_i x_i > 0 on its support and solves the support's equations
/// exactly; the caller certifies optimality by the exact KKT check anyway. The solver gives up
/// (returns nil) on anything outside the textbook case — no warm state, a support sign that no
/// longer matches the face, a bordering that would make M_SS singular, the iteration guard — and
/// the caller then asks `solveFace` and resets the warm state. `isStrict` (every face coordinate
/// off the support has a strictly negative dual) with a nonsingular M_SS proves the minimiser
/// unique.
struct WarmFaceSolver {
    struct Result {
        /// The minimiser's support (in the system's order) and x = numerators / denominator there.
        let support: [Int]
        let numerators: [BigInteger]
        let denominator: BigInteger
        let x: [Rational]
        let isStrict: Bool
    }

    let scaled: ScaledQuadratic
    /// L·M row-major, and the bound |L·(r_i ∓ λwd)| on every right-hand side entry.
    private let matrix: [BigInteger]
    private let rhsBound: [BigInteger]
    /// nil: no usable warm state (after a face the solver could not factor).
    private var system: PrincipalInverse?
    /// The face sign σ of each support index and the minimiser there, parallel to `system.indices`.
    private var supportSigns: [Int] = []
    private var supportX: [Rational] = []

    init(_ scaled: ScaledQuadratic) {
        self.scaled = scaled
        matrix = Array(scaled.M.joined())
        rhsBound = scaled.r.map { $0.magnitude + scaled.weightDecay }
        system = freshSystem()
    }

    /// An empty system. Primes are added as the support grows (each new one factorises the
    /// current support from scratch, which costs about what carrying it from the start would).
    private func freshSystem() -> PrincipalInverse {
        PrincipalInverse(K: matrix, dimension: scaled.r.count, rhsBounds: [rhsBound], maximumSize: 0)
    }

    /// Rebuilds the warm state on a support (after `solveFace` answered); drops it when M on
    /// that support is singular.
    mutating func reset(support: [Int], signs: [Int], x: [Rational]) {
        let fresh = freshSystem()
        for i in support where fresh.append(i, rhs: [scaled.linearTerm(i, sign: signs[i])]) != nil {
            system = nil
            supportSigns = []
            supportX = []
            return
        }
        system = fresh
        supportSigns = support.map { signs[$0] }
        supportX = support.map { x[$0] }
    }

    /// Minimises ½xᵀMx − rᵀx + λwd Σ σ_i x_i over {σ_i x_i ≥ 0 on the face, 0 elsewhere}.
    /// `sign[i]` is σ_i for face coordinates and 0 off the face. The system is changed in place:
    /// after nil the caller resets it.
    mutating func solve(face: [Int], sign: [Int]) -> Result? {
        guard let sys = system else { return nil }
        var sigmas = supportSigns
        for (a, i) in sys.indices.enumerated() where sign[i] != sigmas[a] { return nil }
        let guardLimit = 4 * face.count + 8
        var steps = 0
        // The warm state is the previous minimiser: optimal on its support, which stays feasible.
        var x = supportX
        while true {
            // The dual D·w_j = σ_j (D p_j − (M v)_j) of every face coordinate off the support.
            let onSupport = Set(sys.indices)
            let v = sys.numerators[0], determinant = sys.determinant
            var best: (j: Int, w: BigInteger)?
            var isStrict = true
            for j in face where !onSupport.contains(j) {
                var t = scaled.linearTerm(j, sign: sign[j]) * determinant
                for (a, i) in sys.indices.enumerated() where !v[a].isZero {
                    t.subtractProduct(scaled.M[j][i], v[a])
                }
                if sign[j] < 0 { t = -t }
                if t.signum >= 0 { isStrict = false }
                if t.signum > 0, best.map({ $0.w < t }) ?? true { best = (j, t) }
            }
            guard let entering = best?.j else {
                supportSigns = sigmas
                supportX = x
                return Result(support: sys.indices, numerators: v, denominator: determinant, x: x, isStrict: isStrict)
            }
            if sys.append(entering, rhs: [scaled.linearTerm(entering, sign: sign[entering])]) != nil { return nil }
            sigmas.append(sign[entering])
            x.append(.zero)
            // Inner loop: move toward the support's unconstrained solution until it is feasible.
            while true {
                steps += 1
                if steps > guardLimit { return nil }
                // z = v/det with det > 0: its signs are v's, so the common case (nothing
                // blocks) reduces each z_a once, for the result.
                let v = sys.numerators[0], determinant = sys.determinant
                let blocking = v.indices.filter { sigmas[$0] * v[$0].signum <= 0 }
                let z = Rational.reducing(v, over: determinant)
                if blocking.isEmpty { x = z; break }
                var alpha: Rational?
                for a in blocking {
                    let gap = x[a] - z[a]
                    let ratio = gap.isZero ? Rational.zero : x[a] / gap // gap = 0 only when both are 0
                    if alpha.map({ ratio < $0 }) ?? true { alpha = ratio }
                }
                let step = alpha!
                x = x.indices.map { x[$0] + step * (z[$0] - x[$0]) }
                // Descending positions: what moves into a (the last one) was already kept.
                for a in x.indices.reversed() where x[a].isZero || sigmas[a] * x[a].signum < 0 {
                    if sys.remove(at: a) != nil { return nil }
                    sigmas.swapAt(a, sigmas.count - 1)
                    sigmas.removeLast()
                    x.swapAt(a, x.count - 1)
                    x.removeLast()
                }
                if sys.indices.isEmpty { break }
            }
        }
    }
}
