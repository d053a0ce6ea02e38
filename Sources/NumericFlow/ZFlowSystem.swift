import Foundation
import StiffODE

/// The Z-ODE of `ZFlowField` as a `StiffSystem` with structure-aware stage solves.
///
/// State `y = (q, W)`, `f = (r − M x, x)`. With `w = x⁺ + x⁻` and A = `{j : w_j ≠ 0}` (the
/// coordinates not flushed as dormant):
///
///     E = cI − J = [[cI + L·M·diag(w), 0], [−L·diag(w), cI]]      (c = 1/(hγ))
///
/// and `diag(w)` vanishes outside A, so with `z = L·w∘k` a solve is
/// 1. `(c·diag(L w_A)⁻¹ + M_AA) z_A = b_A` — symmetric positive definite (M is PSD), so a
///    square-root-free Cholesky factorisation (`DenseCholesky`, UᵀDU) of an `|A|×|A|` matrix is
///    the only factorisation; `k_A = z_A/(L w_A)`;
/// 2. `k_i = (b_i − (M_ZA z_A)_i)/c` for the dormant q rows Z;
/// 3. `k_W = (b_W + z)/c`.
/// Cost `O(|A|³)` per step and `O(d·|A|)` per solve, instead of `O(d³)` and `O(d²)`. Exact block
/// elimination, not an approximation. If the factorisation meets a non-positive pivot (M
/// indefinite beyond rounding), the step falls back to LU on `cI + L·M_AA·diag(w_A)`.
///
/// Work per step (measured on the d = 50 benchmark, where |A| averages 36, 39 in the cubic
/// mean): one factorisation, six solves and six evaluations, each of the three about a quarter
/// to a third of the time.
/// Hence: compact copies of M_AA and M_AZ are kept while A is unchanged (A changes on ~3% of
/// the steps); every kernel runs two lanes at a time, four or eight rows per pass
/// (`Kernels`, `DenseCholesky`); the evaluation computes its exponentials with `FastExp`; and
/// nothing in the loop allocates.
final class ZFlowSystem: StiffSystem {
    let field: ZFlowField
    let d: Int
    var dimension: Int { 2 * d }
    /// Time enters f only through weight decay.
    var isAutonomous: Bool { field.lambda == 0 }
    private let aux: Workspace          // three records of (x⁺, x⁻)
    private let factors: Workspace      // |A|×|A| factor
    private let block: Workspace        // M_AA, |A|×|A|, kept while A is unchanged
    private let coupling: Workspace     // M_AZ = M_ZAᵀ, |A|×(d − |A|), likewise
    private let work: Workspace         // compact vectors
    private let constants: Workspace    // a⁺, a⁻, r
    private let indices: IndexWorkspace // active list, dormant list, pivots, nonzero list
    private let matrixStore: Workspace
    private let matrix: UnsafeMutablePointer<Double>
    private let signed: Bool
    /// Largest of the a± (log weights of the branches, see `ZFlowField`).
    private let largestLogWeight: Double
    private var activeCount = 0
    private var dormantCount = 0
    private var blockValid = false
    private var shift = 0.0
    private var jacobianSlot = 0
    private var usedLU = false
    private var stride = 0

    init(field: ZFlowField) {
        self.field = field
        d = field.d
        aux = Workspace(3 * 2 * field.d)
        factors = Workspace(field.d * (field.d + 1))
        block = Workspace(field.d * field.d)
        coupling = Workspace(field.d * field.d)
        work = Workspace(5 * (field.d + 2))
        constants = Workspace(3 * field.d)
        indices = IndexWorkspace(4 * field.d)
        matrixStore = Workspace(field.d * field.d)
        matrix = matrixStore.pointer
        for k in 0..<(field.d * field.d) { matrix[k] = field.matrix[k] }
        signed = field.aMinus != nil
        largestLogWeight = (field.aPlus + (field.aMinus ?? [])).max() ?? -.infinity
        for i in 0..<field.d {
            constants.pointer[i] = field.aPlus[i]
            constants.pointer[field.d + i] = field.aMinus?[i] ?? 0
            constants.pointer[2 * field.d + i] = field.r[i]
        }
    }

    private func record(_ slot: Int) -> UnsafeMutablePointer<Double> { aux.pointer + slot &* 2 &* d }
    private var active: UnsafeMutablePointer<Int> { indices.pointer }
    private var dormant: UnsafeMutablePointer<Int> { indices.pointer + d }
    private var pivots: UnsafeMutablePointer<Int> { indices.pointer + 2 * d }
    private var nonzero: UnsafeMutablePointer<Int> { indices.pointer + 3 * d }

    /// `ZFlowField.branches` (same flushing, same overflow test) fused with x = x⁺ − x⁻, the list
    /// of its nonzero entries and `q' = r − M x` over those columns only: O(d·#active).
    ///
    /// Fast path, two coordinates at a time with `FastExp`, when (i) the flush threshold is at
    /// least −700 (so every exponent that is kept is in FastExp's range) and (ii) for the signed
    /// network the branch on the other side of sign(q) is flushed for every q: its exponent is
    /// `a − L(1 + λs + |q|) ≤ max a − L(1 + λs)`, below the threshold unless L is small (about
    /// L < 45, ε > 1e-19, with the default tolerances). Then only the branch on the side of
    /// sign(q) needs an exp, and the overflow test is accumulated and checked once. Otherwise
    /// the scalar loop below, with glibc's exp, does exactly what `ZFlowField.branches` does.
    func evaluate(s: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, slot: Int) -> Bool {
        let plus = record(slot), minus = plus + d
        let x = dy + d
        let list = nonzero
        let aPlus = constants.pointer, aMinus = aPlus + d, r = aMinus + d
        let L = field.L, base = 1 + field.lambda * s
        let flush = field.flushExponent, maxExponent = ZFlowField.maxExponent
        let otherBranchFlushed = !signed || largestLogWeight - L * base < flush
        var i = 0
        if flush >= FastExp.lowerBound && otherBranchFlushed {
            let vL = SIMD2(repeating: L), vBase = SIMD2(repeating: base)
            let vFlush = SIMD2(repeating: flush), vMax = SIMD2(repeating: maxExponent)
            let zero = SIMD2<Double>.zero
            var inRange = SIMDMask<SIMD2<Int64>>(repeating: true)
            let pairs = d & ~1
            while i < pairs {
                let q = load2(y + i)
                let ep = load2(aPlus + i) - vL * (vBase - q)
                let p: SIMD2<Double>, n: SIMD2<Double>
                if signed {
                    let em = load2(aMinus + i) - vL * (vBase + q)
                    // False for NaN too.
                    inRange .&= (ep .<= vMax) .& (em .<= vMax)
                    let positive = q .>= zero
                    let dominant = em.replacing(with: ep, where: positive)
                    let value = FastExp.exp2Lanes(dominant).replacing(with: zero, where: dominant .< vFlush)
                    p = value.replacing(with: zero, where: .!positive)
                    n = value - p
                } else {
                    inRange .&= ep .<= vMax
                    p = FastExp.exp2Lanes(ep).replacing(with: zero, where: ep .< vFlush)
                    n = zero
                }
                store2(p, plus + i)
                store2(n, minus + i)
                store2(p - n, x + i)
                i &+= 2
            }
            guard all(inRange) else { return false }
        }
        // Scalar loop: the odd last coordinate of the fast path, or everything.
        while i < d {
            let ep = aPlus[i] - L * (base - y[i])
            guard ep <= maxExponent else { return false }
            let p = ep < flush ? 0 : Foundation.exp(ep)
            var n = 0.0
            if signed {
                let em = aMinus[i] - L * (base + y[i])
                guard em <= maxExponent else { return false }
                n = em < flush ? 0 : Foundation.exp(em)
            }
            plus[i] = p
            minus[i] = n
            x[i] = p - n
            i &+= 1
        }
        // The nonzero list in a separate branch-free pass (appending inside the loops above
        // would chain every iteration to the previous one through the list length).
        var m = 0
        for j in 0..<d {
            list[m] = j
            m &+= x[j] != 0 ? 1 : 0
        }
        Kernels.combineRows(matrix, d, rows: list, count: m, weights: x, into: dy)
        for j in 0..<d { dy[j] = r[j] - dy[j] }
        return true
    }

    func linearize(s: Double, y: UnsafePointer<Double>, slot: Int, dfds: UnsafeMutablePointer<Double>) {
        jacobianSlot = slot
        let rec = record(slot)
        let previousCount = activeCount
        var changed = !blockValid
        activeCount = 0
        dormantCount = 0
        for j in 0..<d {
            if rec[j] + rec[d &+ j] != 0 {
                if activeCount >= previousCount || active[activeCount] != j { changed = true }
                active[activeCount] = j
                activeCount &+= 1
            } else {
                dormant[dormantCount] = j
                dormantCount &+= 1
            }
        }
        if changed || activeCount != previousCount {
            // Compact copies of M_AA and M_AZ (= M_ZAᵀ), kept while the active set is unchanged
            // (most steps): M_AA seeds every factorisation, the rows of M_AZ are combined by
            // every solve.
            let a = activeCount, z = dormantCount
            for t in 0..<a {
                let row = matrix + active[t] &* d
                let outA = block.pointer + t &* a
                for u in 0..<a { outA[u] = row[active[u]] }
                let outZ = coupling.pointer + t &* z
                for u in 0..<z { outZ[u] = row[dormant[u]] }
            }
            blockValid = true
        }
        // ∂f/∂s = (−M x_s, x_s) with x_s = −L λwd (x⁺ − x⁻); zero without weight decay.
        for i in 0..<(2 * d) { dfds[i] = 0 }
        if field.lambda != 0 {
            let xs = dfds + d
            for j in 0..<d { xs[j] = -field.L * field.lambda * (rec[j] - rec[d + j]) }
            Kernels.symmetricMultiply(matrix, xs, d, into: dfds)
            for i in 0..<d { dfds[i] = -dfds[i] }
        }
    }

    func factor(shift c: Double) -> Bool {
        shift = c
        let a = activeCount
        if a == 0 { return c != 0 }
        let rec = record(jacobianSlot)
        let E = factors.pointer, B = block.pointer
        let invDiag = work.pointer + 3 * (d + 2), scale = work.pointer + 4 * (d + 2)
        // Symmetric form: (c / (L w_j)) δ_tu + M_AA, scaled by 1/L so entries stay O(‖M‖).
        let L = field.L
        let ld = DenseCholesky.paddedStride(a)
        stride = ld
        for t in 0..<a {
            let from = B + t &* a, to = E + t &* ld
            for u in 0..<a { to[u] = from[u] }
            if ld > a { to[a] = 0 }
            let j = active[t]
            let inverseLw = 1 / (L * (rec[j] + rec[d &+ j]))
            scale[t] = inverseLw
            to[t] += c * inverseLw
        }
        usedLU = false
        if DenseCholesky.factor(E, n: a, stride: ld, inverseDiagonal: invDiag) { return true }
        // Fallback: unsymmetric form cI + L M_AA diag(w_A) with pivoted LU.
        usedLU = true
        for t in 0..<a {
            let row = B + t &* a
            let out = E + t &* a
            for u in 0..<a {
                let j = active[u]
                out[u] = L * row[u] * (rec[j] + rec[d &+ j])
            }
            out[t] += c
        }
        return DenseLU.factor(E, n: a, pivots: pivots)
    }

    func solve(_ b: UnsafeMutablePointer<Double>) {
        let a = activeCount
        let inv = 1 / shift
        if a == 0 {
            for i in 0..<(2 * d) { b[i] *= inv }
            return
        }
        let z = work.pointer, compact = work.pointer + (d + 2), mz = work.pointer + 2 * (d + 2)
        let scale = work.pointer + 4 * (d + 2)
        // 1. Active block; z = L w∘k on A (compact).
        for t in 0..<a { compact[t] = b[active[t]] }
        if usedLU {
            DenseLU.solve(factors.pointer, n: a, pivots: pivots, compact)
            for t in 0..<a { z[t] = compact[t] / scale[t] }
        } else {
            // (cI + L M W) k = b  ⇔  (c/(L w) + M) z = b with z = L w∘k, so k = z/(L w).
            DenseCholesky.solve(factors.pointer, n: a, stride: stride, inverseDiagonal: work.pointer + 3 * (d + 2), compact)
            for t in 0..<a {
                let zt = compact[t]
                z[t] = zt
                compact[t] = zt * scale[t]
            }
        }
        // 2. Dormant q rows: mz = M_ZA z_A as a sum of rows of M_AZ.
        let nz = dormantCount
        if nz > 0 {
            Kernels.combineCompactRows(coupling.pointer, rows: a, columns: nz, weights: z, into: mz)
            for u in 0..<nz {
                let i = dormant[u]
                b[i] = (b[i] - mz[u]) * inv
            }
        }
        // 3. Active q rows and W rows (z vanishes off A).
        let bW = b + d
        for i in 0..<d { bW[i] *= inv }
        for t in 0..<a {
            let j = active[t]
            b[j] = compact[t]
            bW[j] += z[t] * inv
        }
    }
}
