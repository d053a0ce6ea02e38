import DataFormats
import ExactArithmetic
import LassoHomotopy
import SaddleToSaddle
import PlainText

extension Verdict {
    /// The `compare` report (`CompareReport`): a header naming `file`, the knots and saddles side
    /// by side, the verdict, the nonzero gap pieces, the downward variation, and the evaluations
    /// at `times`. `ExactComparison.text` writes the same report as the limit and the path stream.
    public func text(file: String, at times: [Rational] = [], format f: NumberFormat = .readable) throws -> String {
        var gaps = GapRows(f), downward = DownwardRows(f)
        for g in gap { gaps.pass(g) }
        for p in downwardVariation.pieces { downward.pass(p) }
        return CompareReport.text(file: file, limit.problem, f, sideBySide: sideBySide(f), statements: statements(format: f), gaps: gaps,
                                  downward: downward, evaluations: try times.map { try evaluationText(at: $0, format: f) })
    }

    /// One row per time at which a knot or a saddle happens, then the line on κ ≤ λwd.
    func sideBySide(_ f: NumberFormat) -> String {
        var table = SideBySide(f), atInfinity = KnotsAtInfinity(weightDecay: path.weightDecay)
        for j in path.kappa.indices {
            atInfinity.pass(kappa: path.kappa[j], x: path.x[j])
            guard let s = path.time(ofKnot: j) else { continue }
            let slope = j < path.reachedSegments.upperBound ? path.integerFormula(j).constant : nil
            table.pass(knot: KnotRow(s: s, kappa: path.kappa[j], x: path.x[j], slope: slope))
        }
        for saddle in limit.saddles { table.pass(saddle: saddle) }
        table.endKnots()
        table.endSaddles()
        return table.render(atInfinity, f)
    }

    /// The gap, z↓ and η at one time s > 0, in one line.
    public func evaluationText(at s: Rational, format f: NumberFormat = .readable) throws -> String {
        let eta = try eta(at: s)
        return CompareReport.evaluationText(at: s, gap: try gap(at: s), eta: eta, f)
    }
}
