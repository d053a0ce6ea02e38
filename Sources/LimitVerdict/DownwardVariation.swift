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

    /// z↓ on [0, ∞), or on [0, horizon] (the last piece then ends there), swept segment by
    /// segment (`Builder`).
    init(_ path: LassoPathInTime, horizon: Rational? = nil) {
        var builder = Builder(horizon: horizon)
        builder.add(through: path)
        self = builder.finish()
    }

    init(pieces: [DownwardVariationPiece]) { self.pieces = pieces }

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
