import ArgumentParser
import DataFormats
import ExactArithmetic
import Foundation
import LassoHomotopy
import NumericFlow
import ProblemInput
import SaddleToSaddle

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

// MARK: - Shared by `flow` and `plot`

/// The exact objects of a problem (limit, lasso path, verdict) and their hand-over to the
/// floating-point module as Double data (display and simulation only).
struct FlowInputs {
    let problem: Problem
    let limit: DLNLimit
    let path: LassoPath
    let verdict: Verdict
    let dln: DLNProblem
    let exact: ExactTrajectory
    let lasso: LassoPathKnots

    init(_ p: Problem) throws {
        problem = p
        let comparison = try ExactComparison(p)
        (limit, path, verdict) = (comparison.limit, comparison.path, comparison.verdict)
        do {
            dln = try FlowInputs.doubleProblem(p)
            exact = try ExactTrajectory(dimension: p.dimension, saddleTimes: limit.saddles.map(\.s.doubleValue),
                                        iterates: limit.saddles.map { $0.x.map(\.doubleValue) })
            // Knots that coincide in Double (possible only on extreme paths) are merged: the
            // later one is kept, which changes the drawn path by less than the rounding.
            var kappas: [Double] = [], solutions: [[Double]] = []
            for knot in path.knots {
                let k = knot.kappa.doubleValue
                let x = knot.x.map(\.doubleValue)
                if let last = kappas.last, k >= last { solutions[solutions.count - 1] = x; continue }
                kappas.append(k); solutions.append(x)
            }
            lasso = try LassoPathKnots(kappas: kappas, solutions: solutions)
        } catch let error as FlowError {
            throw error.cliFailure(context: "converting the problem to floating point")
        }
    }

    var network: String {
        problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    /// `EpsilonSweep.defaultSMax`'s rule, exactly: 3/2 × the later of the last saddle time and
    /// the last reached knot time 1/(κ_k − λwd) (1 if there is neither).
    var defaultSMax: Rational {
        let lambda = problem.weightDecay
        var last = limit.saddles.last?.s ?? .zero
        for knot in path.knots where knot.kappa > lambda { last = max(last, (knot.kappa - lambda).reciprocal) }
        return last.signum > 0 ? Rational(3, 2) * last : .one
    }

    /// M, r, the variant, λwd and the initialisation shape, rounded to Double.
    static func doubleProblem(_ p: Problem) throws -> DLNProblem {
        let M = p.M.rowArrays.map { $0.map(\.doubleValue) }
        let r = p.r.map(\.doubleValue)
        switch p.initialisation {
        case let .signed(beta, gamma):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  beta: beta.map(\.doubleValue), gamma: gamma.map(\.doubleValue),
                                  weightDecay: p.weightDecay.doubleValue)
        case let .positive(alpha):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  alpha: alpha.map(\.doubleValue), weightDecay: p.weightDecay.doubleValue)
        }
    }
}

/// The exact limit gap `Lasso(x̄₀(s), κ) − Lasso*(κ)` from the verdict's exact polynomials
/// `g₀ + g₁/s + g₂/s²` (one per part of a common piece).
struct ExactGapCurve {
    let parts: [GapPolynomial]

    init(_ verdict: Verdict) {
        parts = verdict.gap.flatMap(\.parts).sorted { $0.from < $1.from }
    }

    /// The part in force at s > 0: the last one starting before s (parts meet continuously).
    func part(at s: Rational) -> GapPolynomial? {
        var lo = -1, hi = parts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if parts[mid].from < s { lo = mid } else { hi = mid }
        }
        return lo >= 0 ? parts[lo] : parts.first
    }

    /// The exact gap at s > 0.
    func value(at s: Rational) -> Rational {
        part(at: s)?.value(at: s) ?? .zero
    }

    /// The gap at a Double time, evaluated exactly at that (dyadic) time, then rounded.
    func value(at s: Double) -> Double {
        guard s > 0, let q = Rational(exactly: s) else { return 0 }
        return value(at: q).doubleValue
    }

    /// The exact supremum on (0, sMax]: each part's maximum on its clipped interval is at an
    /// end or at the vertex u* = −g₁/(2g₂) of a concave part (u = 1/s), so it is rational.
    func supremum(upTo sMax: Rational) -> (value: Rational, at: Rational?) {
        var best: (value: Rational, at: Rational?) = (.zero, nil)
        func consider(_ part: GapPolynomial, _ s: Rational) {
            let v = part.value(at: s)
            if v > best.value { best = (v, s) }
        }
        for part in parts where part.from < sMax {
            let hi = part.to.map { min($0, sMax) } ?? sMax
            consider(part, hi)
            if part.from.signum > 0 { consider(part, part.from) }
            if part.g2.signum < 0 {
                let u = -part.g1 / (Rational(2) * part.g2)
                if u.signum > 0, case let s = u.reciprocal, s > part.from, s < hi { consider(part, s) }
            }
        }
        return best
    }
}

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

func flowSupDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A progress bar that appears only once a run has taken a second (and only on a terminal,
/// as `ProgressBar` decides).
final class DelayedProgressBar {
    private let bar: ProgressBar
    private let start = ContinuousClock.now
    private var shown = false

    init(label: String) { bar = ProgressBar(label: label) }

    func update(_ fraction: Double) {
        guard bar.enabled else { return }
        if !shown {
            guard ContinuousClock.now - start >= .seconds(1) else { return }
            shown = true
        }
        bar.update(fraction)
    }

    func finish() {
        if shown { bar.finish() }
    }
}

extension FlowError {
    /// Bad data is bad input (exit 2); an integration that cannot continue is a failed run (exit 1).
    func cliFailure(context: String) -> CLIFailure {
        switch self {
        case .invalidInput(let m): return .badInput("\(context): \(m)")
        case .integrationFailed(let m): return .checkFailed("\(context): integration failed: \(m)")
        }
    }
}

/// Parses `--epsilon 1e-5,1e-10`: each entry in (0, 1), exponents beyond Double's range allowed.
func parseEpsilonList(_ text: String, option: String) throws -> [FlowEpsilon] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard !items.isEmpty, !(items.count == 1 && items[0].isEmpty) else { throw CLIFailure.badInput("\(option): no ε given") }
    return try items.map { item in
        guard !item.isEmpty else { throw CLIFailure.badInput("\(option): empty entry in '\(text)'") }
        if let epsilon = try? FlowEpsilon(parsing: item) { return epsilon }
        // Say why: not a number, not positive, or not below 1.
        let parts = item.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let mantissa = Double(parts[0]), mantissa.isFinite,
              parts.count == 1 || Int(parts[1]) != nil else {
            throw CLIFailure.badInput("\(option): '\(item)' is not a number")
        }
        if mantissa <= 0 { throw CLIFailure.badInput("\(option): ε must be positive, got '\(item)'") }
        throw CLIFailure.badInput("\(option): ε must be below 1 (ε ∈ (0, 1)), got '\(item)'")
    }
}

/// Parses a positive number (exact text such as 9/2, 4.5 or 1e1).
func parsePositiveValue(_ text: String, option: String) throws -> Rational {
    guard let value = try? Rational(parsing: text) else { throw CLIFailure.badInput("\(option): '\(text)' is not a number") }
    guard value.signum > 0 else { throw CLIFailure.badInput("\(option) must be positive, got \(text)") }
    guard value.doubleValue.isFinite else { throw CLIFailure.badInput("\(option): \(text) is too large") }
    return value
}

/// Integrator tolerances from `--rtol`/`--atol` (defaults: `FlowOptions()`).
func flowOptions(rtol: String?, atol: String?) throws -> FlowOptions {
    var options = FlowOptions()
    if let rtol { options.relativeTolerance = try parsePositiveValue(rtol, option: "--rtol").doubleValue }
    if let atol { options.absoluteTolerance = try parsePositiveValue(atol, option: "--atol").doubleValue }
    return options
}

/// An exact value with its decimal, or only the decimal when the fraction is long.
func shortExact(_ q: Rational) -> String {
    q.description.count > 24 ? "≈" + q.decimalString(significantDigits: 6) : exactAndApprox(q)
}

/// `%.4g` for tables.
func flowNumber(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : (x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞"))
}
