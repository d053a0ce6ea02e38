import ExactArithmetic

/// The divergence intervals built piece by piece in time order (`divergences`, and
/// `VerdictStream` as the pieces are compared), with each interval's largest gap when the
/// pieces' gaps are given: what `Verdict.maximumGap(from:to:)` finds over it, piece for piece in
/// the same order, so ties resolve alike.
struct DivergenceBuilder {
    private(set) var intervals: [Divergence] = []
    /// Per interval (with gaps given), its largest gap and where (nil: approached as s → ∞).
    var maxima: [(maximum: Rational, maximiser: Rational?)?] { largest.map { g in g.maximum.map { ($0.exact, g.maximiser) } } }
    /// The same, each formed only when asked for: candidates are mostly ordered by their bounds.
    private var largest: [LargestGap] = []
    /// The gap of the piece before (the only thing the next piece reads of it).
    private var previousGap: GapPiece?
    /// Whether the last piece's sides differ at its end (`PieceComparison.apartAtEnd`).
    private var lastApartAtEnd = false

    /// The next piece, its comparison and (for the maxima) its gap.
    mutating func add(_ piece: CommonPiece, _ d: PieceComparison, gap: GapPiece? = nil) {
        defer { (previousGap, lastApartAtEnd) = (gap, d.apartAtEnd) }
        guard !d.equal else { return }
        // At most one root inside a piece: the sides meet there, ending one interval, and part again.
        let parts: [(from: Rational, to: Rational?)] = d.root.map { [(piece.from, $0), ($0, piece.to)] } ?? [(piece.from, piece.to)]
        for (n, part) in parts.enumerated() {
            // Glued to the interval before through a shared piece start where the sides differ
            // (both are continuous in s); a shared end inside a piece is a root: no glueing there.
            if n == 0, let last = intervals.last, let end = last.to, end == piece.from, d.apartAtStart {
                intervals[intervals.count - 1] = Divergence(from: last.from, to: part.to, coordinates: last.coordinates)
            } else {
                // A piece apart at its start is glued above unless the sides meet inside it, so every
                // interval that starts a divergence has its coordinates (`PieceComparison`).
                precondition(!d.coordinates.isEmpty, "a divergence without its coordinates")
                intervals.append(Divergence(from: part.from, to: part.to, coordinates: d.coordinates))
                // Every interval's maximum is reported: the one before is formed now, so that no
                // part it comes from is held to the end.
                if let m = largest.last?.maximum { _ = m.exact }
                largest.append(LargestGap())
                // maximumGap meets the piece ending where the interval starts first, at that point.
                if part.from == piece.from, let before = previousGap, before.to == part.from {
                    consider(GapPiece.maximum(before.parts, from: part.from, to: part.from, start: nil).best)
                }
            }
            guard let gap else { continue }
            // The whole piece inside: its own maximum; else clipped to the part (as maximumGap does).
            let whole = part.from == piece.from && part.to == piece.to
            consider(whole ? (gap.maximumValue, gap.maximiser) : GapPiece.maximum(gap.parts, from: part.from, to: part.to, start: nil).best)
        }
    }

    /// Stopped at S = `horizon`, after the last piece: whether the sides still differ at S (the
    /// last interval reaches it and the last piece, which ends there, is apart at its end).
    func apartAt(horizon: Rational?) -> Bool {
        guard let horizon, let last = intervals.last else { return false }
        return last.to == horizon && lastApartAtEnd
    }

    /// A candidate for the last interval's maximum.
    private mutating func consider(_ m: (value: GapValue, at: Rational?)?) {
        if let m { largest[largest.count - 1].consider(m.value, at: m.at) }
    }
}
