import Foundation
import Testing
@testable import NumericFlow

@Suite("Z-ODE (docs/math.md §2)")
struct ZFlowTests {
    /// The Z-ODE and the textbook (u, v) flow are the same dynamics; at moderate ε both are
    /// integrable to ~1e-8, so x̄ and x must agree to ~1e-6 (a wrong sign, factor 2 in the time
    /// scaling, or a wrong weight-decay term would show up at order 1).
    @Test("agrees with the direct (u, v) flow at moderate ε", arguments: ["1e-3", "1e-4", "1e-6"])
    func directAgreement(epsilon: String) throws {
        let eps = try FlowEpsilon(parsing: epsilon)
        let problems = [
            try Instances.workedExample(),
            try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2], beta: [1, 0.5], gamma: [0.3, -0.2], weightDecay: 0.2),
            try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2], variant: .positive, weightDecay: 0.1),
            try DLNProblem(M: [[2, 1, 0], [1, 2, 1], [0, 1, 2]], r: [1, -0.5, 0.7], variant: .positive, alpha: [1, 2, 0.5]),
        ]
        let tight = FlowOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12)
        for problem in problems {
            let z = try ZFlow.solve(problem, epsilon: eps, sMax: 5, options: tight)
            let direct = try DirectFlow.solve(problem, epsilon: eps, sMax: 5, options: tight)
            var worstAverage = 0.0, worstIterate = 0.0
            for s in stride(from: 0.05, through: 5, by: 0.05) {
                worstAverage = max(worstAverage, supDistance(z.averaged(at: s), direct.averaged(at: s)))
                worstIterate = max(worstIterate, supDistance(z.iterate(at: s), direct.iterate(at: s)))
            }
            #expect(worstAverage < 1e-6, "x̄ differs by \(worstAverage) (\(problem.variant), λwd = \(problem.weightDecay))")
            #expect(worstIterate < 1e-5, "x differs by \(worstIterate) (\(problem.variant), λwd = \(problem.weightDecay))")
        }
    }

    @Test("q = s r − M W is preserved (linear invariant of the (q, W) state)")
    func invariant() throws {
        let problem = try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2], weightDecay: 0.3)
        let trajectory = try ZFlow.solve(problem, epsilon: try FlowEpsilon(parsing: "1e-50"), sMax: 6)
        for k in stride(from: 0, to: trajectory.dense.times.count, by: 7) {
            let s = trajectory.dense.times[k]
            let q = trajectory.dense.value(at: s, components: 0..<2)
            let W = trajectory.integral(at: s)
            let mw = problem.multiply(W)
            for i in 0..<2 { #expect(abs(q[i] - (s * problem.r[i] - mw[i])) < 1e-11) }
        }
    }

    @Test("runs at ε = 1e-300 and beyond Double (1e-1000) without overflow or underflow trouble")
    func tinyEpsilon() throws {
        let problem = try Instances.workedExample()
        for text in ["1e-300", "1e-1000"] {
            let trajectory = try ZFlow.solve(problem, epsilon: try FlowEpsilon(parsing: text), sMax: 5)
            // Past the last saddle (11/4) the iterate sits at the minimiser (1/2, 2), and
            // x̄(5) → Z(5)/5 = (1, 6.5)/5 = (0.2, 1.3) up to O(1/log(1/ε)).
            let x = trajectory.iterate(at: 4.5)
            #expect(abs(x[0] - 0.5) < 1e-6 && abs(x[1] - 2) < 1e-6)
            let avg = trajectory.averaged(at: 5)
            #expect(supDistance(avg, [0.2, 1.3]) < 0.01)
        }
        // Positive case (docs/math.md §3 with x ≥ 0): c = r = (−3, 2), so coordinate 2 reaches q = 1 at
        // s = 1/2 and x° = (0, r₂/M₂₂) = (0, 1); then c₁ = −3 + 4 = 1 > 0 and q₁ = −3/2 + (s − 1/2)
        // reaches 1 at s = 3, after which x° = M⁻¹r = (1/2, 2) ≥ 0.
        let positive = try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2], variant: .positive)
        let trajectory = try ZFlow.solve(positive, epsilon: try FlowEpsilon(parsing: "1e-300"), sMax: 5)
        #expect(supDistance(trajectory.iterate(at: 2), [0, 1]) < 1e-6)
        #expect(supDistance(trajectory.iterate(at: 4.5), [0.5, 2]) < 1e-6)
        #expect(trajectory.iterate(at: 2)[0] >= 0)
    }

    @Test("epsilon parsing and labels")
    func epsilonParsing() throws {
        let list = try FlowEpsilon.parseList("1e-5, 1E-10,0.001,2.5e-400")
        #expect(list.map(\.label) == ["1e-5", "1E-10", "0.001", "2.5e-400"])
        #expect(abs(list[0].logInverse - 5 * log(10.0)) < 1e-12)
        #expect(abs(list[3].logInverse - (400 * log(10.0) - log(2.5))) < 1e-9)
        #expect(try FlowEpsilon(1e-5).label == "1e-5")
        #expect(throws: FlowError.self) { try FlowEpsilon(parsing: "2") }
        #expect(throws: FlowError.self) { try FlowEpsilon(parsing: "abc") }
    }

    @Test("input validation")
    func validation() {
        #expect(throws: FlowError.self) { try DLNProblem(M: [[1, 2], [0, 1]], r: [1, 1]) }
        #expect(throws: FlowError.self) { try DLNProblem(M: [[1, 0], [0, 1]], r: [1, 1], beta: [1, 1], gamma: [1, 0]) }
        #expect(throws: FlowError.self) { try DLNProblem(M: [[1, 0], [0, 1]], r: [1, 1], variant: .positive, alpha: [0, 1]) }
        #expect(throws: FlowError.self) { try DLNProblem(M: [[1]], r: [1], weightDecay: -1) }
    }
}
