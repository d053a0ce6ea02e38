import Foundation
import StiffODE

/// Gradient flow of a diagonal linear network via the exact ODE for its running integral
/// (docs/math.md §2), integrated in rescaled time by a Rosenbrock method (see `RosenbrockTableau` for why).
public enum ZFlow {
    /// Integrates `dW/ds = x(W, s)`, `W(0) = 0` on `[0, sMax]` (see `ZFlowField` for the
    /// log-domain closed form of x, with weight decay, and for why `q = s r − M W` is carried
    /// along) and returns dense output of `x̄_ε = W/s` and `x_ε`. The error control covers q and W.
    ///
    /// - Parameter progress: called with the completed fraction in [0, 1] (throttled to 0.1%).
    public static func solve(_ problem: DLNProblem, epsilon: FlowEpsilon, sMax: Double,
                             options: FlowOptions = FlowOptions(),
                             progress: ((Double) -> Void)? = nil) throws -> FlowTrajectory {
        guard sMax > 0, sMax.isFinite else { throw FlowError.invalidInput("sMax must be positive") }
        let field = ZFlowField(problem: problem, epsilon: epsilon)
        // Dormant coordinates below 1e-6·atol/sMax are flushed inside the integrator only.
        let flush = log(1e-6 * options.absoluteTolerance / max(sMax, 1))
        var dense = HermiteDense(dimension: 2 * problem.dimension)
        let stats = try Rosenbrock.integrate(
            ZFlowSystem(field: field.flushing(below: flush)), from: 0, y0: [Double](repeating: 0, count: 2 * problem.dimension), to: sMax,
            options: options, record: { dense.append($0, $1, $2) }, progress: progress)
        return FlowTrajectory(variant: problem.variant, epsilon: epsilon, sMax: sMax, statistics: stats,
                              dense: dense, source: .zFlow(field), dimension: problem.dimension)
    }
}
