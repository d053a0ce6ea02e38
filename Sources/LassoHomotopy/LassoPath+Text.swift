import DataFormats
import ExactArithmetic
import PlainText

extension LassoPath {
    /// "{1−, 3+}": active coordinates (1-based, as people count) with the sign of x.
    public static func activeText(_ active: [Int], _ signs: [Int]) -> String {
        active.isEmpty ? "∅" : "{" + zip(active, signs).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: ", ") + "}"
    }

    /// The `path` report: a header, one row per knot, and the evaluations at `penalties`.
    public func text(file: String, at penalties: [Rational] = [], format f: NumberFormat = .readable) -> String {
        let variant = problem.variant == .signed ? "signed" : "positive (x ≥ 0)"
        var out = [
            "lasso path of \(file): \(variant), d = \(problem.dimension), \(knots.count) knots, κ_max = \(f(kappaMax))",
            "certified: KKT at every knot and constant signs on every segment (docs/math.md §1)",
            isUnique ? "solutions: unique for every κ ≥ 0"
                : "solutions: NOT unique where marked *; the path shown is the canonical member (least-norm direction at every knot)",
        ]
        if !problem.weightDecay.isZero { out.append("weight decay λwd = \(f(problem.weightDecay)): μ = 1/(κ − λwd), shown where κ > λwd") }
        // Exact fractions get a decimal column beside them; readable values are decimals already.
        let approximated = f.style != .readable
        func x(_ v: [Rational]) -> [String] {
            approximated ? [f.vector(v), "(" + v.map { $0.decimalString(significantDigits: f.digits) }.joined(separator: ", ") + ")"] : [f.sparse(v)]
        }
        var table = TextTable(["k", "κ", "μ", "active", "events", "x"] + (approximated ? ["x ≈"] : []))
        for (k, knot) in knots.enumerated() {
            var events: [String] = []
            if !knot.joined.isEmpty { events.append("+" + knot.joined.map { "\($0 + 1)" }.joined(separator: ",")) }
            if !knot.dropped.isEmpty { events.append("−" + knot.dropped.map { "\($0 + 1)" }.joined(separator: ",")) }
            table.append([
                "\(k)\(knot.isUnique ? "" : "*")", f(knot.kappa), mu(at: knot.kappa).map { f($0) } ?? "—",
                Self.activeText(knot.active, knot.signs), events.joined(separator: " "),
            ] + x(knot.x))
        }
        out.append("")
        out.append(table.render(f.layout))
        let nonUnique = segments.enumerated().filter { !$0.element.isUnique }
        if !nonUnique.isEmpty {
            out.append("")
            out.append("segments with non-unique solutions (between knots k and k+1): " + nonUnique.map { "\($0.offset)" }.joined(separator: ", "))
        }
        if !penalties.isEmpty {
            out.append("")
            var evaluations = TextTable(["κ", "μ", "Lasso*", "unique", "x"] + (approximated ? ["x ≈"] : []))
            for kappa in penalties {
                evaluations.append([
                    f(kappa), mu(at: kappa).map { f($0) } ?? "—",
                    f(optimalValue(at: kappa) + problem.lossOffset), isUnique(at: kappa) ? "yes" : "no",
                ] + x(solution(at: kappa)))
            }
            out.append(evaluations.render(f.layout))
            if let data = problem.data { out.append("Lasso* is in data-fit form: ‖Xx − y‖²/\(data.scaling == .mean ? "(2n)" : "2") + penalty") }
        }
        return out.joined(separator: "\n")
    }
}
