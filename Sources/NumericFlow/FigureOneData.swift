import Foundation
import StiffODE

/// The data of the paper's Figure 1 for any instance (Berthier 2025, Fig. 1; docs/math.md §4): lasso
/// path coordinates against s, the exact averaged limit `x̄₀(s)`, the numeric `x̄_ε(s)` for one ε,
/// the gap `Lasso(x̄(s), κ) − Lasso*(κ)` of both, and the s-intervals where the limit leaves the
/// path. Plain arrays, so `SVGPlot.FigureOne` (which does not depend on this module) can draw it:
///
///     let data = try FigureOneData.compute(problem, epsilon: eps, exact: exact, lasso: path, sMax: 6,
///                                          divergenceIntervals: intervals)
///     let figure = FigureOne.figure(FigureOne.Input(data))   // in a module importing both
public struct FigureOneData: Sendable, Codable {
    public let epsilon: String
    public let variant: DLNVariant
    public let weightDecay: Double
    public let sMax: Double
    /// Sample times in `[0, sMax]` (uniform grid plus the saddle and knot times).
    public let s: [Double]
    /// Indices of the drawn coordinates (nonzero somewhere on the path or limit; at most
    /// `maxCoordinates`, largest first).
    public let coordinates: [Int]
    /// `[coordinate][sample]`, for the coordinates above.
    public let lassoPath: [[Double]]
    public let limitAverage: [[Double]]
    public let numericAverage: [[Double]]
    /// Gap sample times (`s > 0`).
    public let gapTimes: [Double]
    public let numericGap: [Double]
    public let limitGap: [Double]
    /// `[lower, upper]` pairs where `x̄₀(s) ≠ x_lasso(s)`.
    public let divergenceIntervals: [[Double]]
    public let saddleTimes: [Double]
    public let knotTimes: [Double]

    /// The most sample times a figure accepts (the SVG grows with samples × coordinates).
    public static let maxSamples = 20_000

    /// - Parameters:
    ///   - divergenceIntervals: where the limit leaves the path, up to `sMax`: the exact verdict's
    ///     intervals (`RunCheck.FlowReference.divergenceIntervals(upTo:)`, from LimitVerdict), or,
    ///     for Double data with no exact verdict behind it, `scannedDivergence`.
    ///   - lassoOptimum: `Lasso*(s)` (quadratic form); default from the path knots.
    ///   - logSpacedFrom: sample geometrically from this s > 0 (for a log-s axis).
    public static func compute(_ problem: DLNProblem, epsilon: FlowEpsilon, exact: ExactTrajectory,
                               lasso: LassoPathInterpolant, sMax: Double, samples: Int = 600,
                               maxCoordinates: Int = 36, divergenceIntervals: [ClosedRange<Double>],
                               lassoOptimum: ((Double) -> Double)? = nil, logSpacedFrom: Double? = nil,
                               options: FlowOptions = FlowOptions(),
                               progress: ((Double) -> Void)? = nil) throws -> FigureOneData {
        let lambda = problem.weightDecay
        let horizon = sMax
        guard horizon > 0, horizon.isFinite else { throw FlowError.invalidInput("sMax must be positive") }
        guard (2...maxSamples).contains(samples) else {
            throw FlowError.invalidInput("the figure takes 2 to \(maxSamples) samples, got \(samples)")
        }
        let trajectory = try ZFlow.solve(problem, epsilon: epsilon, sMax: horizon, options: options, progress: progress)
        let n = max(samples, 2)
        // Uniform in s, or geometric from `logSpacedFrom` for a log-s axis (then s = 0 is left out).
        var times: [Double]
        if let from = logSpacedFrom, from > 0, from < horizon {
            times = (0..<n).map { from * pow(horizon / from, Double($0) / Double(n - 1)) }
        } else {
            times = (0..<n).map { horizon * Double($0) / Double(n - 1) }
        }
        let knots = lasso.knotTimes(weightDecay: lambda).filter { $0 > 0 && $0 < horizon }
        let saddles = exact.saddleTimes.filter { $0 > 0 && $0 < horizon }
        for t in knots + saddles { times.append(t) }
        times = Array(Set(times)).sorted()

        let pathAt = { (s: Double) in lasso.solution(atS: s, weightDecay: lambda) }
        let pathValues = times.map(pathAt)
        let limitValues = times.map(exact.averaged(at:))
        let numericValues = times.map(trajectory.averaged(at:))

        // Coordinates worth drawing: nonzero somewhere, largest peak first, at most maxCoordinates.
        let d = problem.dimension
        var peak = [Double](repeating: 0, count: d)
        for k in times.indices {
            for i in 0..<d { peak[i] = max(peak[i], abs(pathValues[k][i]), abs(limitValues[k][i])) }
        }
        let scale = max(peak.max() ?? 0, 1e-300)
        let chosen = (0..<d).filter { peak[$0] > 1e-12 * scale }
            .sorted { peak[$0] > peak[$1] }.prefix(maxCoordinates).sorted()
        let column = { (rows: [[Double]], i: Int) in rows.map { $0[i] } }

        let optimum = lassoOptimum ?? LassoGap.optimum(from: lasso, problem: problem)
        let gapTimes = times.filter { $0 > 0 }
        let numericGap = LassoGap.samples(trajectory, problem: problem, at: gapTimes, lassoOptimum: optimum).map(\.gap)
        let limitGap = LassoGap.samples(averaged: exact.averaged(at:), problem: problem, at: gapTimes,
                                        lassoOptimum: optimum).map(\.gap)

        return FigureOneData(
            epsilon: epsilon.label, variant: problem.variant, weightDecay: lambda, sMax: horizon, s: times,
            coordinates: Array(chosen),
            lassoPath: chosen.map { column(pathValues, $0) },
            limitAverage: chosen.map { column(limitValues, $0) },
            numericAverage: chosen.map { column(numericValues, $0) },
            gapTimes: gapTimes, numericGap: numericGap, limitGap: limitGap,
            divergenceIntervals: divergenceIntervals.map { [$0.lowerBound, $0.upperBound] },
            saddleTimes: exact.saddleTimes, knotTimes: lasso.knotTimes(weightDecay: lambda))
    }

    /// Where `‖x̄₀(s) − x_lasso(s)‖∞ > 1e-9·scale` on (0, sMax], located on the Double data: a
    /// scan of 4000 points plus the saddle and knot times, then 60 bisections per boundary;
    /// `scale` is the largest |coordinate| of either curve on the scan.
    ///
    /// Only for Double data with no exact verdict behind it (this module used on its own). Both
    /// curves are rational functions of s on each piece, and LimitVerdict's `Divergence.intervals`
    /// has their exact intervals — right also where M is singular and the comparison goes through
    /// M·x, which this float comparison of x cannot see; every DLNPath command draws those.
    public static func scannedDivergence(exact: ExactTrajectory, lasso: LassoPathInterpolant, weightDecay: Double,
                                         sMax: Double) -> [ClosedRange<Double>] {
        let path = { (s: Double) in lasso.solution(atS: s, weightDecay: weightDecay) }
        var grid = (1...4000).map { sMax * Double($0) / 4000 }
        grid += lasso.knotTimes(weightDecay: weightDecay) + exact.saddleTimes
        grid = Array(Set(grid.filter { $0 > 0 && $0 <= sMax })).sorted()
        let scale = max(grid.flatMap { path($0) + exact.averaged(at: $0) }.map(abs).max() ?? 0, 1e-300)
        let apart = { (s: Double) -> Bool in
            EpsilonSweep.supDistance(exact.averaged(at: s), path(s)) > 1e-9 * scale
        }
        var result: [ClosedRange<Double>] = []
        var start: Double? = nil
        var previous = 0.0
        func boundary(_ a: Double, _ b: Double, leaving: Bool) -> Double {
            // apart(a) != apart(b); find the switch.
            var lo = a, hi = b
            for _ in 0..<60 {
                let mid = 0.5 * (lo + hi)
                if apart(mid) == leaving { hi = mid } else { lo = mid }
            }
            return 0.5 * (lo + hi)
        }
        for s in grid {
            let now = apart(s)
            if now, start == nil { start = boundary(previous, s, leaving: true) }
            if !now, let a = start { result.append(a...boundary(previous, s, leaving: false)); start = nil }
            previous = s
        }
        if let a = start { result.append(a...sMax) }
        return result
    }
}
