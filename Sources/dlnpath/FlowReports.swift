import JSONFormat
import ExactArithmetic
import Foundation
import NumericFlow
import SaddleToSaddle
import LimitVerdict

/// The exact facts printed next to a sweep: saddles, knots, where the limit leaves the lasso
/// path, the exact limit gap and Lasso*(s_max).
struct FlowSummary {
    let saddleCount: Int
    let lastSaddle: Rational
    let knotCount: Int
    let equivalent: Bool
    let unique: Bool
    let divergence: [Divergence]
    let gapSupremum: (value: Rational, at: Rational?)
    let lassoOptimumAtSMax: Rational
    let objectiveForm: String
    let objectiveFormula: String

    init(inputs: FlowInputs, sMax: Rational) throws {
        let p = inputs.problem
        saddleCount = inputs.limit.saddles.count
        lastSaddle = inputs.limit.saddles.last?.s ?? .zero
        knotCount = inputs.path.knots.count
        equivalent = inputs.verdict.equivalent
        unique = inputs.limit.isUnique
        divergence = inputs.verdict.divergence
        gapSupremum = ExactGapCurve(inputs.verdict).supremum(upTo: sMax)
        let kappa = p.weightDecay + sMax.reciprocal
        lassoOptimumAtSMax = inputs.path.optimalValue(at: kappa) + p.lossOffset
        objectiveForm = p.data == nil ? "quadratic" : "data-fit"
        let penalty = p.variant == .signed ? "κ‖x‖₁" : "κ·Σx"
        switch p.data?.scaling {
        case nil: objectiveFormula = "½xᵀMx − rᵀx + " + penalty
        case .mean?: objectiveFormula = "‖Xx − y‖²/(2n) + " + penalty
        case .sum?: objectiveFormula = "‖Xx − y‖²/2 + " + penalty
        }
    }

    var relationText: String {
        if equivalent { return "the averaged limit x̄₀(s) equals the lasso path for every s (z monotone, MATH §4)" }
        let intervals = divergence.map { "(\($0.from), \($0.to.map(\.description) ?? "∞"))" }.joined(separator: ", ")
        return "the averaged limit leaves the lasso path on \(intervals) (MATH §4)"
    }

    var gapText: String {
        guard let at = gapSupremum.at, !gapSupremum.value.isZero else { return "0 (the limit follows the path)" }
        return "sup = \(exactAndApprox(gapSupremum.value)) at s = \(exactAndApprox(at))"
    }

    var json: JSONValue {
        .object(JSONObject([
            ("saddles", .number(String(saddleCount))),
            ("lastSaddle", .exact(lastSaddle)),
            ("knots", .number(String(knotCount))),
            ("equivalent", .bool(equivalent)),
            ("unique", .bool(unique)),
            ("divergence", .array(divergence.map { d in
                .object(JSONObject([("from", .exact(d.from)), ("to", .optionalExact(d.to))]))
            })),
            ("maxLimitGap", .exact(gapSupremum.value)),
            ("sAtMaxLimitGap", .optionalExact(gapSupremum.at)),
            ("lassoOptimumAtSMax", .exact(lassoOptimumAtSMax)),
        ]))
    }
}

/// One gradient-descent run, compared with the flow at the same ε.
struct DescentRow {
    let epsilon: String
    let stepSize: Double
    var skipped: String? = nil
    var iterations = 0
    var maxStepTimesCurvature = 0.0
    var maxDeviationFromFlow = 0.0
    var sAtMaxDeviationFromFlow = 0.0
    var maxDeviationFromLimit = 0.0
    var tracksFlow = false
    var diverged = false
    var firstCurvatureViolationS: Double? = nil
    var firstLossIncreaseS: Double? = nil
    var diagnosis = ""

    static func run(_ problem: DLNProblem, epsilon: FlowEpsilon, eta: Double, sMax: Double, points: Int,
                    exact: ExactTrajectory, options: FlowOptions, progress: @escaping (Double) -> Void) throws -> DescentRow {
        var row = DescentRow(epsilon: epsilon.label, stepSize: eta)
        let times = (1...max(points, 2)).map { sMax * Double($0) / Double(max(points, 2)) }
        let result: GradientDescentResult
        do {
            result = try GradientDescent.run(problem, epsilon: epsilon, stepSize: eta, sMax: sMax, sampleAt: times,
                                             progress: { progress(0.9 * $0) })
        } catch FlowError.invalidInput(let message) {
            row.skipped = message
            return row
        }
        let flow: FlowTrajectory
        do {
            flow = try ZFlow.solve(problem, epsilon: epsilon, sMax: sMax, options: options)
        } catch let error as FlowError {
            throw error.cliFailure(context: "the flow at ε = \(epsilon.label)")
        }
        progress(1)
        var scale = 0.0
        for sample in result.samples where sample.s > 0 {
            let s = min(sample.s, sMax)
            let average = flow.averaged(at: s)
            scale = max(scale, average.reduce(0) { max($0, abs($1)) })
            let fromFlow = flowSupDistance(sample.averaged, average)
            if fromFlow > row.maxDeviationFromFlow { row.maxDeviationFromFlow = fromFlow; row.sAtMaxDeviationFromFlow = s }
            row.maxDeviationFromLimit = max(row.maxDeviationFromLimit, flowSupDistance(sample.averaged, exact.averaged(at: sample.s)))
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
            let how = "x̄ departs from the flow's by \(flowNumber(row.maxDeviationFromFlow)) at s ≈ \(flowNumber(row.sAtMaxDeviationFromFlow)) (more than \(Int(departureFraction * 100))% of max |x̄| = \(flowNumber(scale)))"
            if !result.tracksFlow {
                row.diagnosis += "; " + how
            } else if epsilon.logInverse > 16 * log(10.0) {
                // A coordinate that changes sign needs u ± v of size ~ε next to weights of size ~1.
                row.diagnosis = "steps are stable (η·Λ ≤ \(flowNumber(result.maxStepTimesCurvature))), but " + how
                    + ": at ε < 1e-16 Double cannot hold u ± v of size ε beside weights of size 1, so a coordinate that must change sign is lost to rounding; use the flow (or ε ≥ 1e-16) for this instance"
            } else {
                row.diagnosis = "steps are stable (η·Λ ≤ \(flowNumber(result.maxStepTimesCurvature))), but " + how
                    + ": η = \(flowNumber(eta)) is too large to track the flow"
            }
        }
        return row
    }

    /// GD "tracks the flow" only if its time average stays within this fraction of the flow's
    /// largest |x̄| (a display criterion; the discretisation error is O(η·Λ) of the jumps).
    static let departureFraction = 0.1

    var json: JSONValue {
        var o: [(String, JSONValue)] = [("epsilon", .string(epsilon)), ("stepSize", .approximate(stepSize))]
        if let skipped {
            o.append(("skipped", .string(skipped)))
            return .object(JSONObject(o))
        }
        o += [
            ("iterations", .number(String(iterations))),
            ("maxStepTimesCurvature", .approximate(maxStepTimesCurvature)),
            ("maxDeviationFromFlow", .approximate(maxDeviationFromFlow)),
            ("sAtMaxDeviationFromFlow", .approximate(sAtMaxDeviationFromFlow)),
            ("maxDeviationFromLimit", .approximate(maxDeviationFromLimit)),
            ("tracksFlow", .bool(tracksFlow)), ("diverged", .bool(diverged)),
            ("firstCurvatureViolationS", firstCurvatureViolationS.map { .approximate($0) } ?? .null),
            ("firstLossIncreaseS", firstLossIncreaseS.map { .approximate($0) } ?? .null),
            ("diagnosis", .string(diagnosis)),
        ]
        return .object(JSONObject(o))
    }
}
