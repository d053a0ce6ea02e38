import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import NumericFlow
import ProblemDefinition
import RunCheck
import Testing

/// An inconsistent run made under another usual convention says which, and what to give (the
/// worked example at ε = 1e-6, as the suite's other tests).
extension RunCheckTests {
    @Test("the loss without the ½: a flow run's times, a descent's step")
    func lossWithoutHalf() throws {
        // ‖Xx − y‖²/n is twice ours, so the run at t is ours at 2t.
        let r = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 2000, sScale: 2), against: ref, options: .init())
        #expect(r.verdict == .inconsistent)
        let hint = try #require(r.hint)
        #expect(hint.hasPrefix("a loss without the ½ (‖Xx − y‖²/n)? give t_ours = 2·t (the run then agrees with the tool's own to "), "\(hint)")
        #expect(hint.hasSuffix(", consistent)"))
        // Gradient descent on it with step η is ours with step 2η, at the same iteration numbers.
        let descent = try descentRun(ref.dln, epsilon: eps, step: 2e-3)
        let d = try RunCheck.check(descent, against: ref, options: .init(step: 1e-3))
        #expect(d.verdict == .inconsistent)
        #expect(d.hint?.hasPrefix("a loss without the ½ (‖Xx − y‖²/n)? give --step 0.002 (") == true, "\(d.hint ?? "nil")")
        #expect(try RunCheck.check(descent, against: ref, options: .init(step: 2e-3)).verdict == .consistent)
    }

    @Test("u(0) = ε·β is the tool's run at ε²: give --epsilon ε²")
    func initialisationScale() throws {
        let squared = try FlowEpsilon(logInverse: 2 * eps.logInverse)
        let run = try flowRun(ref.dln, epsilon: squared, sMax: 4.5, count: 2000, declared: eps, sScale: 0.5)
        let r = try RunCheck.check(run, against: ref, options: .init())
        #expect(r.hint?.hasPrefix("an initialisation u(0) = ε·β, not √ε·β? ε is the square of the initialisation scale: give --epsilon 1e-12 (") == true,
                "\(r.hint ?? "nil")")
        // ε² is named in a form --epsilon reads, below the double range too: (2e-5)² = 4e-10, (1e-300)² = 1e-600.
        for (declared, square) in [("2e-5", "4e-10"), ("1e-300", "1e-600")] {
            let small = try FlowEpsilon(parsing: declared)
            let run = try flowRun(ref.dln, epsilon: try FlowEpsilon(parsing: square), sMax: 4.5, count: 2000, declared: small, sScale: 0.5)
            let hint = try RunCheck.check(run, against: ref, options: .init()).hint
            #expect(hint?.contains("give --epsilon \(square) (") == true, "\(hint ?? "nil")")
        }
    }

    @Test("a sum instead of a mean over the samples, and the reverse")
    func sumAndMean() throws {
        let X = Matrix([[1, 0, 1], [0, 1, 1], [1, 1, 0], [2, 0, 1]].map { $0.map { Rational($0) } })
        let y = [1, -1, 2, 1].map { Rational($0) }
        let mean = try reference(try Problem(X: X, y: y)), sum = try reference(try Problem(X: X, y: y, scaling: .sum))
        let sMax = 3 * mean.defaultSMax.doubleValue
        // The sum's flow at t is the mean's at 4t (n = 4); the run's s are read with the mean's clock.
        let summed = try flowRun(sum.dln, epsilon: eps, sMax: sMax / 4, count: 3000)
        let a = try RunCheck.check(summed, against: mean, options: .init())
        #expect(a.hint?.hasPrefix("a loss summed over the 4 samples (‖Xx − y‖²/2)? give --scaling sum (") == true, "\(a.hint ?? "nil")")
        let averaged = try flowRun(mean.dln, epsilon: eps, sMax: sMax, count: 3000)
        let b = try RunCheck.check(averaged, against: sum, options: .init())
        #expect(b.hint?.hasPrefix("a loss averaged over the 4 samples (‖Xx − y‖²/(2n))? leave out --scaling sum (") == true, "\(b.hint ?? "nil")")
        #expect(try RunCheck.check(summed, against: sum, options: .init()).hint == nil)
    }

    @Test("no hint for a consistent run, nor for a run no usual convention explains")
    func noHint() throws {
        let own = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 2000), against: ref, options: .init())
        #expect(own.verdict == .consistent && own.hint == nil)
        let other = try DLNProblem(M: [[10.5, -4], [-4, 2]], r: [-3, 2])
        let perturbed = try RunCheck.check(try flowRun(other, epsilon: eps, sMax: 4.5, count: 2000), against: ref, options: .init())
        #expect(perturbed.verdict == .inconsistent && perturbed.hint == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(perturbed.json().serialized(pretty: false).utf8)) as? [String: Any])
        #expect(json["hint"] is NSNull)
        #expect(!checkRunText(perturbed, problemFile: "p.json", format: NumberFormat()).contains("hint:"))
    }
}
