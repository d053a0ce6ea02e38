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
    var cutter = PieceCutter(dimension: limit.problem.dimension, horizon: limit.horizon)
    for j in path.reachedSegments { cutter.addSegment(j, at: path.time(ofKnot: j)!, path.integerFormula(j)) }
    for (k, f) in zip(limit.saddles.indices, averaged ?? averagedFormulas(limit)) { cutter.addSaddle(k, at: limit.saddles[k].s, f) }
    cutter.endSaddles()
    cutter.endSegments()
    var pieces: [CommonPiece] = []
    while let p = cutter.next() { pieces.append(p) }
    return pieces
}

/// The common pieces cut in time order from the two sides' starts as they come: saddle k's
/// x̄ formula from s_k, lasso segment j's formula from μ_j (x = 0 from s = 0 before the first).
/// A piece is cut once the next start of both sides is known (or a side has ended), so
/// `VerdictStream` compares pieces while the saddles and knots still stream.
struct PieceCutter {
    typealias Start = (s: Rational, index: Int?, formula: IntegerAffine)
    let horizon: Rational?
    /// Each side's starts from the one in force on, increasing.
    private var saddles = FIFO<Start>(), segments = FIFO<Start>()
    private var saddlesEnded = false, segmentsEnded = false
    /// Where the next piece starts; nil once the last piece is cut.
    private var from: Rational? = .zero

    init(dimension: Int, horizon: Rational?) {
        self.horizon = horizon
        segments.append((.zero, nil, .zero(dimension)))
    }

    mutating func addSaddle(_ k: Int, at s: Rational, _ formula: IntegerAffine) { saddles.append((s, k, formula)) }
    mutating func addSegment(_ j: Int, at s: Rational, _ formula: IntegerAffine) { segments.append((s, j, formula)) }
    mutating func endSaddles() { saddlesEnded = true }
    mutating func endSegments() { segmentsEnded = true }

    /// Whether the next piece waits for a saddle or a segment to come (the side in force has no start after it).
    var waitsForSaddle: Bool { !saddlesEnded && saddles.second == nil }
    var waitsForSegment: Bool { !segmentsEnded && segments.second == nil }

    /// The next piece, or nil when a side's next start is still to come (or every piece is cut).
    mutating func next() -> CommonPiece? {
        guard let from, saddles.first != nil else { return nil }
        // The starts at or before `from` come into force (those before are dropped); the next one
        // on each side ends the piece.
        func advance(_ starts: inout FIFO<Start>, ended: Bool) -> (known: Bool, next: Rational?) {
            while let next = starts.second, compareRationals(next.s, from) <= 0 { starts.removeFirst() }
            return starts.second.map { (true, $0.s) } ?? (ended, nil)
        }
        let a = advance(&saddles, ended: saddlesEnded), b = advance(&segments, ended: segmentsEnded)
        guard a.known && b.known else { return nil }
        var to: Rational? = switch (a.next, b.next) {
        case let (x?, y?): compareRationals(x, y) <= 0 ? x : y
        case let (x, y): x ?? y
        }
        if let horizon, to.map({ compareRationals($0, horizon) >= 0 }) ?? true { to = horizon }
        let saddle = saddles.first!, segment = segments.first!
        self.from = to == horizon ? nil : to
        return CommonPiece(from: from, to: to, saddle: saddle.index!, segment: segment.index,
                           averagedFormula: saddle.formula, lassoFormula: segment.formula)
    }
}
