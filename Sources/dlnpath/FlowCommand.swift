import ArgumentParser
import JSONFormat
import ExactArithmetic
import Foundation
import LassoHomotopy
import NumericFlow
import ProblemDefinition
import SaddleToSaddle
import PlainText

/// `dlnpath flow FILE --epsilon 1e-5,1e-10,…`: floating-point DLN training runs for several ε,
/// measured against the exact ε → 0 limit and the exact lasso path (MATH §2–§4).
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Train the network in floating point for several ε and measure it against the exact limit.",
        discussion: """
        For each ε, integrates the gradient flow of the network (x = u∘v, or x = u∘u with \
        --positive) from u(0) = √ε β, v(0) = √ε γ through the exact ODE of its running integral \
        (log-domain exponentials, so ε = 1e-300 and below work; RODAS4 with error control), and \
        reports, up to s_max, the largest distance sup_s ‖x̄_ε(s) − x̄₀(s)‖∞ of the time average \
        from the exact ε → 0 limit, the same against the exact lasso path at κ = λwd + 1/s, and \
        the largest gap Lasso(x̄_ε(s), κ) − Lasso*(κ). The sup is taken over a uniform grid \
        (--grid), the exact saddle and knot times with points on both sides, and the integrator's \
        step points. Convergence in ε is only like 1/log(1/ε), so one ε proves nothing: the \
        deviations are fitted as a + b/log(1/ε) and the trend is read in plain words.

        The exact limit and lasso path are computed in rational arithmetic and handed to the \
        floating-point code as Double; the numbers printed here are floating-point measurements \
        (JSON numbers, not "p/q" strings), except the exact limit's own data. Gaps are \
        differences of objective values, so they are the same in the quadratic and data-fit \
        forms; objective values are printed in data-fit form ‖Xx − y‖²/(2n) + κ‖x‖₁ when the \
        problem was given as X, y.

        --gradient-descent --step η also runs plain gradient descent on the weights with step η \
        for each ε, compares its time average with the flow, and says when η is too large to \
        track the flow.

        Exit codes: 0 success; 2 bad input (e.g. an ε outside (0, 1)); 1 if --expect-consistent \
        is given and the sweep is not consistent with the exact limit, or the integration fails.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(name: .customLong("epsilon"), parsing: .unconditional,
            help: ArgumentHelp("Comma-separated initialisation scales ε in (0, 1); below 1e-308 is fine (e.g. 1e-1000).", valueName: "list"))
    var epsilons = "1e-5,1e-10,1e-20,1e-50,1e-100"

    @Option(name: .customLong("s-max"), parsing: .unconditional,
            help: ArgumentHelp("Horizon in rescaled time (exact or decimal, e.g. 9/2). Default: 1.5 × the last saddle or knot time.", valueName: "s"))
    var sMax: String?

    @Option(name: .customLong("grid"), parsing: .unconditional,
            help: ArgumentHelp("Points of the uniform part of the evaluation grid on (0, s_max].", valueName: "n"))
    var grid = 2000

    @Option(name: .customLong("rtol"), parsing: .unconditional, help: ArgumentHelp("Relative tolerance of the integrator.", valueName: "tol"))
    var relativeTolerance: String?

    @Option(name: .customLong("atol"), parsing: .unconditional, help: ArgumentHelp("Absolute tolerance of the integrator.", valueName: "tol"))
    var absoluteTolerance: String?

    @Flag(name: .customLong("gradient-descent"), help: "Also run gradient descent on the weights (needs --step).")
    var gradientDescent = false

    @Option(name: .customLong("step"), parsing: .unconditional, help: ArgumentHelp("Step size η of --gradient-descent.", valueName: "η"))
    var step: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(name: .customLong("expect-consistent"), help: "Exit 1 unless the deviations from the exact limit shrink like 1/log(1/ε) to 0.")
    var expectConsistent = false

    func run() throws {
        let list = try parseEpsilonList(epsilons, option: "--epsilon")
        if expectConsistent && Set(list.map(\.logInverse)).count < 2 {
            throw CLIFailure.badInput("--expect-consistent needs at least two different ε values to read a trend")
        }
        guard grid >= 2 else { throw CLIFailure.badInput("--grid must be at least 2, got \(grid)") }
        let horizon = try sMax.map { try parsePositiveValue($0, option: "--s-max") }
        let options = try flowOptions(rtol: relativeTolerance, atol: absoluteTolerance)
        var eta: Double?
        if let step {
            guard gradientDescent else { throw CLIFailure.badInput("--step is the step size of --gradient-descent; give both") }
            eta = try parsePositiveValue(step, option: "--step").doubleValue
        } else if gradientDescent {
            throw CLIFailure.badInput("--gradient-descent needs a step size: --step η")
        }

        let inputs = try FlowInputs(try problem.load())
        let sMaxExact = horizon ?? inputs.defaultSMax
        let sMaxDouble = sMaxExact.doubleValue

        let bar = DelayedProgressBar(label: "flow")
        let report: EpsilonSweepReport
        do {
            report = try EpsilonSweep.run(inputs.dln, epsilons: list, exact: inputs.exact, lasso: inputs.lasso,
                                          sMax: sMaxDouble, gridPoints: grid, options: options, progress: bar.update)
        } catch let error as FlowError {
            bar.finish()
            throw error.cliFailure(context: "the ε sweep")
        }
        bar.finish()

        var descent: [DescentRow] = []
        if let eta {
            let gdBar = DelayedProgressBar(label: "gradient descent")
            defer { gdBar.finish() }
            for (k, epsilon) in list.enumerated() {
                descent.append(try DescentRow.run(inputs.dln, epsilon: epsilon, eta: eta, sMax: sMaxDouble, points: min(grid, 400),
                                                  exact: inputs.exact, options: options) { f in
                    gdBar.update((Double(k) + f) / Double(list.count))
                })
            }
        }

        let summary = try FlowSummary(inputs: inputs, sMax: sMaxExact)
        if json {
            printJSON(jsonReport(report, summary: summary, inputs: inputs, descent: descent))
        } else {
            print(textReport(report, summary: summary, inputs: inputs, descent: descent, sMax: sMaxExact, defaultHorizon: horizon == nil))
        }
        if expectConsistent && report.fitLimit.verdict != .consistent {
            throw CLIFailure.checkFailed("expected the runs to be consistent with the exact limit: \(report.fitLimit.reading)")
        }
    }

    // MARK: Output

    func textReport(_ report: EpsilonSweepReport, summary: FlowSummary, inputs: FlowInputs,
                    descent: [DescentRow], sMax: Rational, defaultHorizon: Bool) -> String {
        let p = inputs.problem
        var out: [String] = []
        out.append("flow \(problem.file): \(inputs.network), λwd = \(p.weightDecay), d = \(p.dimension)")
        out.append("s_max = \(shortExact(sMax))\(defaultHorizon ? " (default: 1.5 × the last saddle or knot time)" : ""); "
            + "evaluation set: \(report.evaluationPoints) points (grid, saddle and knot times) + the integrator's step points")
        out.append("exact limit: \(summary.saddleCount) saddles, last at s = \(exactAndApprox(summary.lastSaddle)); "
            + "lasso path: \(summary.knotCount) knots")
        out.append("  " + summary.relationText)
        if !inputs.limit.isUnique {
            out.append("  note: some face problems have several minimisers; x̄₀ is the canonical one, while the network's own limit depends on β, γ (MATH §3), so a deviation from x̄₀ that does not shrink may be that choice, not an error (q and M·x̄ are unique)")
        }
        out.append("  exact limit gap on (0, s_max]: " + summary.gapText)
        out.append("  Lasso*(s_max) = \(shortExact(summary.lassoOptimumAtSMax)) (\(summary.objectiveForm) form \(summary.objectiveFormula))")
        out.append("")
        // (TextTable pads by UTF-16 length: no combining characters such as x̄ inside the table.)
        out.append("per ε, over s ∈ (0, s_max]: limit dev. = sup ‖x̄_ε(s) − x̄₀(s)‖∞, lasso dev. = sup ‖x̄_ε(s) − x(κ)‖∞, "
            + "gap = sup Lasso(x̄_ε(s), κ) − Lasso*(κ), κ = λwd + 1/s; steps = accepted + rejected")
        var table = TextTable(["ε", "limit dev.", "at s", "lasso dev.", "at s", "gap", "at s", "steps", "seconds"])
        for row in report.rows {
            table.append([row.epsilon, flowNumber(row.maxDeviationFromLimit), flowNumber(row.sAtMaxDeviationFromLimit),
                          flowNumber(row.maxDeviationFromLasso), flowNumber(row.sAtMaxDeviationFromLasso),
                          flowNumber(row.maxLassoGap), flowNumber(row.sAtMaxLassoGap),
                          "\(row.acceptedSteps)+\(row.rejectedSteps)", String(format: "%.3f", row.seconds)])
        }
        out.append(table.render())
        out.append("")
        out.append("trend against 1/log(1/ε) (least squares a + b/log(1/ε); a is the ε → 0 extrapolation):")
        var fits = TextTable(["against", "a", "expected a", "b", "rms", "verdict"])
        for (name, f) in [("exact limit", report.fitLimit), ("lasso path", report.fitLasso)] {
            fits.append([name, flowNumber(f.intercept), flowNumber(f.expectedIntercept), flowNumber(f.slope), flowNumber(f.residualRMS), f.verdict.rawValue])
        }
        out.append(fits.render())
        out.append("")
        out.append("reading:")
        out.append("  exact limit: " + report.fitLimit.reading)
        out.append("  lasso path: " + report.fitLasso.reading)
        if !descent.isEmpty {
            out.append("")
            out.append("gradient descent on the weights, η = \(flowNumber(descent[0].stepSize)) (compared with the flow at up to \(min(grid, 400)) times):")
            out.append("flow dev. = sup ‖x̄_GD(s) − x̄_ε(s)‖∞ (same ε), limit dev. = sup ‖x̄_GD(s) − x̄₀(s)‖∞; Λ bounds the training objective's curvature")
            var gd = TextTable(["ε", "iterations", "max η·Λ", "flow dev.", "at s", "limit dev.", "tracks flow"])
            for row in descent {
                if row.skipped != nil {
                    gd.append([row.epsilon, "—", "—", "—", "—", "—", "skipped"])
                } else {
                    gd.append([row.epsilon, String(row.iterations), flowNumber(row.maxStepTimesCurvature), flowNumber(row.maxDeviationFromFlow),
                               flowNumber(row.sAtMaxDeviationFromFlow), flowNumber(row.maxDeviationFromLimit), row.tracksFlow ? "yes" : "NO"])
                }
            }
            out.append(gd.render())
            for row in descent { out.append("  ε = \(row.epsilon): " + (row.skipped.map { "skipped: " + $0 } ?? row.diagnosis)) }
        }
        return out.joined(separator: "\n")
    }

    func jsonReport(_ report: EpsilonSweepReport, summary: FlowSummary, inputs: FlowInputs, descent: [DescentRow]) -> JSONValue {
        let p = inputs.problem
        func fitJSON(_ f: DeviationFit) -> JSONValue {
            .object(JSONObject([
                ("intercept", .approximate(f.intercept)), ("slope", .approximate(f.slope)),
                ("residualRMS", .approximate(f.residualRMS)), ("expectedIntercept", .approximate(f.expectedIntercept)),
                ("verdict", .string(f.verdict.rawValue)), ("reading", .string(f.reading)),
            ]))
        }
        let rows: [JSONValue] = report.rows.map { row in
            .object(JSONObject([
                ("epsilon", .string(row.epsilon)), ("logInverseEpsilon", .approximate(row.logInverseEpsilon)),
                ("maxDeviationFromLimit", .approximate(row.maxDeviationFromLimit)),
                ("sAtMaxDeviationFromLimit", .approximate(row.sAtMaxDeviationFromLimit)),
                ("maxDeviationFromLasso", .approximate(row.maxDeviationFromLasso)),
                ("sAtMaxDeviationFromLasso", .approximate(row.sAtMaxDeviationFromLasso)),
                ("maxLassoGap", .approximate(row.maxLassoGap)), ("sAtMaxLassoGap", .approximate(row.sAtMaxLassoGap)),
                ("acceptedSteps", .number(String(row.acceptedSteps))), ("rejectedSteps", .number(String(row.rejectedSteps))),
                ("seconds", .approximate(row.seconds)),
            ]))
        }
        var o: [(String, JSONValue)] = [
            ("file", .string(problem.file)),
            ("variant", .string(p.variant.rawValue)),
            ("weightDecay", .exact(p.weightDecay)),
            ("dimension", .number(String(p.dimension))),
            ("sMax", .approximate(report.sMax)),
            ("gridPoints", .number(String(grid))),
            ("evaluationPoints", .number(String(report.evaluationPoints))),
            ("objectiveForm", .string(summary.objectiveForm)),
            ("exact", summary.json),
            ("limitDistanceFromLasso", .approximate(report.limitDistanceFromLasso)),
            ("sAtLimitDistanceFromLasso", .approximate(report.sAtLimitDistanceFromLasso)),
            ("rows", .array(rows)),
            ("fitLimit", fitJSON(report.fitLimit)),
            ("fitLasso", fitJSON(report.fitLasso)),
            ("reading", .string(report.reading)),
            ("consistentWithLimit", .bool(report.fitLimit.verdict == .consistent)),
        ]
        if !descent.isEmpty { o.append(("gradientDescent", .array(descent.map(\.json)))) }
        return .object(JSONObject(o))
    }
}
