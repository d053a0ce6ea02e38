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
    public let averaged: InverseAffine
    public let lasso: InverseAffine
}

/// Splits (0, ∞) at every saddle time and knot time, with both formulas on each piece; a limit
/// stopped at S (`DLNLimit.horizon`) gives the pieces of (0, S], the last one ending at S.
func commonPieces(_ limit: DLNLimit, _ path: LassoPathInTime) -> [CommonPiece] {
    let d = limit.problem.dimension
    // The lasso side as (start time, segment, formula); the first one is x = 0 from s = 0.
    var lassoStarts: [(s: Rational, segment: Int?, f: InverseAffine)] = [(.zero, nil, .zero(d))]
    for j in path.reachedSegments { lassoStarts.append((path.time(ofKnot: j)!, j, path.inverseAffine(j))) }
    let dlnStarts = limit.saddles.indices.map { k in
        let c = limit.averagedCoefficients(piece: k)
        return (s: limit.saddles[k].s, saddle: k, f: InverseAffine(constant: c.constant, inverse: c.inverse))
    }
    var cuts = Set(lassoStarts.map(\.s)).union(dlnStarts.map(\.s)).sorted()
    if let horizon = limit.horizon { cuts.removeAll { $0 >= horizon } }
    if cuts.isEmpty { cuts = [.zero] }
    var pieces: [CommonPiece] = []
    var a = 0, b = 0
    for (n, from) in cuts.enumerated() {
        while a + 1 < dlnStarts.count, dlnStarts[a + 1].s <= from { a += 1 }
        while b + 1 < lassoStarts.count, lassoStarts[b + 1].s <= from { b += 1 }
        pieces.append(CommonPiece(
            from: from, to: n + 1 < cuts.count ? cuts[n + 1] : limit.horizon, saddle: dlnStarts[a].saddle,
            segment: lassoStarts[b].segment, averaged: dlnStarts[a].f, lasso: lassoStarts[b].f))
    }
    return pieces
}
