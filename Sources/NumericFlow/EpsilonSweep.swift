import Foundation
import StiffODE

/// One ε of a sweep (JSON: `{"epsilon": "1e-10", "maxDeviationFromLimit": 0.0123, …}`).
public struct EpsilonSweepRow: Sendable, Codable, Equatable {
    public let epsilon: String
    /// `log(1/ε)`.
    public let logInverseEpsilon: Double
    /// `sup_s ‖x̄_ε(s) − x̄₀(s)‖∞` over the evaluation set.
    public let maxDeviationFromLimit: Double
    public let sAtMaxDeviationFromLimit: Double
    /// `sup_s ‖x̄_ε(s) − x_lasso(λwd + 1/s)‖∞`.
    public let maxDeviationFromLasso: Double
    public let sAtMaxDeviationFromLasso: Double
    /// `sup_s [Lasso(x̄_ε(s), κ) − Lasso*(κ)]`, Lasso* from the path knots (docs/math.md §4's gap).
    public let maxLassoGap: Double
    public let sAtMaxLassoGap: Double
    public let acceptedSteps: Int
    public let rejectedSteps: Int
    public let seconds: Double
}

/// The whole sweep.
public struct EpsilonSweepReport: Sendable, Codable {
    public let variant: DLNVariant
    public let weightDecay: Double
    public let sMax: Double
    public let evaluationPoints: Int
    /// `sup_s ‖x̄₀(s) − x_lasso(s)‖∞` from the exact data alone (0 iff the limit is the lasso path).
    public let limitDistanceFromLasso: Double
    public let sAtLimitDistanceFromLasso: Double
    public let rows: [EpsilonSweepRow]
    public let fitLimit: DeviationFit
    public let fitLasso: DeviationFit
    public let reading: String
}

/// Runs the Z-ODE for several ε and measures the distance to the exact limit and to the lasso
/// path (docs/math.md §2: convergence is only like `1/log(1/ε)`, so one ε proves nothing; the trend does).
public enum EpsilonSweep {
    /// The largest uniform grid a sweep accepts: the work is grid × ε values × O(d²), so this
    /// keeps a sweep on d = 50 within seconds per ε.
    public static let maxGridPoints = 100_000

    /// Deterministic part of the evaluation set: a uniform grid on (0, sMax], each saddle time
    /// and lasso knot time, and points just before and after each (x° jumps there).
    static func evaluationTimes(sMax: Double, gridPoints: Int, exact: ExactTrajectory,
                                lasso: LassoPathInterpolant, weightDecay: Double) -> [Double] {
        var times = (1...max(gridPoints, 2)).map { sMax * Double($0) / Double(max(gridPoints, 2)) }
        let delta = 1e-9 * sMax
        for t in exact.saddleTimes + lasso.knotTimes(weightDecay: weightDecay) where t > 0 && t <= sMax {
            times.append(t)
            times.append(t - delta)
            if t + delta <= sMax { times.append(t + delta) }
        }
        return times.filter { $0 > 0 }
    }

    /// - Parameters:
    ///   - epsilons: at least two for a trend.
    ///   - exact: the exact limit trajectory (docs/math.md §3) as Double.
    ///   - lasso: the exact lasso path knots (docs/math.md §1) as Double.
    ///   - sMax: horizon (`FlowReference.defaultSMax` in RunCheck is the CLI's default).
    ///   - gridPoints: size of the uniform part of the evaluation set, 2…`maxGridPoints` (the
    ///     integrator's own step points, which cluster at the jumps, are added per ε).
    ///   - apart: the times where the exact limit leaves the path (the exact verdict's divergence
    ///     intervals); elsewhere they are equal, so their distance is 0, not rounding noise.
    ///     nil: not known, measured everywhere.
    ///   - progress: overall completed fraction in [0, 1].
    public static func run(_ problem: DLNProblem, epsilons: [FlowEpsilon], exact: ExactTrajectory,
                           lasso: LassoPathInterpolant, sMax: Double, gridPoints: Int = 2000,
                           options: FlowOptions = FlowOptions(), apart: [ClosedRange<Double>]? = nil,
                           progress: ((Double) -> Void)? = nil) throws -> EpsilonSweepReport {
        guard !epsilons.isEmpty else { throw FlowError.invalidInput("no epsilon given") }
        guard exact.dimension == problem.dimension, lasso.dimension == problem.dimension else {
            throw FlowError.invalidInput("exact trajectory / lasso path dimension does not match the problem")
        }
        let horizon = sMax
        guard horizon > 0, horizon.isFinite else { throw FlowError.invalidInput("sMax must be positive") }
        guard (2...maxGridPoints).contains(gridPoints) else {
            throw FlowError.invalidInput("the grid must have 2 to \(maxGridPoints) points, got \(gridPoints)")
        }
        let lambda = problem.weightDecay
        let base = evaluationTimes(sMax: horizon, gridPoints: gridPoints, exact: exact, lasso: lasso, weightDecay: lambda)
        let lassoAt = { (s: Double) in lasso.solution(atS: s, weightDecay: lambda) }
        let optimum = LassoGap.optimum(from: lasso, problem: problem)

        // The limit's own distance from the lasso path (what the lasso deviation must tend to).
        var limitDistance = 0.0, limitArg = 0.0
        for s in base {
            let dist = Self.limitDistance(exact.averaged(at: s), lassoAt(s), at: s, apart: apart)
            if dist > limitDistance { limitDistance = dist; limitArg = s }
        }

        var rows: [EpsilonSweepRow] = []
        let clock = ContinuousClock()
        for (index, epsilon) in epsilons.enumerated() {
            let start = clock.now
            let trajectory = try ZFlow.solve(problem, epsilon: epsilon, sMax: horizon, options: options) { f in
                progress?((Double(index) + f) / Double(epsilons.count))
            }
            var devLimit = 0.0, argLimit = 0.0, devLasso = 0.0, argLasso = 0.0, gap = -Double.infinity, argGap = 0.0
            for s in base + trajectory.stepTimes where s > 0 {
                let avg = trajectory.averaged(at: s)
                let a = supDistance(avg, exact.averaged(at: s))
                if a > devLimit { devLimit = a; argLimit = s }
                let b = supDistance(avg, lassoAt(s))
                if b > devLasso { devLasso = b; argLasso = s }
                let kappa = lambda + 1 / s
                let g = LassoObjective.value(avg, problem: problem, kappa: kappa) - optimum(s)
                if g > gap { gap = g; argGap = s }
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            rows.append(EpsilonSweepRow(
                epsilon: epsilon.label, logInverseEpsilon: epsilon.logInverse,
                maxDeviationFromLimit: devLimit, sAtMaxDeviationFromLimit: argLimit,
                maxDeviationFromLasso: devLasso, sAtMaxDeviationFromLasso: argLasso,
                maxLassoGap: gap, sAtMaxLassoGap: argGap,
                acceptedSteps: trajectory.statistics.acceptedSteps,
                rejectedSteps: trajectory.statistics.rejectedSteps, seconds: seconds))
        }
        progress?(1)

        let Ls = rows.map(\.logInverseEpsilon)
        let fitLimit = DeviationFit(Ls, rows.map(\.maxDeviationFromLimit), expected: 0, against: .limit)
        let fitLasso = DeviationFit(Ls, rows.map(\.maxDeviationFromLasso), expected: limitDistance, against: .lasso,
                                    where: limitArg)
        return EpsilonSweepReport(
            variant: problem.variant, weightDecay: lambda, sMax: horizon, evaluationPoints: base.count,
            limitDistanceFromLasso: limitDistance, sAtLimitDistanceFromLasso: limitArg,
            rows: rows, fitLimit: fitLimit, fitLasso: fitLasso,
            reading: "Exact limit: " + fitLimit.reading + ". Lasso path: " + fitLasso.reading + ".")
    }

    /// `‖a − b‖∞`.
    public static func supDistance(_ a: [Double], _ b: [Double]) -> Double {
        var m = 0.0
        for i in a.indices { m = max(m, abs(a[i] - b[i])) }
        return m
    }

    /// The exact limit's distance from the lasso path at time `s`: 0 outside `apart` (the exact
    /// divergence intervals; nil: not known), where the two are equal and a measured distance
    /// would be rounding noise.
    public static func limitDistance(_ limit: [Double], _ path: [Double], at s: Double, apart: [ClosedRange<Double>]?) -> Double {
        apart?.contains(where: { $0.contains(s) }) ?? true ? supDistance(limit, path) : 0
    }
}
