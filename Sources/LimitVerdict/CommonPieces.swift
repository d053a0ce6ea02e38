import ExactArithmetic
import SaddleToSaddle

/// One interval of time on which both the averaged DLN limit and the lasso solution have a single
/// formula `constant + inverse/s` (docs/math.md §4): the breakpoints are the DLN saddle times and the
/// knot times s = 1/(κ_j − λwd).
public struct CommonPiece: Equatable, Sendable {
    public let from: Rational
    /// nil: the piece runs to s = ∞.
    public let to: Rational?
    /// The DLN saddle in force (index into `DLNLimit.saddles`).
    public let saddle: Int
    /// The lasso segment in force (index j: between κ_j and κ_{j+1}); nil before κ₀, where x = 0.
    public let segment: Int?
    /// Both formulas over common denominators (the verdict works on these).
    let averagedFormula: IntegerAffine
    let lassoFormula: IntegerAffine

    public var averaged: InverseAffine { averagedFormula.rational }
    public var lasso: InverseAffine { lassoFormula.rational }
}

/// Splits (0, ∞) at every saddle time and knot time, with both formulas on each piece; a limit
/// stopped at S (`DLNLimit.horizon`) gives the pieces of (0, S], the last one ending at S.
/// `averaged`: `averagedFormulas(limit)` when already computed.
func commonPieces(_ limit: DLNLimit, _ path: LassoPathInTime, averaged: [IntegerAffine]? = nil) -> [CommonPiece] {
    let d = limit.problem.dimension
    // The lasso side as (start time, segment, formula); the first one is x = 0 from s = 0.
    var lassoStarts: [(s: Rational, segment: Int?, f: IntegerAffine)] = [(.zero, nil, .zero(d))]
    for j in path.reachedSegments { lassoStarts.append((path.time(ofKnot: j)!, j, path.integerFormula(j))) }
    let dlnStarts = zip(limit.saddles.indices, averaged ?? averagedFormulas(limit)).map { k, f in (s: limit.saddles[k].s, saddle: k, f: f) }
    // Ordered through `compareRationals`: the times are tens of thousands of bits.
    var cuts = Set(lassoStarts.map(\.s)).union(dlnStarts.map(\.s)).sorted(by: Rational.filteredLess)
    if let horizon = limit.horizon { cuts.removeAll { compareRationals($0, horizon) >= 0 } }
    if cuts.isEmpty { cuts = [.zero] }
    var pieces: [CommonPiece] = []
    var a = 0, b = 0
    for (n, from) in cuts.enumerated() {
        while a + 1 < dlnStarts.count, compareRationals(dlnStarts[a + 1].s, from) <= 0 { a += 1 }
        while b + 1 < lassoStarts.count, compareRationals(lassoStarts[b + 1].s, from) <= 0 { b += 1 }
        pieces.append(CommonPiece(
            from: from, to: n + 1 < cuts.count ? cuts[n + 1] : limit.horizon, saddle: dlnStarts[a].saddle,
            segment: lassoStarts[b].segment, averagedFormula: dlnStarts[a].f, lassoFormula: lassoStarts[b].f))
    }
    return pieces
}
