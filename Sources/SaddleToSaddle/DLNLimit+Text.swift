import DataFormats
import ExactArithmetic
import PlainText
import ProblemDefinition

extension DLNLimit {
    /// "signed network x = u∘v" or "weight-tied network x = u∘u (x ≥ 0)".
    public var networkName: String { Self.networkName(problem) }

    public static func networkName(_ problem: Problem) -> String {
        problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    /// The `limit` report: a header naming `file`, the saddles, what happens after the last one,
    /// and the evaluations at `times`.
    public func text(file: String, at times: [Rational] = [], format f: NumberFormat = .readable) throws -> String {
        var report = try LimitReport(problem, at: times, horizon: horizon, format: f)
        for saddle in saddles { report.pass(saddle) }
        return report.text(file: file)
    }

    /// The same report computed saddle by saddle (`forEachSaddle`), keeping only the table's rows
    /// and the last saddle: `DLNLimit(problem:horizon:).text(file:at:format:)`'s text with memory
    /// flat in the saddles' size. A bad time throws before the limit is computed.
    public static func text(problem: Problem, horizon: Rational? = nil, file: String, at times: [Rational] = [],
                            format f: NumberFormat = .readable) throws -> String {
        var report = try LimitReport(problem, at: times, horizon: horizon, format: f)
        try forEachSaddle(of: problem, horizon: horizon) { report.pass($0) }
        return report.text(file: file)
    }

    /// x°(s), q(s), Z(s) and x̄(s) at one time s ≥ 0, one per line.
    public func evaluationText(at s: Rational, format f: NumberFormat = .readable) throws -> String {
        try piece(at: s).evaluationText(at: s, format: f)
    }
}

extension LimitPiece {
    /// x°(s), q(s), Z(s) and x̄(s) at a time s of this piece, one per line.
    func evaluationText(at s: Rational, format f: NumberFormat) -> String {
        """
        at s = \(f(s)) (saddle \(index)):
          x°(s) = \(f.vector(saddle.x))
          q(s)  = \(f.vector(dual(at: s)))
          Z(s)  = \(f.vector(integral(at: s)))
          x̄(s) = Z(s)/s = \(f.vector(averaged(at: s)))
        """
    }
}

/// The `limit` report built as the saddles pass, in order: a table row each, the last saddle
/// (for what happens after it) and the evaluations at the times.
private struct LimitReport {
    let problem: Problem
    let format: NumberFormat
    private var table = TextTable(["k", "s", "entering", "face", "x°", "unique"])
    private var last: Saddle?
    private var evaluations: PassingTimes<String>

    init(_ problem: Problem, at times: [Rational], horizon: Rational?, format f: NumberFormat) throws {
        self.problem = problem
        format = f
        evaluations = try PassingTimes(times, horizon: horizon) { $0.evaluationText(at: $1, format: f) }
    }

    mutating func pass(_ saddle: Saddle) {
        let f = format
        let face = zip(saddle.face, saddle.faceSigns).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: " ")
        table.append([
            String(table.rows.count), f(saddle.s),
            saddle.entering.isEmpty ? "—" : saddle.entering.map { String($0 + 1) }.joined(separator: " "),
            face.isEmpty ? "—" : face, f.sparse(saddle.x), saddle.isUnique ? "yes" : "NO (depends on β, γ)",
        ])
        last = saddle
        evaluations.pass(saddle)
    }

    /// The header naming `file`, the saddles table, what happens after the last one, the evaluations.
    func text(file: String) -> String {
        let f = format, last = last!
        let header = "DLN limit (ε → 0) of \(file): \(DLNLimit.networkName(problem)), λwd = \(f(problem.weightDecay)), d = \(problem.dimension)"
        let stop = problem.weightDecay.isZero
            ? "no coordinate of q can reach the box: \(f.equation("x°", last.x)) minimises ℓ\(problem.variant == .positive ? " over x ≥ 0" : "")"
            : "no coordinate of q can reach the growing box 1 + λwd·s: x° is stationary for ℓ + λwd‖·‖₁"
        let saddles = "saddles (x° is held from each time s to the next; the last one forever):\n"
            + table.render(f.layout) + "\nafter s = \(f(last.s)): \(stop)"
        return ([header, saddles] + evaluations.finish()).joined(separator: "\n")
    }
}
