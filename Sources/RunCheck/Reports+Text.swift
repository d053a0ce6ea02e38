import ExactArithmetic
import Foundation
import NumericFlow
import PlainText

// The text reports of `flow`, `check-run` and `plot`: floating-point measurements to 4 digits,
// exact values through the caller's NumberFormat.

/// `%.4g` for tables.
public func flowNumber(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : (x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞"))
}

/// `flow`'s text report: the exact facts, the per-ε table, the verdicts with their criterion.
public func flowText(_ sweep: FlowSweep, reference: FlowReference, file: String, format: NumberFormat) -> String {
    let p = reference.problem, report = sweep.report, summary = sweep.summary
    var out: [String] = []
    out.append("flow \(file): \(reference.network), λwd = \(p.weightDecay), d = \(p.dimension)")
    out.append("s_max = \(format(sweep.sMax))\(sweep.defaultHorizon ? " (default: 1.5 × the last saddle or knot time)" : ""); "
        + "evaluation set: \(report.evaluationPoints) points (grid, saddle and knot times) + the integrator's step points")
    out.append("exact limit: \(summary.saddleCount) saddles, last at s = \(format(summary.lastSaddle)); "
        + "lasso path: \(summary.knotCount) knots")
    out.append("  " + relationText(summary, format: format))
    if !summary.unique {
        out.append("  note: some face problems have several minimisers; x̄₀ is the canonical one, while the network's own limit depends on β, γ (docs/math.md §3), so a deviation from x̄₀ that does not shrink may be that choice, not an error (q and M·x̄ are unique)")
    }
    out.append("  exact limit gap on (0, s_max]: " + gapText(summary, format: format))
    out.append("  Lasso*(s_max) = \(format(summary.lassoOptimumAtSMax)) (\(summary.objectiveForm) form \(summary.objectiveFormula))")
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
    out.append("trend: (deviation − expected)·log(1/ε) settles in the 1/log(1/ε) regime; a + b/log(1/ε) is a least-squares fit shown for reference")
    var fits = TextTable(["against", "expected", "drift/doubling", "a", "b", "verdict"])
    for (name, f) in [("exact limit", report.fitLimit), ("lasso path", report.fitLasso)] {
        fits.append([name, flowNumber(f.expectedIntercept), f.driftPerDoubling.map { String(format: "%.1f%%", abs($0) < 5e-4 ? 0 : 100 * $0) } ?? "—",
                     flowNumber(f.intercept), flowNumber(f.slope), f.verdict.rawValue])
    }
    out.append(fits.render())
    out.append("criterion: " + DeviationFit.criterion)
    out.append("")
    out.append("verdict: \(sweep.verdict.rawValue) (against the exact limit)")
    out.append("  exact limit: " + report.fitLimit.reading)
    out.append("  lasso path: " + report.fitLasso.reading)
    if !sweep.descent.isEmpty {
        out.append("")
        out.append("gradient descent on the weights, η = \(flowNumber(sweep.descent[0].stepSize)) (compared with the flow at up to \(sweep.descentPoints) times):")
        out.append("flow dev. = sup ‖x̄_GD(s) − x̄_ε(s)‖∞ (same ε), limit dev. = sup ‖x̄_GD(s) − x̄₀(s)‖∞; Λ bounds the training objective's curvature")
        var gd = TextTable(["ε", "iterations", "max η·Λ", "flow dev.", "at s", "limit dev.", "tracks flow"])
        for row in sweep.descent {
            if row.skipped != nil {
                gd.append([row.epsilon, "—", "—", "—", "—", "—", "skipped"])
            } else {
                gd.append([row.epsilon, String(row.iterations), flowNumber(row.maxStepTimesCurvature), flowNumber(row.maxDeviationFromFlow),
                           flowNumber(row.sAtMaxDeviationFromFlow), flowNumber(row.maxDeviationFromLimit), row.tracksFlow ? "yes" : "NO"])
            }
        }
        out.append(gd.render())
        for row in sweep.descent { out.append("  ε = \(row.epsilon): " + (row.skipped.map { "skipped: " + $0 } ?? row.diagnosis)) }
    }
    return out.joined(separator: "\n")
}

/// Where the limit leaves the path, in short decimals (exact values are in --json).
public func relationText(_ summary: FlowSummary, format: NumberFormat) -> String {
    if summary.equivalent { return "the averaged limit x̄₀(s) equals the lasso path for every s (z monotone, docs/math.md §4)" }
    let intervals = summary.divergence.map { "(\(format($0.from)), \(format.orInfinity($0.to)))" }.joined(separator: ", ")
    return "the averaged limit leaves the lasso path on \(intervals) (docs/math.md §4)"
}

/// The exact limit gap's supremum and where it is attained, or 0 when the limit follows the path.
public func gapText(_ summary: FlowSummary, format: NumberFormat) -> String {
    guard let at = summary.gapSupremum.at, !summary.gapSupremum.value.isZero else { return "0 (the limit follows the path)" }
    return "sup = \(format(summary.gapSupremum.value)) at s = \(format(at))"
}

/// check-run's text report.
public func checkRunText(_ r: RunCheckReport, problemFile: String, format: NumberFormat) -> String {
    var out: [String] = []
    let kind = r.step.map { "gradient descent, η = \(flowNumber($0))" } ?? "gradient flow"
    out.append("check-run \(r.file) against \(problemFile): \(kind), ε = \(r.epsilon), \(r.samples) samples of \(r.form.rawValue), s ∈ [\(flowNumber(r.sRange.0)), \(flowNumber(r.sRange.1))]")
    out.append("")
    var table = TextTable(["deviation (sup over the samples, ‖·‖∞)", "value", "at s", "of which the theory", "at s"])
    table.append(["runDeviation: from the tool's own run", flowNumber(r.runDeviation.value), flowNumber(r.runDeviation.s), "—", "—"])
    table.append(["limitDeviation: from the exact limit", flowNumber(r.limitDeviation.value), flowNumber(r.limitDeviation.s),
                  flowNumber(r.referenceLimitDeviation.value) + " (finite ε)", flowNumber(r.referenceLimitDeviation.s)])
    table.append(["lassoDeviation: from the lasso path", flowNumber(r.lassoDeviation.value), flowNumber(r.lassoDeviation.s),
                  flowNumber(r.limitLassoDistance.value) + " (limit − path)", r.limitLassoDistance.value > 0 ? flowNumber(r.limitLassoDistance.s) : "—"])
    out.append(table.render())
    if r.divergence.isEmpty {
        out.append("the exact limit follows the lasso path for every s (z monotone)")
    } else {
        let intervals = r.divergence.map { "(\(format($0.from)), \(format.orInfinity($0.to)))" }.joined(separator: ", ")
        out.append("the exact limit leaves the lasso path on s ∈ \(intervals) (docs/math.md §4)")
    }
    out.append("sampling error σ = \(flowNumber(r.samplingError.value)) at s ≈ \(flowNumber(r.samplingError.s)); tolerance = \(flowNumber(r.relativeTolerance)) × \(flowNumber(r.scale)) = \(flowNumber(r.tolerance))")
    if let tracks = r.descentTracksFlow {
        out.append("gradient descent: \(tracks ? "the step tracks the flow" : "the step does NOT track the flow") — \(r.descentDiagnosis ?? "")")
    }
    out.append("criterion: " + r.criterion)
    out.append("")
    out.append("verdict: " + r.reading)
    if let hint = r.hint { out.append("hint: " + hint) }
    return out.joined(separator: "\n")
}

/// "4 coordinates, s ∈ [0, 6] (linear), ε = 1e-10; shaded where …".
public func drawnText(_ drawn: FlowFigure.Drawn) -> String {
    let shaded = drawn.shaded.isEmpty
        ? "the limit follows the lasso path (nothing shaded)"
        : "shaded where the limit leaves the path: " + drawn.shaded.map { "[\(flowNumber($0.lowerBound)), \(flowNumber($0.upperBound))]" }.joined(separator: ", ")
    let of = drawn.coordinates < drawn.dimension ? " of \(drawn.dimension)" : ""
    let axis = drawn.scale == .log ? "log" : "linear"
    return "\(drawn.coordinates)\(of) coordinates, s ∈ [\(flowNumber(drawn.sRange.lowerBound)), \(flowNumber(drawn.sRange.upperBound))] (\(axis) axis), ε = \(drawn.epsilon); \(shaded)"
}

/// The header sentence of `flow` and `check-run` text (in place of `NumberFormat.note`): what
/// the numbers shown are.
public func measuredNote(_ format: NumberFormat) -> String {
    let exact = format.style == .exact ? "in full" : "fractions ≤ \(NumberFormat.shortLength) characters, else \(format.digits) digits"
    return "deviations, times, fits: floating-point measurements to 4 digits; exact values: \(exact); --json: all"
}
