import ExactArithmetic

/// `downwardVariation` (docs/math.md §4, proofs/downward-variation.md): z↓(μ) re-derived from the
/// certified lasso knots alone.
///
/// On reached segment k, z_i(μ) = μ·x_i(λwd + 1/μ) is affine in μ with slope a_i (`muSlope`) and
/// keeps the segment's sign σ_i, so |z_i| decreases exactly when σ_i·a_i < 0, at rate |a_i|, on the
/// whole segment; before the first knot time z = 0. z↓ therefore has a constant rate ρ on each
/// segment and z↓(μ) = z↓(from) + ρ·[(μ − from) + (μ² − from²)/2] there.
enum DownwardVariationCheck {
    typealias Piece = ParsedCertificate.DownwardPiece

    /// The pieces of z↓ from μ = 0, one per run of segments with the same rate and the same
    /// decreasing coordinates, with the value at each piece's start.
    static func derive(_ c: CheckContext) -> [Piece] {
        var raw: [(from: Rational, to: Rational?, rate: Rational, coordinates: [Int])] = []
        for k in c.segmentsInMuRange {
            let range = c.muRange(segment: k)!, a = c.muSlope(segment: k), signs = c.certificate.segmentSigns[k]
            let falling = (0..<c.d).filter { Rational(signs[$0]) * a[$0] < .zero }
            raw.append((range.from, range.to, falling.reduce(Rational.zero) { $0 + a[$1].magnitude }, falling))
        }
        // Before the first knot time x = 0: nothing decreases.
        raw.insert((.zero, raw.first?.from, .zero, []), at: 0)
        var pieces: [Piece] = []
        var value = Rational.zero
        for r in raw {
            if let last = pieces.last, last.rate == r.rate, last.coordinates == r.coordinates {
                pieces[pieces.count - 1].to = r.to
            } else {
                pieces.append(Piece(from: r.from, to: r.to, rate: r.rate, valueAtFrom: value, coordinates: r.coordinates))
            }
            if let to = r.to { value = self.value(pieces[pieces.count - 1], at: to) }
        }
        return pieces
    }

    static func value(_ p: Piece, at mu: Rational) -> Rational {
        p.valueAtFrom + p.rate * ((mu - p.from) + (mu * mu - p.from * p.from) / Rational(2))
    }

    /// z↓(μ) for μ ≥ 0 from derived pieces.
    static func value(_ pieces: [Piece], at mu: Rational) -> Rational {
        value(pieces.last { $0.from <= mu } ?? pieces[0], at: mu)
    }

    /// The pieces and the total, compared with the certificate's.
    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        let derived = derive(c), claimed = c.verdict.downwardPieces
        for (n, (p, q)) in zip(claimed, derived).enumerated() where p != q {
            throw ClaimFailure("verdict z↓ pieces", "z↓ piece \(n + 1) records \(text(p)) but the lasso knots give \(text(q))")
        }
        guard claimed.count == derived.count else {
            throw ClaimFailure("verdict z↓ pieces", "z↓ has \(claimed.count) piece\(claimed.count == 1 ? "" : "s") but the lasso knots give \(derived.count): \(derived.map(text).joined(separator: "; "))")
        }
        let last = derived.last!
        let total: Rational? = last.rate.isZero ? last.valueAtFrom : nil
        guard c.verdict.downwardTotal == total else {
            throw ClaimFailure("verdict z↓ total", "z↓ total is recorded as \(c.verdict.downwardTotal.map(\.short) ?? "unbounded") but the lasso knots give \(total.map(\.short) ?? "unbounded (the last rate is \(last.rate.short))")")
        }
        return total.map { "z↓ re-derived from the knots on \(derived.count) piece\(derived.count == 1 ? "" : "s"): total \($0.short)" }
            ?? "z↓ re-derived from the knots on \(derived.count) pieces: it grows like \((last.rate / Rational(2)).short)·μ²"
    }

    static func text(_ p: Piece) -> String {
        let coordinates = p.coordinates.isEmpty ? "none" : p.coordinates.map { String($0 + 1) }.joined(separator: ", ")
        return "μ ∈ [\(p.from.short), \(p.to.shortOrInfinity)), rate \(p.rate.short), z↓ = \(p.valueAtFrom.short) at its start, decreasing coordinates \(coordinates)"
    }
}
