import Testing
@testable import NumericFlow

@Suite("Gradient descent on the weights")
struct GradientDescentTests {
    /// GD is the explicit Euler method on the weight flow: its x̄ differs from the flow's by
    /// O(η) (measured: ≈ 1.0·η on this instance), so η = 1e-3 must stay within 3e-3, and the
    /// curvature criterion must report a faithful discretisation.
    @Test("a small step agrees with the flow")
    func smallStep() throws {
        let problem = try Instances.workedExample()
        let eps = try FlowEpsilon(parsing: "1e-4")
        let flow = try ZFlow.solve(problem, epsilon: eps, sMax: 5)
        let gd = try GradientDescent.run(problem, epsilon: eps, stepSize: 1e-3, sMax: 5, sampleAt: [0.5, 1, 2, 3, 4, 5])
        #expect(gd.samples.count == 6)
        for sample in gd.samples {
            #expect(supDistance(sample.averaged, flow.averaged(at: sample.s)) < 3e-3, "s = \(sample.s)")
        }
        #expect(gd.tracksFlow)
        #expect(gd.maxStepTimesCurvature < 0.1)
        #expect(gd.firstLossIncreaseS == nil)
    }

    /// ‖M‖₂ ≈ 11.7 and |g| ≤ 3 on this instance, so Λ ≥ ~7 once x ≈ (1/2, 2) is reached:
    /// η = 0.5 gives η·Λ > 2 (stability is lost), and η = 2 diverges outright.
    @Test("a large step is flagged")
    func largeStep() throws {
        let problem = try Instances.workedExample()
        let eps = try FlowEpsilon(parsing: "1e-4")
        let coarse = try GradientDescent.run(problem, epsilon: eps, stepSize: 0.5, sMax: 5)
        #expect(!coarse.tracksFlow)
        #expect(coarse.firstCurvatureViolationS != nil)
        #expect(coarse.diagnosis.contains("too large"))
        let wild = try GradientDescent.run(problem, epsilon: eps, stepSize: 2, sMax: 5)
        #expect(wild.diverged || wild.firstLossIncreaseS != nil)
        #expect(!wild.tracksFlow)
    }
}
