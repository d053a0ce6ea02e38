import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import NumericFlow
import ProblemDefinition
import RunCheck
import Testing

@Suite("check-run: a training run against the tool's own run, the limit and the path")
struct RunCheckTests {
    let ref: FlowReference
    let eps: FlowEpsilon

    init() throws {
        ref = try reference(try workedExample())
        eps = try FlowEpsilon(parsing: "1e-6")
    }

    @Test("a run made by the tool's own integrator is consistent, with the theory's parts beside it")
    func ownIntegrator() throws {
        let run = try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 4000)
        let r = try RunCheck.check(run, against: ref, options: .init())
        #expect(r.verdict == .consistent, "\(r.reading)")
        #expect(r.runDeviation.value < 1e-6)
        #expect(r.samplingError.value < r.tolerance / 2)
        // The run is the flow at ε, so its distance to the limit is the theory's at this ε,
        // and its distance to the path includes the limit's own 1/4 at s = 1 (x̄₀(1) = (−1/8, 1/4)).
        #expect(abs(r.limitDeviation.value - r.referenceLimitDeviation.value) < 1e-6)
        #expect(abs(r.limitLassoDistance.value - 0.25) < 1e-3)
        #expect(abs(r.limitLassoDistance.s - 1) < 2e-3)
        #expect(r.lassoDeviation.value > 0.25)
        #expect(r.divergence.count == 1 && r.divergence[0].from == Rational(3, 4) && r.divergence[0].to == Rational(3))
        #expect(r.series.s.count == 3999)
    }

    @Test("a run of a perturbed problem is inconsistent")
    func perturbedProblem() throws {
        let other = try DLNProblem(M: [[10.5, -4], [-4, 2]], r: [-3, 2])
        let r = try RunCheck.check(try flowRun(other, epsilon: eps, sMax: 4.5, count: 2000), against: ref, options: .init())
        #expect(r.verdict == .inconsistent, "\(r.reading)")
        #expect(r.runDeviation.value > 10 * r.tolerance)
    }

    @Test("a run at another ε than declared is inconsistent")
    func wrongEpsilon() throws {
        let run = try flowRun(ref.dln, epsilon: try FlowEpsilon(parsing: "1e-8"), sMax: 4.5, count: 2000, declared: eps)
        let r = try RunCheck.check(run, against: ref, options: .init())
        #expect(r.verdict == .inconsistent, "\(r.reading)")
    }

    @Test("wrong parametrisations are inconsistent: u(0) = ε·β (α = ε, not √ε), loss without the ½")
    func wrongParametrisation() throws {
        // u(0) = εβ is the tool's run at ε², which reaches rescaled time s at t = s·log(1/ε²)/2.
        let squared = try FlowEpsilon(logInverse: 2 * eps.logInverse)
        let a = try RunCheck.check(try flowRun(ref.dln, epsilon: squared, sMax: 4.5, count: 2000, declared: eps, sScale: 0.5),
                                   against: ref, options: .init())
        #expect(a.verdict == .inconsistent, "\(a.reading)")
        // Gradient of ‖Xx − y‖²/n (no ½): twice as fast, so the run at t is ours at 2t.
        let b = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 2000, sScale: 2),
                                   against: ref, options: .init())
        #expect(b.verdict == .inconsistent, "\(b.reading)")
    }

    @Test("a coarsely sampled run is inconclusive and says how densely to sample")
    func coarse() throws {
        let r = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 25), against: ref, options: .init())
        #expect(r.verdict == .inconclusive, "\(r.reading)")
        #expect(r.runDeviation.value < r.tolerance)
        let denser = try #require(r.denserBy)
        #expect(denser >= 2)
        #expect(r.reading.contains("more densely"))
        // Sampling as suggested decides.
        let dense = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 25 * denser * 2), against: ref, options: .init())
        #expect(dense.verdict == .consistent, "\(dense.reading)")
    }

    /// The criterion asks σ ≤ τ/2 for consistent: with τ = 1.5σ the run is within τ, yet
    /// inconclusive, sampling 3× denser.
    @Test func samplingErrorBetweenHalfAndWholeToleranceIsInconclusive() throws {
        let run = try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 25)
        let first = try RunCheck.check(run, against: ref, options: .init())
        let r = try RunCheck.check(run, against: ref, options: .init(relativeTolerance: 1.5 * first.samplingError.value / first.scale))
        #expect(r.runDeviation.value <= r.tolerance)
        #expect(r.samplingError.value > r.tolerance / 2 && r.samplingError.value <= r.tolerance)
        #expect(r.verdict == .inconclusive && r.denserBy == 3, "\(r.reading)")
    }


    @Test("gradient descent with a step that tracks the flow: consistent, and close to the flow")
    func descentTracking() throws {
        let run = try descentRun(ref.dln, epsilon: eps, step: 1e-3)
        let r = try RunCheck.check(run, against: ref, options: .init(step: 1e-3))
        #expect(r.verdict == .consistent, "\(r.reading)")
        #expect(r.runDeviation.value < 1e-9)
        #expect(r.samplingError.value < 1e-12, "every iteration is sampled")
        #expect(r.descentTracksFlow == true)
        // Read as a flow run (t = kη), it stays within 1% of the flow's scale.
        let asFlow = try TrainingRun(times: run.times.map { $0 * 1e-3 }, x: run.x, epsilon: eps, dimension: 2)
        let f = try RunCheck.check(asFlow, against: ref, options: .init(relativeTolerance: 1e-2))
        #expect(f.verdict == .consistent, "\(f.reading)")
    }

    @Test("gradient descent with a step that does not track the flow: consistent as GD, flagged, and not a flow")
    func descentNotTracking() throws {
        let run = try descentRun(ref.dln, epsilon: eps, step: 0.1)
        let r = try RunCheck.check(run, against: ref, options: .init(step: 0.1))
        #expect(r.verdict == .consistent, "\(r.reading)")
        #expect(r.descentTracksFlow == false)
        #expect(r.descentDiagnosis?.contains("too large") == true)
        let asFlow = try TrainingRun(times: run.times.map { $0 * 0.1 }, x: run.x, epsilon: eps, dimension: 2)
        let f = try RunCheck.check(asFlow, against: ref, options: .init(relativeTolerance: 1e-2))
        #expect(f.verdict == .inconsistent, "\(f.reading)")
        // The wrong step for a GD run is inconsistent too.
        let w = try RunCheck.check(run, against: ref, options: .init(step: 0.05))
        #expect(w.verdict == .inconsistent)
    }

    @Test("a missing ε and a bad step are bad input")
    func badOptions() throws {
        let run = try TrainingRun(times: [0, 1], x: [[0, 0], [0, 0]], dimension: 2, file: "r.json")
        #expect(throws: RunCheckError.badInput("r.json: no ε: the file stores none (key 'epsilon'), so give --epsilon")) {
            try RunCheck.check(run, against: ref, options: .init())
        }
        #expect(throws: RunCheckError.self) { try RunCheck.check(run, against: ref, options: .init(epsilon: eps, step: -1)) }
    }

    @Test("JSON has the deviations as numbers under their names, the verdict, the criterion and the series")
    func json() throws {
        let r = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 500), against: ref, options: .init())
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.json().serialized(pretty: false).utf8)) as? [String: Any])
        for key in ["runDeviation", "limitDeviation", "lassoDeviation", "sAtRunDeviation", "sAtLimitDeviation", "sAtLassoDeviation"] {
            #expect(o[key] is NSNumber, "\(key)")
        }
        #expect(o["verdict"] as? String == r.verdict.rawValue)
        #expect((o["criterion"] as? String)?.isEmpty == false)
        let series = try #require(o["series"] as? [String: Any])
        #expect((series["s"] as? [Any])?.count == 499)
        #expect((series["runAverage"] as? [[Any]])?.first?.count == 2)
        let divergence = try #require(o["divergence"] as? [[String: Any]])
        #expect(divergence.first?["from"] as? String == "3/4")
    }
}

@Suite("check-run on the weight-tied network x = u∘u")
struct PositiveRunCheckTests {
    @Test("s = 4t/log(1/ε): the tool's own u∘u run is consistent; read with the u∘v clock it is not")
    func positiveClock() throws {
        let p = try Problem(M: Matrix([[Rational(2), Rational(-1)], [Rational(-1), Rational(2)]]), r: [Rational(1), Rational(1)],
                            variant: .positive)
        let ref = try FlowReference(p)
        let eps = try FlowEpsilon(parsing: "1e-5")
        let sMax = ref.defaultSMax.doubleValue
        let trajectory = try ZFlow.solve(ref.dln, epsilon: eps, sMax: sMax, options: FlowOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12))
        let s = (0..<3000).map { sMax * Double($0) / 2999 }
        let x = s.map { trajectory.iterate(at: $0) }
        let right = try TrainingRun(times: s.map { $0 * eps.logInverse / 4 }, x: x, epsilon: eps, dimension: 2)
        let r = try RunCheck.check(right, against: ref, options: .init())
        #expect(r.verdict == .consistent, "\(r.reading)")
        let wrong = try TrainingRun(times: s.map { $0 * eps.logInverse / 2 }, x: x, epsilon: eps, dimension: 2)
        #expect(try RunCheck.check(wrong, against: ref, options: .init()).verdict == .inconsistent)
    }
}
