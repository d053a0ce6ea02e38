import Foundation

/// Gradient descent on the weights at one ε, compared with the flow at the same ε and with the
/// exact limit, and the verdict whether its step tracks the flow (docs/math.md §2).
public struct DescentComparison: Sendable, Codable {
    public let epsilon: String
    public let stepSize: Double
    /// Why the run was not made (e.g. ε too small for weights in Double); the rest is then empty.
    public var skipped: String? = nil
    public var iterations = 0
    public var maxStepTimesCurvature = 0.0
    /// `sup ‖x̄_GD(s) − x̄_ε(s)‖∞` at the comparison times (∞ when GD diverged).
    public var maxDeviationFromFlow = 0.0
    public var sAtMaxDeviationFromFlow = 0.0
    /// `sup ‖x̄_GD(s) − x̄₀(s)‖∞`.
    public var maxDeviationFromLimit = 0.0
    public var tracksFlow = false
    public var diverged = false
    public var firstCurvatureViolationS: Double? = nil
    public var firstLossIncreaseS: Double? = nil
    public var diagnosis = ""

    /// GD "tracks the flow" only if its time average stays within this fraction of the flow's
    /// largest |x̄| (the discretisation error is O(η·Λ) of the jumps), on top of stable steps.
    public static let departureFraction = 0.1

    init(epsilon: String, stepSize: Double) {
        self.epsilon = epsilon
        self.stepSize = stepSize
    }

    /// Runs GD with step η to `sMax`, the flow at the same ε, and compares them at `points`
    /// equally spaced times. Bad data for GD (ε too small, too many iterations) is a skipped row,
    /// not an error; a flow integration failure throws.
    public static func run(_ problem: DLNProblem, epsilon: FlowEpsilon, stepSize eta: Double, sMax: Double,
                           points: Int, exact: ExactTrajectory, options: FlowOptions = FlowOptions(),
                           progress: ((Double) -> Void)? = nil) throws -> DescentComparison {
        var row = DescentComparison(epsilon: epsilon.label, stepSize: eta)
        let n = max(points, 2)
        let times = (1...n).map { sMax * Double($0) / Double(n) }
        let result: GradientDescentResult
        do {
            result = try GradientDescent.run(problem, epsilon: epsilon, stepSize: eta, sMax: sMax, sampleAt: times,
                                             progress: { progress?(0.9 * $0) })
        } catch FlowError.invalidInput(let message) {
            row.skipped = message
            return row
        }
        let flow = try ZFlow.solve(problem, epsilon: epsilon, sMax: sMax, options: options)
        progress?(1)
        var scale = 0.0
        for sample in result.samples where sample.s > 0 {
            let s = min(sample.s, sMax)
            let average = flow.averaged(at: s)
            scale = max(scale, average.reduce(0) { max($0, abs($1)) })
            let fromFlow = EpsilonSweep.supDistance(sample.averaged, average)
            if fromFlow > row.maxDeviationFromFlow { row.maxDeviationFromFlow = fromFlow; row.sAtMaxDeviationFromFlow = s }
            row.maxDeviationFromLimit = max(row.maxDeviationFromLimit,
                                            EpsilonSweep.supDistance(sample.averaged, exact.averaged(at: sample.s)))
        }
        if result.diverged { row.maxDeviationFromFlow = .infinity }
        row.iterations = result.iterations
        row.maxStepTimesCurvature = result.maxStepTimesCurvature
        row.diverged = result.diverged
        row.firstCurvatureViolationS = result.firstCurvatureViolationS
        row.firstLossIncreaseS = result.firstLossIncreaseS
        row.diagnosis = result.diagnosis
        // Stable steps are not enough: the time average must also stay with the flow's.
        let departs = !result.diverged && row.maxDeviationFromFlow > departureFraction * max(scale, .leastNormalMagnitude)
        row.tracksFlow = result.tracksFlow && !departs
        if departs {
            let how = "x̄ departs from the flow's by \(g4(row.maxDeviationFromFlow)) at s ≈ \(g4(row.sAtMaxDeviationFromFlow)) (more than \(Int(departureFraction * 100))% of max |x̄| = \(g4(scale)))"
            if !result.tracksFlow {
                row.diagnosis += "; " + how
            } else if epsilon.logInverse > 16 * log(10.0) {
                // A coordinate that changes sign needs u ± v of size ~ε next to weights of size ~1.
                row.diagnosis = "steps are stable (η·Λ ≤ \(g4(result.maxStepTimesCurvature))), but " + how
                    + ": at ε < 1e-16 Double cannot hold u ± v of size ε beside weights of size 1, so a coordinate that must change sign is lost to rounding; use the flow (or ε ≥ 1e-16) for this instance"
            } else {
                row.diagnosis = "steps are stable (η·Λ ≤ \(g4(result.maxStepTimesCurvature))), but " + how
                    + ": η = \(g4(eta)) is too large to track the flow"
            }
        }
        return row
    }
}
