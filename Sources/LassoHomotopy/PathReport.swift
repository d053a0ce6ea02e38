import ExactArithmetic
import PlainText
import ProblemDefinition

/// The `path` report built knot by knot (`pass`), keeping only what it shows: the table's first
/// and last rows (`TableWindow`), the non-unique segments' indices and the evaluations at the
/// penalties asked for. So the report of a streamed path has memory flat in the knots.
struct PathReport {
    let problem: Problem
    let penalties: [Rational]
    let format: NumberFormat
    private var table: TableWindow<(index: Int, knot: Knot)>
    private var kappaMax: Rational?
    private var isUnique = true
    private var nonUnique: [Int] = []
    /// Per penalty, once the knot or segment holding it has passed: x and whether it is unique.
    private var evaluations: [(x: [Rational], unique: Bool)?]

    init(_ problem: Problem, at penalties: [Rational], format f: NumberFormat) {
        self.problem = problem
        self.penalties = penalties
        format = f
        evaluations = Array(repeating: nil, count: penalties.count)
        // Exact fractions get a decimal column beside them; readable values are decimals already.
        let header = ["k", "κ", "μ", "active", "events", "x"] + (f.style != .readable ? ["x ≈"] : [])
        table = TableWindow(header, f.layout) { [problem] row in
            let knot = row.knot
            var events: [String] = []
            if !knot.joined.isEmpty { events.append("+" + knot.joined.map { "\($0 + 1)" }.joined(separator: ",")) }
            if !knot.dropped.isEmpty { events.append("−" + knot.dropped.map { "\($0 + 1)" }.joined(separator: ",")) }
            return ["\(row.index)\(knot.isUnique ? "" : "*")", f(knot.kappa), LassoPath.mu(problem, knot.kappa).map { f($0) } ?? "—",
                    LassoPath.activeText(knot.active, knot.signs), events.joined(separator: " ")] + Self.x(knot.x, f)
        }
    }

    /// Knot k (in order) with the segment below it (nil for the last).
    mutating func pass(_ knot: Knot, below: Segment?) {
        let k = table.count
        if kappaMax == nil { kappaMax = knot.kappa }
        table.pass((k, knot))
        isUnique = isUnique && knot.isUnique && (below?.isUnique ?? true)
        if let below, !below.isUnique { nonUnique.append(k) }
        for (i, kappa) in penalties.enumerated() where evaluations[i] == nil {
            if k == 0, kappa > knot.kappa {
                evaluations[i] = (knot.x, true) // above κ_max, x = 0 is the only solution
            } else if kappa == knot.kappa {
                evaluations[i] = (knot.x, knot.isUnique)
            } else if let below, below.lower < kappa, kappa < below.upper {
                evaluations[i] = (below.solution(at: kappa), below.isUnique)
            }
        }
    }

    /// The report: a header, one row per knot, and the evaluations at the penalties.
    func text(file: String) -> String {
        let f = format
        let variant = problem.variant == .signed ? "signed" : "positive (x ≥ 0)"
        var out = [
            "lasso path of \(file): \(variant), d = \(problem.dimension), \(table.count) knots, κ_max = \(f(kappaMax ?? .zero))",
            "certified: KKT at every knot and constant signs on every segment (docs/math.md §1)",
            isUnique ? "solutions: unique for every κ ≥ 0"
                : "solutions: NOT unique where marked *; the path shown is the canonical member (least-norm direction at every knot)",
        ]
        if !problem.weightDecay.isZero { out.append("weight decay λwd = \(f(problem.weightDecay)): μ = 1/(κ − λwd), shown where κ > λwd") }
        out.append("")
        out.append(table.render())
        if !nonUnique.isEmpty {
            out.append("")
            out.append("segments with non-unique solutions (between knots k and k+1): " + nonUnique.map(String.init).joined(separator: ", "))
        }
        if !penalties.isEmpty {
            out.append("")
            var table = TextTable(["κ", "μ", "Lasso*", "unique", "x"] + (f.style != .readable ? ["x ≈"] : []))
            for (kappa, evaluation) in zip(penalties, evaluations) {
                guard let (x, unique) = evaluation else { continue }
                let optimal = LassoPath.objective(problem, x, kappa) + problem.lossOffset
                table.append([f(kappa), LassoPath.mu(problem, kappa).map { f($0) } ?? "—", f(optimal), unique ? "yes" : "no"] + Self.x(x, f))
            }
            out.append(table.render(f.layout))
            if let data = problem.data { out.append("Lasso* is in data-fit form: ‖Xx − y‖²/\(data.scaling == .mean ? "(2n)" : "2") + penalty") }
        }
        return out.joined(separator: "\n")
    }

    /// x as shown: readable, or exact with its decimals beside it.
    static func x(_ v: [Rational], _ f: NumberFormat) -> [String] {
        f.style != .readable ? [f.vector(v), "(" + v.map { $0.decimalString(significantDigits: f.digits) }.joined(separator: ", ") + ")"] : [f.sparse(v)]
    }
}
