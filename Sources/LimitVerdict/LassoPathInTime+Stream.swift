import ExactArithmetic
import LassoHomotopy

extension LassoPathInTime {
    /// What the verdict reads from each reached segment alone, built one knot at a time as the
    /// knots come, in order from the first (`compare --json` builds it while the path is still
    /// running): the segment formulas and z↓ swept so far.
    /// `LassoPathInTime(kappa:x:isUnique:weightDecay:built:jobs:)` and the verdict finish them.
    struct StreamedSegments: Sendable {
        let weightDecay: Rational
        private(set) var formulas: [IntegerAffine] = []
        private(set) var downward: DownwardVariation.Builder
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

        /// The next knot: the parts of the segment that ends there, if it is reached (segment j
        /// is reached when κ_j > λwd, at time μ_j = 1/(κ_j − λwd)). `below`: the formula of the
        /// segment below the knot (`Segment.numerators`), if the path has it.
        mutating func add(kappa: Rational, x: [Rational], below: SegmentNumerators? = nil) {
            guard !ended else { return }
            var v: IntegerVector?
            if let last {
                let f: IntegerAffine
                if let given = last.below {
                    f = LassoPathInTime.segmentFormula(given, weightDecay: weightDecay)
                } else {
                    v = IntegerVector(x)
                    f = LassoPathInTime.segmentFormula(last.vector ?? IntegerVector(last.x), v!, last.kappa - weightDecay, kappa - weightDecay)
                }
                formulas.append(f)
                let from = (last.kappa - weightDecay).reciprocal, to = kappa > weightDecay ? (kappa - weightDecay).reciprocal : nil
                downward.add(start: from, decreases(f, start: last.x, from: from, to: to))
            }
            if kappa > weightDecay { last = (kappa, x, below, v) } else { (last, ended) = (nil, true) }
        }
    }
}
