import ExactArithmetic
import LassoHomotopy
import PlainText
import ProblemDefinition
import SaddleToSaddle

/// The `compare` report, built from parts that pass in time order (`ExactComparison.text` as the
/// limit and the path stream, `Verdict.text` from a comparison in memory): the knots and saddles
/// side by side, the nonzero gap pieces and z↓'s pieces, each a `TableWindow` that keeps only
/// the rows it shows. The same text either way.
enum CompareReport {
    /// The header naming `file`, the table of knots and saddles, the verdict, the gap and z↓
    /// tables (when not empty, not zero), and the evaluations at the `--at` times.
    static func text(file: String, _ problem: Problem, _ f: NumberFormat, sideBySide: String, statements: [String],
                     gaps: GapRows, downward: DownwardRows, evaluations: [String]) -> String {
        let p = problem
        let header = "compare \(file): \(DLNLimit.networkName(p)) vs the \(p.variant == .signed ? "" : "nonnegative ")lasso, λwd = \(f(p.weightDecay)), d = \(p.dimension), M \(p.isPositiveDefinite ? "positive definite" : "singular")"
        var out = [header, "", "lasso knots and DLN saddles by time s = 1/(κ − λwd):", sideBySide, "", "verdict:"]
        out += statements.map { "  - " + $0 }
        if gaps.table.count > 0 {
            out += ["", "limit gap Lasso(x̄(s)) − Lasso*(s) where it is not 0 (exact maxima):", gaps.table.render()]
        }
        if !downward.isZero {
            out += ["", "downward variation z↓(μ) = value at start + rate·[(μ − start) + (μ² − start²)/2]:", downward.table.render()]
        }
        return (out + evaluations).joined(separator: "\n")
    }

    /// The gap, z↓ and η at one time s > 0, in one line.
    static func evaluationText(at s: Rational, gap: Rational, eta: Eta, _ f: NumberFormat) -> String {
        // η is irrational unless √z↓ is rational: its decimal goes through Double (display only).
        let approximate = "≈ " + eta.approximate.formatted(significantDigits: f.digits)
        let etaText = eta.exact.map { "= " + f($0) } ?? (f.style == .readable && eta.expression.count > NumberFormat.shortLength ? approximate : "= \(eta.expression) \(approximate)")
        return "at s = \(f(s)): gap = \(f(gap)), z↓ = \(f(eta.zDown)), η \(etaText)"
    }
}

/// The gap pieces with a nonzero maximum as the report's table (the others pass unseen). A row
/// keeps what it shows, not the piece's polynomials (megabit values at Gaussian 200×200): the
/// maximum, formed only if the row is shown (with the one part it comes from until then).
struct GapRows: Sendable {
    typealias Row = (from: Rational, to: Rational?, maximum: GapValue, maximiser: Rational?)
    private(set) var table: TableWindow<Row>

    init(_ f: NumberFormat) {
        table = TableWindow(["s from", "to", "max gap", "at s"], f.layout) { g in
            [f(g.from), f.orInfinity(g.to), f(g.maximum.exact), g.maximiser.map { f($0) } ?? "→ ∞"]
        }
    }

    mutating func pass(_ piece: GapPiece) {
        if !piece.maximumValue.isZero { table.pass((piece.from, piece.to, piece.maximumValue, piece.maximiser)) }
    }
}

/// z↓'s pieces as the report's table, and whether z↓ ≡ 0 (then the table is left out).
struct DownwardRows: Sendable {
    private(set) var table: TableWindow<DownwardVariationPiece>
    private(set) var isZero = true

    init(_ f: NumberFormat) {
        table = TableWindow(["μ from", "to", "rate", "z↓ at start", "coordinates decreasing in |z|"], f.layout) { p in
            [f(p.from), f.orInfinity(p.to), f(p.rate), f(p.valueAtFrom),
             p.coordinates.isEmpty ? "—" : p.coordinates.map { String($0 + 1) }.joined(separator: " ")]
        }
    }

    mutating func pass(_ piece: DownwardVariationPiece) {
        table.pass(piece)
        isZero = isZero && piece.rate.isZero
    }
}

/// A knot the table shows (κ > λwd): its time, κ, x and the slope a of the segment below it (nil
/// when that segment is not reached: the last knot before a stop).
struct KnotRow: Sendable {
    let s: Rational
    let kappa: Rational
    let x: [Rational]
    let slope: IntegerVector?
}

/// The table of knots and saddles by time, merged from the two sides as they pass (each in time
/// order; one row for a knot and a saddle at the same time), and the line on the knots at κ ≤ λwd.
struct SideBySide {
    private typealias Row = (s: Rational, knot: KnotRow?, saddle: [Rational]?)
    private var table: TableWindow<Row>
    private var knots = FIFO<KnotRow>(), saddles = FIFO<(s: Rational, x: [Rational])>()
    private var knotsEnded = false, saddlesEnded = false, saddleCount = 0

    init(_ f: NumberFormat) {
        table = TableWindow(["s", "lasso knot κ", "x(κ)", "slope a below the knot", "DLN saddle x°", "x° = a?"], f.layout) { row in
            // Formed only for the rows shown (`IntegerVector` is canonical: == is equality of the vectors).
            let slope = row.knot?.slope, mark = slope != nil && row.saddle != nil ? (IntegerVector(row.saddle!) == slope! ? "=" : "≠") : ""
            return [f(row.s), row.knot.map { f($0.kappa) } ?? "", row.knot.map { f.sparse($0.x) } ?? "",
                    slope.map { f.sparse($0.rationals) } ?? "", row.saddle.map { f.sparse($0) } ?? "", mark]
        }
    }

    mutating func pass(knot: KnotRow) {
        knots.append(knot)
        merge()
    }

    /// The limit's next saddle (from saddle 0 at s = 0, which has no row).
    mutating func pass(saddle: Saddle) {
        saddleCount += 1
        guard saddleCount > 1 else { return }
        saddles.append((saddle.s, saddle.x))
        merge()
    }

    mutating func endKnots() {
        knotsEnded = true
        merge()
    }

    mutating func endSaddles() {
        saddlesEnded = true
        merge()
    }

    /// The rows whose time is known to be next.
    private mutating func merge() {
        while true {
            switch (knots.first, saddles.first) {
            case let (k?, s?) where k.s == s.s:
                table.pass((k.s, k, s.x))
                knots.removeFirst()
                saddles.removeFirst()
            case let (k?, s?):
                if k.s < s.s {
                    table.pass((k.s, k, nil))
                    knots.removeFirst()
                } else {
                    table.pass((s.s, nil, s.x))
                    saddles.removeFirst()
                }
            case let (k?, nil) where saddlesEnded:
                table.pass((k.s, k, nil))
                knots.removeFirst()
            case let (nil, s?) where knotsEnded:
                table.pass((s.s, nil, s.x))
                saddles.removeFirst()
            default:
                return
            }
        }
    }

    /// The table (once both sides ended), with the line on κ ≤ λwd.
    func render(_ atInfinity: KnotsAtInfinity, _ f: NumberFormat) -> String {
        precondition(knotsEnded && saddlesEnded, "both sides have ended")
        return table.render() + (atInfinity.line(f).map { "\n" + $0 } ?? "")
    }
}

/// The knots at κ ≤ λwd, which no time reaches (s → ∞ is κ = λwd), as they pass after the last
/// reached one.
struct KnotsAtInfinity: Sendable {
    let weightDecay: Rational
    private var last: (kappa: Rational, x: [Rational])?
    private var kappas: [Rational] = []
    /// x at κ = λwd, on the chord from the last reached knot to the first that is not (that
    /// knot's x when it is at λwd).
    private var solution: [Rational]?

    init(weightDecay: Rational) { self.weightDecay = weightDecay }

    /// The path's next knot (from the first).
    mutating func pass(kappa: Rational, x: [Rational]) {
        guard kappa <= weightDecay else { return last = (kappa, x) }
        if kappas.isEmpty {
            let from = last ?? (kappa, x)
            solution = kappa == weightDecay || from.kappa == kappa ? x : Chord(upper: from.kappa, from.x, lower: kappa, x).solution(at: weightDecay)
        }
        kappas.append(kappa)
    }

    /// "(s → ∞ is κ = λwd …)", or nil when every knot is reached.
    func line(_ f: NumberFormat) -> String? {
        guard let solution else { return nil }
        if kappas == [weightDecay] {
            return "(s → ∞ is κ = λwd = \(f(weightDecay)), the last knot: \(f.equation("x", solution)))"
        }
        return "(s → ∞ is κ = λwd = \(f(weightDecay)), where \(f.equation("x", solution)); knots at κ ≤ λwd (\(kappas.map { f($0) }.joined(separator: ", "))) are never reached)"
    }
}
