import PlainText
import ExactArithmetic
import ProblemDefinition

/// The human-readable report of `dlnpath check-solver`: what was compared, what each column
/// means, one row per λ, the knot analysis, and the verdict as the last line. Coordinates are
/// named from the CSV header, else x1 … xd (x1 the first, as in the text of every command).
extension SolverReport {
    public func text(problem: Problem, file: String, centered: Bool = false, layout: TextLayout = .unbounded) -> String {
        SolverReportText(report: self, problem: problem, file: file, centered: centered).text(layout)
    }
}

struct SolverReportText {
    let report: SolverReport
    let problem: Problem
    let file: String
    var centered = false

    func text(_ layout: TextLayout) -> String {
        var out = [
            "problem: \(file) (d = \(problem.dimension), \(problem.variant == .signed ? "signed" : "nonnegative") lasso\(centered ? ", X and y centered as scikit-learn's fit_intercept=True" : ""))",
            "solver output: \(report.source) (\(report.points.count) λ, \(report.kind == .path ? "a path: linear between its alphas" : "independent points"))",
            "tolerance: \(report.tolerance.decimalString(significantDigits: 3))\(report.strict ? " (given: any error above it fails)" : " (errors above it fail only when structural)")",
            "",
            "columns:",
            "  #               position of λ in the solver's output, from 1 (alphas[# − 1] in numpy)",
            "  error           ‖x − x*‖∞ / max(‖x*‖∞, u) against the exact solution x*, u = min(‖r‖∞ / max M_ii, ‖x(0)‖∞); (KKT): KKT violation / ‖r‖∞",
            "  max |x − x*|    ‖x − x*‖∞;  relative: ‖x − x*‖∞ / ‖x*‖∞",
            "  KKT violation   the largest subgradient residual of x;  objective gap: F(x) − F(x*)",
            "  solver support  the solver's nonzero coordinates (x1 the first) with their signs;  exact support: x*'s (E = where solutions may be nonzero)",
            "  class           ok, stopping-tolerance (right support and signs: tighten the solver's tolerance) or structural (why: below the table)",
            "",
        ]
        var table = TextTable(["#", "λ", "error", "max |x − x*|", "relative", "KKT violation", "objective gap", "solver support", "exact support", "class"])
        for point in report.points {
            guard let c = point.comparison else {
                table.append([String(point.index + 1), point.lambda.display, "-", "-", "-", "-", "-", "-", "-", "structural"])
                continue
            }
            table.append([String(point.index + 1), point.lambda.display] + row(c, point))
        }
        out.append(table.render(layout))
        let structural = report.points.filter { $0.errorClass == .structural }
        for point in structural.prefix(20) {
            out.append("  structural at #\(point.index + 1) (λ = \(point.lambda.display)): \(point.reason ?? "")")
        }
        if structural.count > 20 { out.append("  … and \(structural.count - 20) more structural errors (--json lists all)") }
        if let knots = report.knots { out += knotLines(knots) }
        out.append("")
        out.append("verdict: " + report.summary)
        return layout.wrap(out.joined(separator: "\n"))
    }

    func row(_ c: PointComparison, _ point: PointReport) -> [String] {
        let exact = (c.unique ? "" : "E = ") + supportText(c.exactSupport, c.exactSigns)
        let verdict = point.errorClass.rawValue
        return [
            decimal(c.error) + (c.criterion == .kkt ? " (KKT)" : ""), decimal(c.absoluteError),
            c.relativeError.map(decimal) ?? "-", decimal(c.kktViolation), decimal(c.objectiveGap),
            supportText(c.givenSupport, c.givenSigns), exact, verdict,
        ]
    }

    func knotLines(_ knots: KnotReport) -> [String] {
        let matched = knots.exactKnots.count - knots.missed.count
        var lines = [
            "",
            "path over λ ∈ [\(decimal(knots.from)), \(decimal(knots.to))]: \(knots.exactKnots.count) exact knots, \(matched) matched within \(decimal(knots.matchingTolerance)), \(knots.missed.count) missed; \(knots.spurious.count) spurious solver knots",
        ]
        if knots.knotsAbove > 0 { lines.append("  \(knots.knotsAbove) exact knot\(knots.knotsAbove == 1 ? " lies" : "s lie") above the solver's largest λ") }
        if knots.knotsBelow > 0 { lines.append("  \(knots.knotsBelow) exact knots lie below the solver's smallest λ (it stopped there)") }
        let shown = 20
        for k in knots.missed.prefix(shown) {
            var line = "  missed exact knot κ_\(k.index) at λ = \(short(k.kappa))"
            if let i = k.interpolation { line += "; interpolant error \(decimal(i.error))\(k.passed ? "" : " FAIL")" }
            lines.append(line)
        }
        if knots.missed.count > shown { lines.append("  … and \(knots.missed.count - shown) more missed knots") }
        for s in knots.spurious.prefix(shown) {
            lines.append("  spurious solver knot #\(s.index + 1) at λ = \(s.lambda.decimalString(significantDigits: 17))")
        }
        if knots.spurious.count > shown { lines.append("  … and \(knots.spurious.count - shown) more spurious knots") }
        for k in knots.failures.filter(\.matched).prefix(shown) {
            lines.append("  interpolant off at exact knot κ_\(k.index), λ = \(decimal(k.kappa)): error \(decimal(k.interpolation?.error ?? .zero)) FAIL")
        }
        return lines
    }

    func decimal(_ q: Rational) -> String { q.decimalString(significantDigits: 3) }

    /// The exact value when it is short, else 12 digits (--json has every exact value).
    func short(_ q: Rational) -> String {
        q.description.count <= 24 ? NumberFormat(style: .exactWithDecimal)(q) : "≈" + q.decimalString(significantDigits: 12)
    }

    /// "{x2+, x4−}" (x1 the first coordinate), or the CSV header's names.
    func supportText(_ indices: [Int], _ signs: [Int]) -> String {
        "{" + zip(indices, signs).map { i, s in "\(coordinateName(i, report.names))\(s > 0 ? "+" : s < 0 ? "−" : "±")" }.joined(separator: ", ") + "}"
    }
}
