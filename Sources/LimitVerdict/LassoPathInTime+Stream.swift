import ExactArithmetic
import LassoHomotopy

/// A reached lasso segment as the verdict reads it: segment j, from μ_j = 1/(κ_j − λwd), its
/// formula x = a + b/s and the signs of x on it.
struct StreamedSegment: Sendable {
    let index: Int
    let start: Rational
    let formula: IntegerAffine
    let signs: [Int]
    /// The knot where it starts, as `compare`'s table shows it.
    let knot: KnotRow

    /// About the bits it holds (the formula's numerators and denominators, and the knot's x).
    var bits: Int {
        [formula.constant, formula.inverse].reduce(knot.x.bits) { $0 + $1.numerators.bits + $1.denominator.bitWidth }
    }
}

extension LassoPathInTime {
    /// The reached segments built one knot at a time as the knots come, in order from the first
    /// (`compare --json`, while the path is still running), with z↓ swept and monotonicity
    /// tested so far; nothing is kept of a segment once it is handed over.
    struct StreamedSegments: Sendable {
        let weightDecay: Rational
        private(set) var downward: DownwardVariation.Builder
        /// The first break of monotonicity (`firstMonotonicityBreak`), once met.
        private(set) var monotonicityBreak: MonotonicityBreak?
        /// How many segments were built.
        private(set) var count = 0
        /// The last knot added while segments are still reached: κ, x, the formula of the segment
        /// below it when the path handed it over, and x over one denominator (formed only to
        /// interpolate a segment without one).
        private var last: (kappa: Rational, x: [Rational], below: SegmentNumerators?, vector: IntegerVector?)?
        private var ended = false

        /// `horizon`: the verdict's, where z↓ stops.
        init(weightDecay: Rational, horizon: Rational?) {
            self.weightDecay = weightDecay
            downward = DownwardVariation.Builder(horizon: horizon)
        }

        /// z↓'s pieces that are final so far, dropped here (`DownwardVariation.Builder.takeFinal`).
        mutating func takeFinalDownward() -> ArraySlice<DownwardVariationPiece> { downward.takeFinal() }

        /// z↓'s remaining pieces, once the last knot is added.
        mutating func finishDownward() -> DownwardVariation { downward.finish() }

        /// The next knot; the segment that ends there, if it is reached (segment j is reached
        /// when κ_j > λwd). `below`: the formula of the segment below the knot
        /// (`Segment.numerators`), if the path has it.
        mutating func add(kappa: Rational, x: [Rational], below: SegmentNumerators? = nil) -> StreamedSegment? {
            guard !ended else { return nil }
            var v: IntegerVector?
            var segment: StreamedSegment?
            if let last {
                let f: IntegerAffine
                if let given = last.below {
                    f = LassoPathInTime.segmentFormula(given, weightDecay: weightDecay)
                } else {
                    v = IntegerVector(x)
                    f = LassoPathInTime.segmentFormula(last.vector ?? IntegerVector(last.x), v!, last.kappa - weightDecay, kappa - weightDecay)
                }
                let from = (last.kappa - weightDecay).reciprocal, to = kappa > weightDecay ? (kappa - weightDecay).reciprocal : nil
                let falling = decreases(f, start: last.x, from: from, to: to)
                downward.add(start: from, falling)
                if monotonicityBreak == nil {
                    monotonicityBreak = MonotonicityBreak(segment: count, kappa: (last.kappa, kappa), mu: (from, to), f, start: last.x, falling)
                }
                segment = StreamedSegment(index: count, start: from, formula: f, signs: segmentSigns(last.x, x),
                                          knot: KnotRow(s: from, kappa: last.kappa, x: last.x, slope: f.constant))
                count += 1
            }
            if kappa > weightDecay { last = (kappa, x, below, v) } else { (last, ended) = (nil, true) }
            return segment
        }

        /// The last knot added if its time is reached but no segment below it is (the path
        /// stopped above λwd), as `compare`'s table shows it.
        var lastKnotWithoutSegment: KnotRow? {
            last.map { KnotRow(s: ($0.kappa - weightDecay).reciprocal, kappa: $0.kappa, x: $0.x, slope: nil) }
        }
    }
}
