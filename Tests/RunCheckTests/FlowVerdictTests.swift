import ExactArithmetic
import Foundation
import NumericFlow
import RunCheck
import Testing

/// The flow sweep's three-way verdict (`DeviationFit`), from its criterion.
@Suite("flow verdict: consistent only in the 1/log(1/ε) regime")
struct FlowVerdictTests {
    static let Ls = [1e-5, 1e-10, 1e-20, 1e-50, 1e-100].map { -log($0) }

    /// scikit-learn's diabetes data, `flow` with the default ε: deviation·log(1/ε) = 3009, 3958,
    /// 4923, 6614, 7420 — still growing. The old reading called this consistent (its least-squares
    /// intercept 36.4 was "within 20%"); it must not be.
    @Test("regression: the diabetes sweep is inconclusive, with an estimate of the ε that would decide")
    func diabetes() {
        let scaled = [3009.0, 3958, 4923, 6614, 7420]
        let fit = DeviationFit(Self.Ls, zip(scaled, Self.Ls).map { $0 / $1 }, expected: 0, against: .limit)
        #expect(fit.verdict == .inconclusive, "\(fit.reading)")
        #expect(abs(fit.intercept - 36.44) < 0.05, "the least-squares extrapolation is still reported: \(fit.intercept)")
        // Over 1e-20…1e-100 the product grows 7420/4923 = 1.507 over log2(5) = 2.32 doublings.
        #expect(abs(fit.driftPerDoubling! - (pow(7420.0 / 4923, 1 / log2(5.0)) - 1)) < 1e-3)
        let estimate = try! #require(fit.decidableEpsilon)
        let exponent = Int(estimate.dropFirst(3))!
        #expect((150...250).contains(exponent), "\(estimate)")
        #expect(fit.reading.contains(estimate))
    }

    /// docs/math.md §4's example against the lasso path over ε = 1e-5, 1e-10, 1e-20 (measured):
    /// the last pair drifts 1.5%, but the window of three 11.7%. The advice is the next doubling
    /// of log(1/ε), not an ε already run (over 1e-10…1e-40 the verdict is consistent).
    @Test("a drift already within 10% at the smallest ε asks for one more ε, not one already run")
    func reachedAtTheSmallestEpsilon() {
        let Ls = Array(Self.Ls.prefix(3))
        let fit = DeviationFit(Ls, zip([1.204, 1.48, 1.502], Ls).map { 0.25 + $0 / $1 }, expected: 0.25, against: .lasso, where: 1)
        #expect(fit.verdict == .inconclusive, "\(fit.reading)")
        #expect(fit.decidableEpsilon == "1e-40")
        #expect(fit.reading.hasSuffix("the drift is within 10% towards the smallest ε already, so one more ε, about 1e-40, should decide"), "\(fit.reading)")
    }

    @Test("the measured diabetes sweep further down in ε is consistent (1e-50 … 1e-1600)")
    func diabetesSmallerEpsilon() {
        let Ls = [1e-50, 1e-100].map { -log($0) } + [200.0, 400, 800, 1600].map { $0 * log(10.0) }
        let scaled = [6614.0, 7420, 7606, 7708, 7764, 7793]
        let fit = DeviationFit(Ls, zip(scaled, Ls).map { $0 / $1 }, expected: 0, against: .limit)
        #expect(fit.verdict == .consistent, "\(fit.reading)")
    }

    @Test("an instance in the regime (docs/math.md §4's example, measured) is consistent")
    func inRegime() {
        let scaled = [1.642, 1.826, 1.952, 2.051, 2.091]
        let fit = DeviationFit(Self.Ls, zip(scaled, Self.Ls).map { $0 / $1 }, expected: 0, against: .limit)
        #expect(fit.verdict == .consistent, "\(fit.reading)")
        #expect(fit.driftPerDoubling! < 0.05)
    }

    @Test("deviations that do not shrink, or grow, are inconsistent")
    func inconsistent() {
        let flat = DeviationFit(Self.Ls, [0.3, 0.29, 0.29, 0.285, 0.285], expected: 0, against: .limit)
        #expect(flat.verdict == .inconsistent, "\(flat.reading)")
        let growing = DeviationFit(Self.Ls, [0.1, 0.05, 0.08, 0.02, 0.01], expected: 0, against: .limit)
        #expect(growing.verdict == .inconsistent, "\(growing.reading)")
        // A lasso comparison converging to the limit's own distance from the path is consistent.
        let lasso = DeviationFit(Self.Ls, zip([1.204, 1.48, 1.502, 1.502, 1.502], Self.Ls).map { 0.25 + $0 / $1 },
                                 expected: 0.25, against: .lasso, where: 1)
        #expect(lasso.verdict == .consistent, "\(lasso.reading)")
        #expect(lasso.reading.contains("leaves the lasso path"))
        let single = DeviationFit([Self.Ls[0]], [0.1], expected: 0, against: .limit)
        #expect(single.verdict == .inconclusive)
    }

    @Test("a real sweep at large ε (not yet in the regime) is inconclusive; at small ε consistent")
    func sweeps() throws {
        let ref = try reference(try workedExample())
        let early = try FlowSweep.run(ref, epsilons: try FlowEpsilon.parseList("1e-2,1e-3,1e-4"), gridPoints: 300)
        #expect(early.verdict == .inconclusive, "\(early.report.fitLimit.reading)")
        #expect(early.report.fitLimit.decidableEpsilon != nil)
        let late = try FlowSweep.run(ref, epsilons: try FlowEpsilon.parseList("1e-20,1e-50,1e-100"), gridPoints: 300)
        #expect(late.verdict == .consistent, "\(late.report.fitLimit.reading)")
        #expect(late.sMax == Rational(9, 2) && late.defaultHorizon, "the default horizon 1.5 × 3")
    }

    @Test("absurd grid sizes are refused with the largest accepted value")
    func gridBound() throws {
        let ref = try reference(try workedExample())
        #expect(throws: RunCheckError.badInput("--grid must be between 2 and 100000, got 1000000000")) {
            try FlowSweep.run(ref, epsilons: [try FlowEpsilon(parsing: "1e-5")], gridPoints: 1_000_000_000)
        }
        #expect(throws: RunCheckError.badInput("--samples must be between 2 and 20000, got 1000000000")) {
            try FlowFigure.plot(ref, epsilon: try FlowEpsilon(parsing: "1e-5"), samples: 1_000_000_000, fileName: "x")
        }
    }
}
