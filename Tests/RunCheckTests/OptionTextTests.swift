import ExactArithmetic
import NumericFlow
import RunCheck
import Testing

@Suite("the option text of flow, plot and check-run, read and checked in the library")
struct OptionTextTests {
    func refusal(_ body: () throws -> Void) -> RunCheckError? {
        do { try body(); return nil } catch let error as RunCheckError { return error } catch {
            Issue.record("not a RunCheckError: \(error)")
            return nil
        }
    }

    @Test("ε lists: every entry in (0, 1), ε below the double range kept as log(1/ε); one ε where one is asked")
    func epsilons() throws {
        let list = try OptionText.epsilons("1e-5, 1e-1000", option: "--epsilon")
        #expect(list.map(\.label) == ["1e-5", "1e-1000"])
        #expect(abs(list[1].logInverse - 1000 * 2.302585092994046) < 1e-9)
        #expect(refusal { _ = try OptionText.epsilons("2", option: "--epsilon") }?.message.hasPrefix("--epsilon: ") == true)
        #expect(refusal { _ = try OptionText.epsilon("1e-5,1e-6", option: "--epsilon", refusal: "a run has one ε") }
            == .badInput("--epsilon: a run has one ε, not 2"))
        #expect(try OptionText.epsilon("1e-7", option: "--epsilon", refusal: "-").label == "1e-7")
    }

    @Test("positive values are exact, refused at 0, below 0 and beyond the double range")
    func positives() throws {
        #expect(try OptionText.positive("9/2", option: "--s-max") == Rational(9, 2))
        #expect(try OptionText.positive("4.5e0", option: "--s-max") == Rational(9, 2))
        #expect(try OptionText.positiveDouble("1e-3", option: "--step") == 0.001)
        #expect(try OptionText.positiveDouble(nil, option: "--step") == nil)
        #expect(refusal { _ = try OptionText.positive("0", option: "--s-max") } == .badInput("--s-max must be positive, got 0"))
        #expect(refusal { _ = try OptionText.positive("-1/2", option: "--rtol") } == .badInput("--rtol must be positive, got -1/2"))
        #expect(refusal { _ = try OptionText.positive("abc", option: "--s-max") }?.message.hasPrefix("--s-max: ") == true)
        #expect(refusal { _ = try OptionText.positive("1e400", option: "--s-max") }?.message.hasPrefix("--s-max: ") == true)
    }

    @Test("flow's settings: values as given, refusals in the order the CLI reports them")
    func flowSettings() throws {
        let s = try FlowSweep.Settings(epsilons: "1e-5,1e-10", sMax: "9/2", gridPoints: 300, rtol: "1e-8", atol: nil,
                                       gradientDescent: true, step: "1/100", needsTrend: true)
        #expect(s.epsilons.count == 2 && s.sMax == Rational(9, 2) && s.gridPoints == 300 && s.step == 0.01)
        #expect(s.options.relativeTolerance == 1e-8 && s.options.absoluteTolerance == FlowOptions().absoluteTolerance)
        func settings(_ eps: String = "1e-5,1e-10", grid: Int = 100, sMax: String? = nil, rtol: String? = nil,
                      gd: Bool = false, step: String? = nil, trend: Bool = false) -> RunCheckError? {
            refusal { _ = try FlowSweep.Settings(epsilons: eps, sMax: sMax, gridPoints: grid, rtol: rtol, atol: nil,
                                                 gradientDescent: gd, step: step, needsTrend: trend) }
        }
        #expect(settings("1e-5,1e-5", trend: true) == .badInput("--expect-consistent needs at least two different ε values to read a trend"))
        #expect(settings(grid: 1) == .badInput("--grid must be between 2 and \(EpsilonSweep.maxGridPoints), got 1"))
        // The grid is refused before a bad horizon, the horizon before the tolerances.
        #expect(settings(grid: 1, sMax: "-1") == .badInput("--grid must be between 2 and \(EpsilonSweep.maxGridPoints), got 1"))
        #expect(settings(sMax: "-1", rtol: "0") == .badInput("--s-max must be positive, got -1"))
        #expect(settings(step: "0.1") == .badInput("--step is the step size of --gradient-descent; give both"))
        #expect(settings(gd: true) == .badInput("--gradient-descent needs a step size: --step η"))
        #expect(settings(gd: true, step: "0") == .badInput("--step must be positive, got 0"))
        #expect(settings() == nil)
    }

    @Test("check-run's options: nil keeps the default, a list of ε is refused, the tolerance is read")
    func runOptions() throws {
        let defaults = try RunCheck.Options(epsilon: nil, step: nil, tolerance: nil)
        #expect(defaults.epsilon == nil && defaults.step == nil && defaults.relativeTolerance == RunCheck.Options().relativeTolerance)
        let o = try RunCheck.Options(epsilon: "1e-6", step: "1/2", tolerance: "1e-2")
        #expect(o.epsilon?.label == "1e-6" && o.step == 0.5 && o.relativeTolerance == 0.01)
        #expect(refusal { _ = try RunCheck.Options(epsilon: "1e-5,1e-7", step: nil, tolerance: nil) }
            == .badInput("--epsilon: a run has one ε, not 2"))
        #expect(refusal { _ = try RunCheck.Options(epsilon: nil, step: "-1", tolerance: nil) } == .badInput("--step must be positive, got -1"))
    }

    @Test("plot's sample count and the error kinds the CLI maps to exit codes")
    func samplesAndKinds() {
        #expect(refusal { try FlowFigure.checkSamples(1) } == .badInput("--samples must be between 2 and 20000, got 1"))
        #expect(refusal { try FlowFigure.checkSamples(20_001) } != nil)
        #expect(refusal { try FlowFigure.checkSamples(2) } == nil)
        #expect(RunCheckError.failed("x").isCheckFailure && !RunCheckError.badInput("x").isCheckFailure)
        #expect(FlowError.integrationFailed("x").isIntegrationFailure && !FlowError.invalidInput("x").isIntegrationFailure)
    }

    @Test("the header of measured reports says what the numbers are")
    func note() {
        #expect(measuredNote(.readable) == "deviations, times, fits: floating-point measurements to 4 digits; exact values: fractions ≤ 20 characters, else 6 digits; --json: all")
        #expect(measuredNote(.exact).hasSuffix("exact values: in full; --json: all"))
    }
}
