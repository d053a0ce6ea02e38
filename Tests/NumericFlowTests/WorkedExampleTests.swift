import Foundation
import Testing
import NumericFlow

/// docs/math.md §4's worked example: `M = [[10, −4], [−4, 2]]`, `r = (−3, 2)`, signed.
///
/// Exact values (from `Instances`, derived by hand from docs/math.md §3):
/// - s = 2: `Z(2) = (−3/10·5/12, 2 − 3/4) = (−1/8, 5/4)`, `x̄₀(2) = (−1/16, 5/8)`; κ = 1/2 lies on
///   the segment κ ∈ [1/3, 1] where `x(κ) = (0, (2−κ)/2) = (0, 3/4)`.
///   `Lasso(x̄₀(2), ½)`: `Mx̄₀ = (−25/8, 3/2)`, `½x̄₀ᵀMx̄₀ = 145/256`, `rᵀx̄₀ = 23/16`,
///   `½‖x̄₀‖₁ = 11/32`, total `−135/256`. `Lasso*(½) = ½·2·(3/4)² − 2·3/4 + ½·3/4 = −9/16`.
///   Limit gap at s = 2: `9/256 = 0.03515625`.
/// - s = 1/2: `x̄₀ = (−3/10·(1/6)/(1/2), 0) = (−1/10, 0) = x(κ = 2)`: gap 0.
/// - s ≥ 3: `Z(s) = (s/2 − 3/2, 2s − 7/2)`, `x̄₀(s) = (1/2 − 3/(2s), 2 − 7/(2s)) = x(1/s)`: gap 0.
@Suite("docs/math.md §4 worked example")
struct WorkedExampleTests {
    static let epsilons = ["1e-5", "1e-10", "1e-20", "1e-50", "1e-100"]

    @Test("exact data: x̄₀(2), Lasso*(1/2) and the limit gap 9/256")
    func exactData() throws {
        let problem = try Instances.workedExample()
        let limit = try Instances.workedExampleLimit()
        let path = try Instances.workedExamplePath()
        #expect(supDistance(limit.averaged(at: 2), [-1.0 / 16, 5.0 / 8]) < 1e-15)
        #expect(supDistance(path.solution(atS: 2), [0, 0.75]) < 1e-15)
        let optimum = LassoGap.optimum(from: path, problem: problem)
        #expect(abs(optimum(2) - (-9.0 / 16)) < 1e-15)
        let gap = LassoGap.samples(averaged: limit.averaged(at:), problem: problem, at: [0.5, 2, 4],
                                   lassoOptimum: optimum).map(\.gap)
        #expect(abs(gap[1] - 9.0 / 256) < 1e-14)
        #expect(abs(gap[0]) < 1e-14 && abs(gap[2]) < 1e-14)
        // Codable round trip (the CLI may pass these as JSON); decoding validates.
        let back = try JSONDecoder().decode(ExactTrajectory.self, from: try JSONEncoder().encode(limit))
        #expect(back == limit)
        let bad = #"{"kappas": [1, 2], "solutions": [[0], [1]]}"#
        #expect(throws: FlowError.self) { try JSONDecoder().decode(LassoPathInterpolant.self, from: Data(bad.utf8)) }
    }

    /// The numeric gap converges to the limit gap like 1/log(1/ε): measured
    /// `(gap_ε(2) − 9/256)·log(1/ε) ≈ 0.13` for every ε here. Where the limit is on the path
    /// (s = 1/2, s ≥ 3) the gap is quadratic in the deviation (`Lasso(·, κ)` is smooth around
    /// the optimum along the active face), so it vanishes like 1/log²(1/ε).
    @Test("gap near s = 2 tends to the non-zero limit gap; near s = 1/2 and s ≥ 4 it tends to 0")
    func gapConvergence() throws {
        let problem = try Instances.workedExample()
        let optimum = LassoGap.optimum(from: try Instances.workedExamplePath(), problem: problem)
        var previous: [Double]? = nil
        for text in Self.epsilons {
            let eps = try FlowEpsilon(parsing: text)
            let trajectory = try ZFlow.solve(problem, epsilon: eps, sMax: 4.5)
            let gaps = LassoGap.samples(trajectory, problem: problem, at: [0.5, 2, 4, 4.5], lassoOptimum: optimum).map(\.gap)
            let excess = (gaps[1] - 9.0 / 256) * eps.logInverse
            #expect(excess > 0.05 && excess < 0.3, "ε = \(text): (gap − 9/256)·log(1/ε) = \(excess)")
            #expect(gaps[1] > 0.03, "the gap near s = 2 must stay clearly non-zero")
            if let previous {
                for k in [0, 2, 3] { #expect(gaps[k] < previous[k], "ε = \(text), s index \(k)") }
                #expect(gaps[1] < previous[1])
            }
            previous = gaps
        }
        let last = previous!
        #expect(abs(last[1] - 9.0 / 256) < 1e-3)
        #expect(last[0] < 1e-4 && last[2] < 1e-4 && last[3] < 1e-4)
    }

    @Test("sweep reading: consistent with the limit, and the limit leaves the lasso path")
    func sweepReading() throws {
        let report = try EpsilonSweep.run(
            try Instances.workedExample(), epsilons: try FlowEpsilon.parseList(Self.epsilons.joined(separator: ",")),
            exact: try Instances.workedExampleLimit(), lasso: try Instances.workedExamplePath(), sMax: 4.5, gridPoints: 600)
        // The CLI's default horizon: 1.5 × the later of the last saddle (11/4) and the last lasso
        // knot time (1/κ = 3, where the limit rejoins the path).
        #expect(Instances.defaultSMax(try Instances.workedExampleLimit(), try Instances.workedExamplePath()) == 4.5)
        // sup_s ‖x̄₀ − x_lasso‖∞ = 1/4, at s = 1 (x̄₀(1) = (−1/8, 1/4), x(1) = (0, 1/2)).
        #expect(abs(report.limitDistanceFromLasso - 0.25) < 1e-9)
        #expect(abs(report.sAtLimitDistanceFromLasso - 1) < 1e-6)
        let dev = report.rows.map(\.maxDeviationFromLimit)
        for (a, b) in zip(dev, dev.dropFirst()) { #expect(b < a) }
        #expect(report.fitLimit.verdict == .consistent, "\(report.fitLimit.reading)")
        #expect(report.fitLasso.verdict == .consistent, "\(report.fitLasso.reading)")
        #expect(abs(report.fitLasso.intercept - 0.25) < 0.02)
        #expect(report.fitLasso.reading.contains("leaves the lasso path"))
        // JSON shape the CLI prints.
        let json = String(decoding: try JSONEncoder().encode(report.rows[0]), as: UTF8.self)
        #expect(json.contains("\"epsilon\":\"1e-5\""))
        #expect(json.contains("\"maxDeviationFromLimit\""))
        #expect(json.contains("\"maxDeviationFromLasso\""))
    }

    @Test("a wrong exact trajectory is reported as inconsistent")
    func wrongLimitIsCaught() throws {
        // Saddle times shifted by 10%: the deviation cannot shrink to 0.
        let wrong = try ExactTrajectory(dimension: 2, saddleTimes: [1.1 / 3, 1.1 * 3 / 4, 1.1 * 11 / 4],
                                        iterates: [[-0.3, 0], [0, 1], [0.5, 2]])
        let report = try EpsilonSweep.run(
            try Instances.workedExample(), epsilons: try FlowEpsilon.parseList("1e-10,1e-50,1e-100"),
            exact: wrong, lasso: try Instances.workedExamplePath(), sMax: 4.5, gridPoints: 300)
        #expect(report.fitLimit.verdict == .inconsistent, "\(report.fitLimit.reading)")
    }

    @Test("Figure 1 data: the divergence interval (3/4, 3) as given and as scanned, and gaps")
    func figureData() throws {
        let exact = try Instances.workedExampleLimit(), path = try Instances.workedExamplePath()
        // The float scan, for Double data with no exact verdict, finds the exact interval (3/4, 3)
        // up to its threshold 1e-9·scale (the distance grows linearly from either end).
        let scanned = FigureOneData.scannedDivergence(exact: exact, lasso: path, weightDecay: 0, sMax: 4.5)
        #expect(scanned.count == 1)
        #expect(abs(scanned[0].lowerBound - 0.75) < 1e-8 && abs(scanned[0].upperBound - 3) < 1e-8, "\(scanned)")
        // Clipped at the horizon when the limit is still off the path there.
        #expect(FigureOneData.scannedDivergence(exact: exact, lasso: path, weightDecay: 0, sMax: 2).map(\.upperBound) == [2])
        let data = try FigureOneData.compute(
            try Instances.workedExample(), epsilon: try FlowEpsilon(parsing: "1e-10"),
            exact: exact, lasso: path, sMax: 4.5, samples: 200, divergenceIntervals: [0.75...3])
        #expect(data.divergenceIntervals == [[0.75, 3]])
        #expect(data.coordinates == [0, 1])
        #expect(data.s.contains(0.75) && data.s.contains(2.75))
        let k = data.gapTimes.firstIndex { $0 >= 2 }!
        #expect(abs(data.limitGap[k] - 9.0 / 256) < 2e-3)
    }
}
