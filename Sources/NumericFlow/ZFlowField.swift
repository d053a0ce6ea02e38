import Foundation
import StiffODE

/// The exact ODE for the running integral of the iterate (docs/math.md §2), in rescaled time and in the
/// log domain.
///
/// ## Derivation (signed, `x = u∘v`, with weight decay)
/// Gradient flow on `ℓ(u∘v) + (λwd/2)(‖u‖² + ‖v‖²)` with `g = ∇ℓ(x) = Mx − r`:
/// `u̇ = −v∘g − λwd u`, `v̇ = −u∘g − λwd v`, hence `(u+v)˙ = −(u+v)∘(g + λwd)` and
/// `(u−v)˙ = (u−v)∘(g − λwd)`. With `G(t) = ∫₀ᵗ g = M Z(t) − t r` and `Z = ∫₀ᵗ x`:
/// `u ± v = √ε(β ± γ) exp(∓G − λwd t)`, so
/// `x = ((u+v)² − (u−v)²)/4 = (ε/4)[(β+γ)² e^{−2G−2λwd t} − (β−γ)² e^{2G−2λwd t}]`
/// — a closed form in `Z`, i.e. `dZ/dt = x(Z, t)` is an exact ODE. (This is the `u∘u` flow of
/// the lifted problem `M̃ = [[M, −M], [−M, M]]`, `r̃ = (r, −r)` with `p± = (u ± v)/2`, `t̃ = t/2`:
/// each of `p±²` is one weight-tied coordinate, and weight decay enters each the same way.)
///
/// ## Positive (`x = u∘u`)
/// `ẋ = −4x∘(g + λwd)` gives `log x = log(ε α²) − 4(G + λwd t)`, i.e.
/// `log x_i = log x_i(0) − 4((MZ)_i − t r_i + λwd t)`.
///
/// ## Rescaled variables
/// Let `L = log(1/ε)`, `s = 2t/L` (signed) or `4t/L` (positive), and `W = Z·s/t` (so
/// `W = 2Z/L` resp. `4Z/L`). Then in both cases `dW/ds = x` and `x̄_ε(s) = Z/t = W/s`, and with
/// the dual variable `q(s) = s r − M W = −2G/L` (resp. `−4G/L`; docs/math.md §3's `q`, exactly):
///
///     log x⁺_i = a⁺_i − L(1 + λwd s − q_i),   a⁺_i = log((β_i+γ_i)²/4)   (positive: log α_i²)
///     log x⁻_i = a⁻_i − L(1 + λwd s + q_i),   a⁻_i = log((β_i−γ_i)²/4)   (positive: absent)
///     x = x⁺ − x⁻.
///
/// A coordinate is `O(1)` only when `|q_i| ≈ 1 + λwd s` (the box of docs/math.md §3) and is otherwise
/// exponentially small in `L`. No quantity of size ε is ever formed, so ε = 1e-300 (L ≈ 691), or
/// smaller, is fine in Double.
///
/// ## State (q, W)
/// We integrate `W' = x` together with `q' = r − M x` (the same ODE: q is the linear function
/// `s r − M W` of W, carried along). Why: x depends on W only through q, and x is sparse in
/// practice (dormant coordinates are exponentially small), so an evaluation costs `O(d·#active)`
/// instead of the `O(d²)` of forming `M W`. Rosenbrock methods with the exact Jacobian preserve
/// linear invariants, so `q + M W = s r` holds to rounding (checked in the tests).
///
/// ## Jacobian
/// With `w = x⁺ + x⁻ ≥ 0`: `∂x/∂q = L·diag(w)`, so `∂q'/∂q = −L·M·diag(w)`, `∂W'/∂q = L·diag(w)`,
/// and nothing depends on W. (In the original variables: `dx/dZ = −2·diag(w)·M` for `u∘v`,
/// `−4·diag(x)·M` for `u∘u`.) Explicit time dependence only through weight decay:
/// `∂x/∂s = −L λwd (x⁺ − x⁻)`. `M·diag(w)` has real non-negative eigenvalues (similar to
/// `w^{1/2} M w^{1/2}`), so the flow is contracting and stiff with rates up to `L·max(w)·‖M‖`.
struct ZFlowField: Sendable {
    let d: Int
    let L: Double
    let lambda: Double
    let matrix: [Double]
    let r: [Double]
    let aPlus: [Double]
    /// `nil` for the positive variant (one exponential per coordinate).
    let aMinus: [Double]?
    /// Exponents below this are flushed to x = 0 (and no `exp` is called). `ZFlow.solve` sets it
    /// so that a flushed coordinate contributes less than `1e-6 × atol` to W over the whole run —
    /// invisible to the error control — which makes the Jacobian columns of dormant coordinates
    /// exactly zero (consistently with f). Dense output uses `-∞` (the exact closed form).
    let flushExponent: Double

    /// `exp` overflows above ~709.78; reject the step before that (the physical flow is bounded).
    static let maxExponent = 700.0

    init(problem: DLNProblem, epsilon: FlowEpsilon, flushExponent: Double = -.infinity) {
        d = problem.dimension
        L = epsilon.logInverse
        lambda = problem.weightDecay
        matrix = problem.matrix
        r = problem.r
        self.flushExponent = max(flushExponent, -746)  // exp underflows to 0 below about -745 anyway
        switch problem.variant {
        case .signed:
            aPlus = zip(problem.beta, problem.gamma).map { 2 * log(abs($0 + $1)) - log(4.0) }
            aMinus = zip(problem.beta, problem.gamma).map { 2 * log(abs($0 - $1)) - log(4.0) }
        case .positive:
            aPlus = problem.alpha.map { 2 * log(abs($0)) }
            aMinus = nil
        }
    }

    private init(copying f: ZFlowField, flushExponent: Double) {
        d = f.d; L = f.L; lambda = f.lambda; matrix = f.matrix; r = f.r
        aPlus = f.aPlus; aMinus = f.aMinus
        self.flushExponent = max(flushExponent, -746)
    }

    /// The same field with a different flush threshold.
    func flushing(below exponent: Double) -> ZFlowField {
        ZFlowField(copying: self, flushExponent: exponent)
    }

    /// Writes `x⁺`, `x⁻` (positive: x⁻ = 0) for dual variable q at time s. False on overflow.
    @inline(__always)
    func branches(s: Double, q: UnsafePointer<Double>,
                  plus: UnsafeMutablePointer<Double>, minus: UnsafeMutablePointer<Double>) -> Bool {
        let base = 1 + lambda * s
        let flush = flushExponent
        for i in 0..<d {
            let ep = aPlus[i] - L * (base - q[i])
            if ep > ZFlowField.maxExponent || ep.isNaN { return false }
            plus[i] = ep < flush ? 0 : exp(ep)
            if let am = aMinus {
                let em = am[i] - L * (base + q[i])
                if em > ZFlowField.maxExponent || em.isNaN { return false }
                minus[i] = em < flush ? 0 : exp(em)
            } else {
                minus[i] = 0
            }
        }
        return true
    }

    /// `x(s, q)` for dense output (exact closed form, no flushing).
    func iterate(s: Double, q: [Double]) -> [Double] {
        var plus = [Double](repeating: 0, count: d)
        var minus = [Double](repeating: 0, count: d)
        let exact = flushing(below: -.infinity)
        let ok = q.withUnsafeBufferPointer { qq in
            plus.withUnsafeMutableBufferPointer { p in
                minus.withUnsafeMutableBufferPointer { m in
                    exact.branches(s: s, q: qq.baseAddress!, plus: p.baseAddress!, minus: m.baseAddress!)
                }
            }
        }
        if !ok { return [Double](repeating: .nan, count: d) }
        return zip(plus, minus).map { $0 - $1 }
    }
}
