import ExactArithmetic

extension DownwardVariation {
    /// z↓ built one lasso segment at a time, in order (`compare --json` builds it from the knots
    /// as the path streams; `DownwardVariation(path, horizon:)` from a whole path): the pieces
    /// are those of the sweep over every cut, in increasing order without repeats.
    ///
    /// A decrease on segment j starts at μ_j and ends in (μ_j, μ_{j+1}], so a cut before the next
    /// segment's start is final once that start is known: cuts wait until then (a decrease ending
    /// at μ_{j+1} meets segment j + 1's decreases starting there).
    struct Builder {
        let horizon: Rational?
        /// How many segments were added (the path's first ones).
        private(set) var segments = 0
        private(set) var pieces: [DownwardVariationPiece] = []
        /// Decreases that may be in force at the next cut (at most d of them after it).
        private var inForce: [SegmentDecrease] = []
        /// Cuts not yet swept, increasing; the last cut ever added, for the repeats.
        private var pending: [Rational] = [.zero]
        private var lastCut = Rational.zero
        /// The latest cut swept: its rate and coordinates, waiting for the next cut as its end.
        private var current: (from: Rational, rate: Rational, coordinates: [Int])?

        init(horizon: Rational?) { self.horizon = horizon }

        /// Segment j, starting at μ_j = `start`, with its decreases (`decreases(onSegment:)`).
        mutating func add(start: Rational, _ decreases: [SegmentDecrease]) {
            segments += 1
            sweep(before: start)
            inForce.append(contentsOf: decreases)
            var local = [start]
            local.append(contentsOf: decreases.compactMap(\.to))
            for c in local.sorted() where c != lastCut {
                pending.append(c)
                lastCut = c
            }
        }

        /// Adds the path's reached segments not added yet.
        mutating func add(through path: LassoPathInTime) {
            for j in segments..<path.reachedSegments.upperBound { add(start: path.time(ofKnot: j)!, decreases(onSegment: j, path)) }
        }

        /// z↓ on [0, ∞), or on [0, horizon] (the last piece then ends there).
        mutating func finish() -> DownwardVariation {
            sweep(before: nil)
            if let current { close(current, to: horizon) }
            current = nil
            return DownwardVariation(pieces: pieces)
        }

        /// The pieces that are final (all but the last, which the next cut may extend), handed
        /// over and dropped (`compare --json` writes z↓ while the path streams).
        mutating func takeFinal() -> ArraySlice<DownwardVariationPiece> {
            guard pieces.count > 1 else { return [] }
            let final = pieces.dropLast()
            pieces.removeFirst(final.count)
            return final
        }

        /// Sweeps the pending cuts before `end` (nil: all); cuts at or after the horizon are dropped.
        private mutating func sweep(before end: Rational?) {
            var n = 0
            while n < pending.count, end.map({ pending[n] < $0 }) ?? true {
                let from = pending[n]
                n += 1
                if let horizon, from >= horizon { continue }
                inForce.removeAll { e in e.to.map { $0 <= from } ?? false }
                let rate = inForce.reduce(Rational.zero) { $0 + $1.rate }
                let coordinates = Array(Set(inForce.map(\.coordinate))).sorted()
                if let current { close(current, to: from) }
                current = (from, rate, coordinates)
            }
            pending.removeFirst(n)
        }

        /// The piece from a swept cut to the next one, merged into the one before when the rate
        /// and the coordinates do not change.
        private mutating func close(_ cut: (from: Rational, rate: Rational, coordinates: [Int]), to: Rational?) {
            let (from, rate, coordinates) = cut
            if let last = pieces.last, last.rate == rate, last.coordinates == coordinates {
                pieces[pieces.count - 1] = DownwardVariationPiece(
                    from: last.from, to: to, rate: rate, valueAtFrom: last.valueAtFrom, coordinates: coordinates)
            } else {
                // z↓ at `from`, the end of the piece before (evaluated only where a piece starts).
                let value = pieces.last?.value(at: from) ?? .zero
                pieces.append(DownwardVariationPiece(from: from, to: to, rate: rate, valueAtFrom: value, coordinates: coordinates))
            }
        }
    }
}
