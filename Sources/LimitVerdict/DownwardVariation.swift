import ExactArithmetic

/// The downward variation of Berthier's Theorem 2.2/3.2 (docs/math.md §4),
/// z↓(μ) = Σ_i ∫₀^μ (1 + u)·(rate at which |z_i| decreases at u) du,
/// as an exact piecewise quadratic in μ: on each piece the total rate ρ is constant, so
/// z↓(μ) = z↓(from) + ρ·[(μ − from) + (μ² − from²)/2].
public struct DownwardVariationPiece: Equatable, Sendable {
    public let from: Rational
    /// nil: to μ = ∞.
    public let to: Rational?
    /// ρ = Σ |a_i| over the coordinates whose |z_i| decreases on the piece.
    public let rate: Rational
    public let valueAtFrom: Rational
    /// The coordinates (0-based) that decrease on the piece.
    public let coordinates: [Int]

    public func value(at mu: Rational) -> Rational {
        valueAtFrom + rate * ((mu - from) + (mu * mu - from * from) / Rational(2))
    }

    /// z↓(μ) = c₀ + c₁μ + c₂μ² on the piece.
    public var coefficients: (c0: Rational, c1: Rational, c2: Rational) {
        (valueAtFrom - rate * (from + from * from / Rational(2)), rate, rate / Rational(2))
    }
}

/// z↓ over μ ∈ [0, ∞): pieces with a constant rate, merged when the rate does not change.
public struct DownwardVariation: Equatable, Sendable {
    public let pieces: [DownwardVariationPiece]

    /// z↓ on [0, ∞), or on [0, horizon] (the last piece then ends there).
    init(_ path: LassoPathInTime, horizon: Rational? = nil) {
        // Breakpoints: segment starts and every coordinate's end of decrease, in increasing
        // order without repeats. A decrease on segment j ends in (μ_j, μ_{j+1}], so sorting each
        // segment's few cuts suffices (no global sort: Mairal–Yu p = 12 has 265,721 segments).
        var decreasing: [SegmentDecrease] = [] // by increasing start, as the segments
        var cuts: [Rational] = [.zero]
        for j in path.reachedSegments {
            let segment = decreases(onSegment: j, path)
            decreasing.append(contentsOf: segment)
            var local = [path.time(ofKnot: j)!]
            local.append(contentsOf: segment.compactMap(\.to))
            for c in local.sorted() where c != cuts[cuts.count - 1] { cuts.append(c) }
        }
        // Sweep the cuts in order, keeping the decreases in force (at most d at a time).
        let sorted = horizon.map { h in cuts.filter { $0 < h } } ?? cuts
        var pieces: [DownwardVariationPiece] = []
        var next = 0
        var inForce: [SegmentDecrease] = []
        for (n, from) in sorted.enumerated() {
            let to = n + 1 < sorted.count ? sorted[n + 1] : horizon
            while next < decreasing.count, decreasing[next].from <= from {
                inForce.append(decreasing[next])
                next += 1
            }
            inForce.removeAll { e in e.to.map { $0 <= from } ?? false }
            let rate = inForce.reduce(Rational.zero) { $0 + $1.rate }
            let coordinates = Array(Set(inForce.map(\.coordinate))).sorted()
            if let last = pieces.last, last.rate == rate, last.coordinates == coordinates {
                pieces[pieces.count - 1] = DownwardVariationPiece(
                    from: last.from, to: to, rate: rate, valueAtFrom: last.valueAtFrom, coordinates: coordinates)
            } else {
                // z↓ at `from`, the end of the piece before (evaluated only where a piece starts).
                let value = pieces.last?.value(at: from) ?? .zero
                pieces.append(DownwardVariationPiece(from: from, to: to, rate: rate, valueAtFrom: value, coordinates: coordinates))
            }
        }
        self.pieces = pieces
    }

    /// z↓(μ) for μ ≥ 0.
    public func value(at mu: Rational) -> Rational {
        let piece = pieces.last { $0.from <= mu } ?? pieces[0]
        return piece.value(at: mu)
    }

    /// The final value when z↓ stops growing (last rate 0), else nil (it grows like ρμ²/2).
    /// (A stopped z↓, whose last piece ends, has no total: see `value(at:)`.)
    public var total: Rational? { pieces.last.flatMap { $0.rate.isZero && $0.to == nil ? $0.valueAtFrom : nil } }

    /// True when z↓ ≡ 0, i.e. z is monotone (docs/math.md §4).
    public var isZero: Bool { pieces.allSatisfy(\.rate.isZero) }
}
