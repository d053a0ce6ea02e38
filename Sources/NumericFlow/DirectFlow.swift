import Foundation
import StiffODE

/// The gradient flow on the network weights themselves, `(u, v)` (resp. `u`), augmented with
/// the running integral W so that `x̄_ε = W/s` comes out the same way as from the Z-ODE.
///
/// This is the textbook system (docs/math.md §2: `u̇ = −v∘g − λwd u`, `v̇ = −u∘g − λwd v`, resp.
/// `u̇ = −2u∘(g + λwd)`, with `g = Mx − r`), written in rescaled time (`d/ds = (L/2) d/dt`,
/// resp. `(L/4) d/dt`). It starts at `√ε` and needs ε itself, so it is only usable for moderate ε
/// (the weights would underflow otherwise); it is the independent cross-check of the Z-ODE.
final class DirectFlowSystem: StiffSystem {
    let d: Int
    let variant: DLNVariant
    let sigma: Double
    let lambda: Double
    let matrix: [Double]
    let r: [Double]
    let dimension: Int
    private let aux: Workspace      // three records of (x, g)
    private let jac: Workspace      // dense J
    private let lu: Workspace       // dense E factors
    private let pivots: IndexWorkspace

    init(problem: DLNProblem, epsilon: FlowEpsilon) {
        d = problem.dimension
        variant = problem.variant
        sigma = epsilon.logInverse * problem.timePerRescaledTime
        lambda = problem.weightDecay
        matrix = problem.matrix
        r = problem.r
        dimension = variant == .signed ? 3 * d : 2 * d
        aux = Workspace(3 * 2 * d)
        jac = Workspace(dimension * dimension)
        lu = Workspace(dimension * dimension)
        pivots = IndexWorkspace(dimension)
    }

    /// Record: x then g = Mx − r.
    @inline(__always)
    private func gradient(_ y: UnsafePointer<Double>, _ rec: UnsafeMutablePointer<Double>) {
        let x = rec, g = rec + d
        for i in 0..<d { x[i] = variant == .signed ? y[i] * y[d + i] : y[i] * y[i] }
        matrix.withUnsafeBufferPointer { m in
            for i in 0..<d {
                var acc = -r[i]
                for j in 0..<d { acc += m[i * d + j] * x[j] }
                g[i] = acc
            }
        }
    }

    func evaluate(s: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, slot: Int) -> Bool {
        let rec = aux.pointer + slot * 2 * d
        gradient(y, rec)
        let x = rec, g = rec + d
        switch variant {
        case .signed:
            for i in 0..<d {
                let u = y[i], v = y[d + i]
                dy[i] = sigma * (-v * g[i] - lambda * u)
                dy[d + i] = sigma * (-u * g[i] - lambda * v)
                dy[2 * d + i] = x[i]
            }
        case .positive:
            for i in 0..<d {
                dy[i] = sigma * (-2 * y[i] * (g[i] + lambda))
                dy[d + i] = x[i]
            }
        }
        for i in 0..<dimension where !dy[i].isFinite { return false }
        return true
    }

    func linearize(s: Double, y: UnsafePointer<Double>, slot: Int, dfds: UnsafeMutablePointer<Double>) {
        let g = aux.pointer + slot * 2 * d + d
        let n = dimension
        let J = jac.pointer
        for k in 0..<(n * n) { J[k] = 0 }
        for k in 0..<n { dfds[k] = 0 }  // autonomous
        matrix.withUnsafeBufferPointer { m in
            switch variant {
            case .signed:
                // Blocks of ∂(u̇, v̇, Ẇ)/∂(u, v, W); ∂g_i/∂u_j = M_ij v_j, ∂g_i/∂v_j = M_ij u_j.
                for i in 0..<d {
                    let ui = y[i], vi = y[d + i]
                    for j in 0..<d {
                        let mij = m[i * d + j], uj = y[j], vj = y[d + j]
                        J[i * n + j] = sigma * (-vi * mij * vj)
                        J[i * n + d + j] = sigma * (-vi * mij * uj)
                        J[(d + i) * n + j] = sigma * (-ui * mij * vj)
                        J[(d + i) * n + d + j] = sigma * (-ui * mij * uj)
                    }
                    J[i * n + i] -= sigma * lambda
                    J[i * n + d + i] -= sigma * g[i]
                    J[(d + i) * n + i] -= sigma * g[i]
                    J[(d + i) * n + d + i] -= sigma * lambda
                    J[(2 * d + i) * n + i] = vi
                    J[(2 * d + i) * n + d + i] = ui
                }
            case .positive:
                for i in 0..<d {
                    let ui = y[i]
                    for j in 0..<d { J[i * n + j] = sigma * (-4 * ui * m[i * d + j] * y[j]) }
                    J[i * n + i] -= sigma * 2 * (g[i] + lambda)
                    J[(d + i) * n + i] = 2 * ui
                }
            }
        }
    }

    func factor(shift c: Double) -> Bool {
        let n = dimension
        let E = lu.pointer, J = jac.pointer
        for k in 0..<(n * n) { E[k] = -J[k] }
        for i in 0..<n { E[i * n + i] += c }
        return DenseLU.factor(E, n: n, pivots: pivots.pointer)
    }

    func solve(_ b: UnsafeMutablePointer<Double>) {
        DenseLU.solve(lu.pointer, n: dimension, pivots: pivots.pointer, b)
    }
}

/// Direct integration of the weight dynamics; see `DirectFlowSystem`.
public enum DirectFlow {
    /// Integrates the `(u, v)` (resp. `u`) gradient flow to `sMax` with the same integrator and
    /// tolerances as `ZFlow`. Use for ε down to ~1e-12: the weights start at `√ε`.
    public static func solve(_ problem: DLNProblem, epsilon: FlowEpsilon, sMax: Double,
                             options: FlowOptions = FlowOptions(),
                             progress: ((Double) -> Void)? = nil) throws -> FlowTrajectory {
        guard sMax > 0, sMax.isFinite else { throw FlowError.invalidInput("sMax must be positive") }
        let sqrtEps = exp(-epsilon.logInverse / 2)
        guard sqrtEps > 1e-150 else {
            throw FlowError.invalidInput("epsilon \(epsilon.label) is too small for the direct (u, v) flow; use ZFlow")
        }
        let system = DirectFlowSystem(problem: problem, epsilon: epsilon)
        let d = problem.dimension
        var y0 = [Double](repeating: 0, count: system.dimension)
        switch problem.variant {
        case .signed:
            for i in 0..<d { y0[i] = sqrtEps * problem.beta[i]; y0[d + i] = sqrtEps * problem.gamma[i] }
        case .positive:
            for i in 0..<d { y0[i] = sqrtEps * problem.alpha[i] }
        }
        var dense = HermiteDense(dimension: system.dimension)
        let stats = try Rosenbrock.integrate(system, from: 0, y0: y0, to: sMax, options: options,
                                         record: { dense.append($0, $1, $2) }, progress: progress)
        return FlowTrajectory(variant: problem.variant, epsilon: epsilon, sMax: sMax, statistics: stats,
                              dense: dense, source: .direct(problem.variant, d), dimension: d)
    }
}
