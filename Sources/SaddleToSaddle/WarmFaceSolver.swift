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
        PrincipalInverse(K: matrix, dimension: scaled.r.count, rhsBounds: [rhsBound], maximumSize: scaled.rank, primesUpFront: false)
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
            // x before the bordering over one denominator (x = v/det of the old system), 0 for j.
            var xs = (numerators: v + [BigInteger(0)], denominator: determinant)
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
                if blocking.isEmpty { x = Rational.reducing(v, over: determinant); break }
                xs = WarmFaceSolver.stepTowards(xs, v, determinant, blocking: blocking)
                // Descending positions: what moves into a (the last one) was already kept.
                for a in xs.numerators.indices.reversed() where sigmas[a] * xs.numerators[a].signum <= 0 {
                    if sys.remove(at: a) != nil { return nil }
                    sigmas.swapAt(a, sigmas.count - 1)
                    sigmas.removeLast()
                    xs.numerators.swapAt(a, xs.numerators.count - 1)
                    xs.numerators.removeLast()
                }
                x = []
                if sys.indices.isEmpty { break }
            }
        }
    }

    /// x + α(z − x) for x = X/E and z = V/F (E, F > 0), α the least x_a/(x_a − z_a) over the
    /// blocking positions (0 where x_a = z_a): one coordinate reaches 0 and the others stay
    /// feasible. Over one denominator, α = P/R (R > 0) gives ((R − P)·X·F + P·V·E)/(R·E·F):
    /// products only, no gcd (the values are those of the rational formula).
    static func stepTowards(_ x: (numerators: [BigInteger], denominator: BigInteger), _ v: [BigInteger], _ f: BigInteger,
                            blocking: [Int]) -> (numerators: [BigInteger], denominator: BigInteger) {
        let e = x.denominator
        var alpha: (p: BigInteger, r: BigInteger)?
        for a in blocking {
            let n = x.numerators[a] * f
            var gap = n
            gap.subtractProduct(v[a], e)
            let ratio = gap.isZero ? (BigInteger(0), BigInteger(1)) : gap.signum > 0 ? (n, gap) : (-n, -gap)
            if alpha.map({ ratio.0 * $0.r < $0.p * ratio.1 }) ?? true { alpha = ratio }
        }
        let (p, r) = alpha!
        let keep = (r - p) * f, move = p * e
        let numerators = x.numerators.indices.map { a in
            var t = x.numerators[a] * keep
            t.addProduct(move, v[a])
            return t
        }
        return (numerators, r * e * f)
    }
}
