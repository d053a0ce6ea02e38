import ExactArithmetic
import NumericFlow

/// The option values of `flow`, `plot` and `check-run` as a person types them ("1e-5,1e-10",
/// "9/2"), read and checked here so that a library caller gets the CLI's messages. Every refusal
/// is `.badInput` naming the option.
public enum OptionText {
    /// `--epsilon 1e-5,1e-10`: every ε in (0, 1) (`FlowEpsilon.parseList`).
    public static func epsilons(_ text: String, option: String) throws(RunCheckError) -> [FlowEpsilon] {
        do { return try FlowEpsilon.parseList(text) } catch FlowError.invalidInput(let message) {
            throw .badInput("\(option): \(message)")
        } catch {
            throw .badInput("\(option): \(error)")
        }
    }

    /// One ε; `refusal` says why a list is refused ("a run has one ε").
    public static func epsilon(_ text: String, option: String, refusal: String) throws(RunCheckError) -> FlowEpsilon {
        let list = try epsilons(text, option: option)
        guard list.count == 1 else { throw .badInput("\(option): \(refusal), not \(list.count)") }
        return list[0]
    }

    /// A positive number, exact (9/2, 4.5, 1e1). It is used as a double, so a value a double
    /// cannot hold is refused as such.
    public static func positive(_ text: String, option: String) throws(RunCheckError) -> Rational {
        let value: Rational
        do { value = try Rational(parsing: text) } catch { throw .badInput("\(option): \(error)") }
        guard value.signum > 0 else { throw .badInput("\(option) must be positive, got \(NumberText.quote(text))") }
        do { _ = try value.checkedDouble(writtenAs: text) } catch { throw .badInput("\(option): \(error)") }
        return value
    }

    /// An integrator tolerance (`--rtol`, `--atol`): positive and at most 0.1. Looser, a run
    /// measures nothing, and the step control breaks down (rtol 0.3 fails on Mairal–Yu p = 4).
    public static func tolerance(_ text: String?, option: String) throws(RunCheckError) -> Double? {
        guard let text, let value = try positiveDouble(text, option: option) else { return nil }
        guard value <= 0.1 else { throw .badInput("\(option) must be at most 0.1 (a looser integration measures nothing), got \(NumberText.quote(text))") }
        return value
    }

    /// `positive` as the double the floating-point code takes.
    public static func positiveDouble(_ text: String?, option: String) throws(RunCheckError) -> Double? {
        guard let text else { return nil }
        return try positive(text, option: option).doubleValue
    }
}

extension FlowSweep {
    /// What `flow` was asked, checked before anything is computed (the problem is read after).
    public struct Settings: Sendable {
        public var epsilons: [FlowEpsilon]
        /// nil: `FlowReference.defaultSMax`.
        public var sMax: Rational?
        public var gridPoints: Int
        public var options: FlowOptions
        /// Gradient descent's step, when it runs too.
        public var step: Double?

        /// - Parameters:
        ///   - needsTrend: the verdict will be read (`--expect-consistent`): two different ε at least.
        ///   - gradientDescent: `--gradient-descent`, which needs `step` and is the only use of it.
        public init(epsilons: String, sMax: String?, gridPoints: Int, rtol: String?, atol: String?,
                    gradientDescent: Bool, step: String?, needsTrend: Bool) throws(RunCheckError) {
            self.epsilons = try OptionText.epsilons(epsilons, option: "--epsilon")
            if needsTrend && Set(self.epsilons.map(\.logInverse)).count < 2 {
                throw .badInput("--expect-consistent needs at least two different ε values to read a trend")
            }
            guard (2...EpsilonSweep.maxGridPoints).contains(gridPoints) else {
                throw .badInput("--grid must be between 2 and \(EpsilonSweep.maxGridPoints), got \(gridPoints)")
            }
            self.gridPoints = gridPoints
            self.sMax = try sMax.map { text throws(RunCheckError) in try OptionText.positive(text, option: "--s-max") }
            options = FlowOptions()
            if let rtol = try OptionText.tolerance(rtol, option: "--rtol") { options.relativeTolerance = rtol }
            if let atol = try OptionText.tolerance(atol, option: "--atol") { options.absoluteTolerance = atol }
            if step != nil && !gradientDescent { throw .badInput("--step is the step size of --gradient-descent; give both") }
            if step == nil && gradientDescent { throw .badInput("--gradient-descent needs a step size: --step η") }
            self.step = try OptionText.positiveDouble(step, option: "--step")
        }
    }

    /// `run` with checked settings.
    public static func run(_ reference: FlowReference, _ settings: Settings,
                           progress: ((String, Double) -> Void)? = nil) throws(RunCheckError) -> FlowSweep {
        try run(reference, epsilons: settings.epsilons, sMax: settings.sMax, gridPoints: settings.gridPoints,
                options: settings.options, step: settings.step, progress: progress)
    }
}

extension RunCheck.Options {
    /// `check-run`'s options from their text (nil: the default).
    public init(epsilon: String?, step: String?, tolerance: String?) throws(RunCheckError) {
        self.init()
        self.epsilon = try epsilon.map { text throws(RunCheckError) in
            try OptionText.epsilon(text, option: "--epsilon", refusal: "a run has one ε")
        }
        self.step = try OptionText.positiveDouble(step, option: "--step")
        if let rtol = try OptionText.positiveDouble(tolerance, option: "--tolerance") { relativeTolerance = rtol }
    }
}
