import Foundation
import NumericFlow
import SeededRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reproducible random instance and a timing harness for the Z-ODE (used by `dlnpath-bench`
/// and mirrored by `examples/flow-baseline/baseline.py`).
///
/// ## Instance generator (identical in Swift and Python)
/// SplitMix64 (Steele, Lea & Flood 2014) seeded with `seed`; uniforms `u = (next >> 11)·2⁻⁵³`;
/// standard normals by Box–Muller in pairs: `ρ = √(−2 log(1 − u₁))`, `z₀ = ρ cos(2πu₂)`,
/// `z₁ = ρ sin(2πu₂)`. X (n×d) is filled row by row, then y (n); `M = XᵀX/n`, `r = Xᵀy/n`.
public enum FlowBenchmark {
    /// `count` standard normals from SeededRandom's SplitMix64, as described above.
    static func gaussians(_ count: Int, seed: UInt64) -> [Double] {
        var g = SplitMix64(seed: seed)
        var out: [Double] = []
        out.reserveCapacity(count + 1)
        while out.count < count {
            let u1 = g.nextUnit(), u2 = g.nextUnit()
            let rho = (-2 * log(1 - u1)).squareRoot()
            out.append(rho * cos(2 * Double.pi * u2))
            out.append(rho * sin(2 * Double.pi * u2))
        }
        return Array(out.prefix(count))
    }

    /// The benchmark instance: Gaussian X (n×d) and y, `M = XᵀX/n`, `r = Xᵀy/n`.
    public static func instance(d: Int, n: Int, seed: UInt64) -> (M: [[Double]], r: [Double]) {
        let z = gaussians(n * d + n, seed: seed)
        var M = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        var r = [Double](repeating: 0, count: d)
        for k in 0..<n {
            let row = z[(k * d)..<((k + 1) * d)]
            let yk = z[n * d + k]
            for i in 0..<d {
                let xi = row[row.startIndex + i]
                r[i] += xi * yk
                for j in 0..<d { M[i][j] += xi * row[row.startIndex + j] }
            }
        }
        let inv = 1 / Double(n)
        return (M.map { $0.map { $0 * inv } }, r.map { $0 * inv })
    }

    /// `{"M": [[…]], "r": […]}` with round-trip Double spelling, for `baseline.py --instance`.
    public static func instanceJSON(d: Int, n: Int, seed: UInt64) -> String {
        let (M, r) = instance(d: d, n: n, seed: seed)
        let rows = M.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",")
        return "{\"M\":[" + rows + "],\"r\":[" + r.map { "\($0)" }.joined(separator: ",") + "]}"
    }

    public struct Result: Sendable, Codable {
        public let d: Int
        public let n: Int
        public let seed: UInt64
        public let epsilon: String
        public let sMax: Double
        public let relativeTolerance: Double
        public let absoluteTolerance: Double
        /// Best wall time over the repetitions.
        public let seconds: Double
        /// Best CPU time of the process (robust to other load on the machine; compare
        /// with `time.process_time()` in the Python baseline).
        public let cpuSeconds: Double
        public let repetitions: Int
        public let statistics: IntegrationStatistics
        /// `x̄_ε(sMax)`.
        public let finalAveraged: [Double]
        /// `x̄_ε(s)` at the requested `sampleTimes` (dense output of the last run; not timed).
        public let sampledAveraged: [[Double]]
    }

    /// Integrates the signed Z-ODE on the seeded instance from 0 to `sMax`, `repetitions` times,
    /// and reports the best time (build with `-c release`), the final x̄ and x̄ at `sampleTimes`
    /// (for accuracy along the trajectory, not only at its end: the end point forgets earlier
    /// errors, since the flow contracts onto its last saddle).
    public static func run(d: Int = 50, n: Int = 100, seed: UInt64 = 1, epsilon: FlowEpsilon? = nil,
                           sMax: Double = 20, options: FlowOptions = FlowOptions(),
                           repetitions: Int = 5, sampleTimes: [Double] = []) throws -> Result {
        let eps = try epsilon ?? FlowEpsilon(parsing: "1e-50")
        let (M, r) = instance(d: d, n: n, seed: seed)
        let problem = try DLNProblem(M: M, r: r)
        let clock = ContinuousClock()
        var best = Double.infinity, bestCPU = Double.infinity
        var last: FlowTrajectory? = nil
        for _ in 0..<max(1, repetitions) {
            let start = clock.now
            let cpuStart = processCPUTime()
            let trajectory = try ZFlow.solve(problem, epsilon: eps, sMax: sMax, options: options)
            bestCPU = min(bestCPU, processCPUTime() - cpuStart)
            let elapsed = clock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            last = trajectory
        }
        let trajectory = last!
        return Result(d: d, n: n, seed: seed, epsilon: eps.label, sMax: sMax,
                      relativeTolerance: options.relativeTolerance, absoluteTolerance: options.absoluteTolerance,
                      seconds: best, cpuSeconds: bestCPU, repetitions: max(1, repetitions), statistics: trajectory.statistics,
                      finalAveraged: trajectory.averaged(at: sMax),
                      sampledAveraged: sampleTimes.map { trajectory.averaged(at: $0) })
    }

    /// CPU time of this process in seconds.
    static func processCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
