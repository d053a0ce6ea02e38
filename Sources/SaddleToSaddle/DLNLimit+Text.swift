import DataFormats
import ExactArithmetic
import PlainText

extension DLNLimit {
    /// "signed network x = u∘v" or "weight-tied network x = u∘u (x ≥ 0)".
    public var networkName: String {
        problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    /// The `limit` report: a header naming `file`, the saddles, what happens after the last one,
    /// and the evaluations at `times`.
    public func text(file: String, at times: [Rational] = [], format f: NumberFormat = .readable) throws -> String {
        let header = "DLN limit (ε → 0) of \(file): \(networkName), λwd = \(f(problem.weightDecay)), d = \(problem.dimension)"
        return ([header, saddlesText(f)] + (try times.map { try evaluationText(at: $0, format: f) })).joined(separator: "\n")
    }

    /// The saddles table and what happens after the last one.
    func saddlesText(_ f: NumberFormat) -> String {
        var table = TextTable(["k", "s", "entering", "face", "x°", "unique"])
        for (k, saddle) in saddles.enumerated() {
            let face = zip(saddle.face, saddle.faceSigns).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: " ")
            table.append([
                String(k), f(saddle.s),
                saddle.entering.isEmpty ? "—" : saddle.entering.map { String($0 + 1) }.joined(separator: " "),
                face.isEmpty ? "—" : face, f.sparse(saddle.x), saddle.isUnique ? "yes" : "NO (depends on β, γ)",
            ])
        }
        let last = saddles[saddles.count - 1]
        let stop = problem.weightDecay.isZero
            ? "no coordinate of q can reach the box: \(f.equation("x°", last.x)) minimises ℓ\(problem.variant == .positive ? " over x ≥ 0" : "")"
            : "no coordinate of q can reach the growing box 1 + λwd·s: x° is stationary for ℓ + λwd‖·‖₁"
        return "saddles (x° is held from each time s to the next; the last one forever):\n"
            + table.render(f.layout) + "\nafter s = \(f(last.s)): \(stop)"
    }

    /// x°(s), q(s), Z(s) and x̄(s) at one time s ≥ 0, one per line.
    public func evaluationText(at s: Rational, format f: NumberFormat = .readable) throws -> String {
        """
        at s = \(f(s)) (saddle \(try saddleIndex(at: s))):
          x°(s) = \(f.vector(try iterate(at: s)))
          q(s)  = \(f.vector(try dual(at: s)))
          Z(s)  = \(f.vector(try integral(at: s)))
          x̄(s) = Z(s)/s = \(f.vector(try averaged(at: s)))
        """
    }
}
