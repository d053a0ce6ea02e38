import DataFormats
import ExactArithmetic
import LassoHomotopy
import SaddleToSaddle
import PlainText

extension Verdict {
    /// The `compare` report: a header naming `file`, the knots and saddles side by side, the
    /// verdict, the nonzero gap pieces, the downward variation, and the evaluations at `times`.
    public func text(file: String, path lassoPath: LassoPath, at times: [Rational] = [], format f: NumberFormat = .readable) throws -> String {
        let p = limit.problem
        let header = "compare \(file): \(limit.networkName) vs the \(p.variant == .signed ? "" : "nonnegative ")lasso, λwd = \(f(p.weightDecay)), d = \(p.dimension), M \(p.isPositiveDefinite ? "positive definite" : "singular")"
        var out = [header, "", "lasso knots and DLN saddles by time s = 1/(κ − λwd):", sideBySide(lassoPath, f), "", "verdict:"]
        out += statements(format: f).map { "  - " + $0 }
        let gaps = gap.filter { !$0.maximum.isZero }
        if !gaps.isEmpty {
            out += ["", "limit gap Lasso(x̄(s)) − Lasso*(s) where it is not 0 (exact maxima):"]
            var table = TextTable(["s from", "to", "max gap", "at s"])
            for g in gaps {
                table.append([f(g.from), f.orInfinity(g.to), f(g.maximum), g.maximiser.map { f($0) } ?? "→ ∞"])
            }
            out.append(table.render(f.layout))
        }
        if !downwardVariation.isZero {
            out += ["", "downward variation z↓(μ) = value at start + rate·[(μ − start) + (μ² − start²)/2]:"]
            var table = TextTable(["μ from", "to", "rate", "z↓ at start", "coordinates decreasing in |z|"])
            for p in downwardVariation.pieces {
                table.append([f(p.from), f.orInfinity(p.to), f(p.rate), f(p.valueAtFrom),
                              p.coordinates.isEmpty ? "—" : p.coordinates.map { String($0 + 1) }.joined(separator: " ")])
            }
            out.append(table.render(f.layout))
        }
        out += try times.map { try evaluationText(at: $0, format: f) }
        return out.joined(separator: "\n")
    }

    /// One row per time at which a knot or a saddle happens (s = ∞ for κ = λwd).
    func sideBySide(_ lassoPath: LassoPath, _ f: NumberFormat) -> String {
        let knots = path
        var rows: [Rational: (knot: Int?, saddle: Int?)] = [:]
        for j in knots.kappa.indices { if let t = knots.time(ofKnot: j) { rows[t, default: (nil, nil)].knot = j } }
        for (k, saddle) in limit.saddles.enumerated() where k > 0 { rows[saddle.s, default: (nil, nil)].saddle = k }
        var table = TextTable(["s", "lasso knot κ", "x(κ)", "slope a below the knot", "DLN saddle x°", "x° = a?"])
        let times = rows.keys.sorted(), shown = f.layout.shownRows(times.count)
        for (n, t) in times.enumerated() {
            // Rows the table leaves out are not formatted (their cells are never printed).
            guard shown.first.contains(n) || shown.last.contains(n) else { table.append([]); continue }
            let (j, k) = rows[t]!
            let slope = j.flatMap { $0 < knots.reachedSegments.upperBound ? knots.inverseAffine($0).constant : nil }
            let saddleX = k.map { limit.saddles[$0].x }
            let mark = slope != nil && saddleX != nil ? (slope! == saddleX! ? "=" : "≠") : ""
            table.append([
                f(t), j.map { f(knots.kappa[$0]) } ?? "", j.map { f.sparse(knots.x[$0]) } ?? "",
                slope.map { f.sparse($0) } ?? "", saddleX.map { f.sparse($0) } ?? "", mark,
            ])
        }
        let unreached = knots.kappa.indices.filter { knots.time(ofKnot: $0) == nil }
        var out = table.render(f.layout)
        if unreached == [knots.kappa.count - 1], knots.kappa[unreached[0]] == knots.weightDecay {
            out += "\n(s → ∞ is κ = λwd = \(f(knots.weightDecay)), the last knot: \(f.equation("x", knots.x[unreached[0]])))"
        } else if !unreached.isEmpty {
            out += "\n(s → ∞ is κ = λwd = \(f(knots.weightDecay)), where \(f.equation("x", lassoPath.solution(at: knots.weightDecay))); knots at κ ≤ λwd (\(unreached.map { f(knots.kappa[$0]) }.joined(separator: ", "))) are never reached)"
        }
        return out
    }

    /// The gap, z↓ and η at one time s > 0, in one line.
    public func evaluationText(at s: Rational, format f: NumberFormat = .readable) throws -> String {
        let eta = try eta(at: s)
        // η is irrational unless √z↓ is rational: its decimal goes through Double (display only).
        let approximate = "≈ " + eta.approximate.formatted(significantDigits: f.digits)
        let etaText = eta.exact.map { "= " + f($0) } ?? (f.style == .readable && eta.expression.count > NumberFormat.shortLength ? approximate : "= \(eta.expression) \(approximate)")
        return "at s = \(f(s)): gap = \(f(try gap(at: s))), z↓ = \(f(eta.zDown)), η \(etaText)"
    }
}
