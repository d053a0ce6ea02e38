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
    /// c₀ = z↓(from) − ρ·(from + from²/2) when formed with the piece (`compare --json` writes it:
    /// on Gaussian designs z↓'s values reach ~2,000,000 bits, and the sum is formed where the
    /// sweep forms z↓(from), beside the path, instead of while the document is written).
    let constant: Rational?

    init(from: Rational, to: Rational?, rate: Rational, valueAtFrom: Rational, coordinates: [Int]) {
        self.init(from: from, to: to, rate: rate, valueAtFrom: valueAtFrom, constant: nil, coordinates: coordinates)
    }

    /// With c₀ when known (`DownwardVariation.Builder(horizon:constants: true)` carries it from
    /// piece to piece).
    init(from: Rational, to: Rational?, rate: Rational, valueAtFrom: Rational, constant: Rational?, coordinates: [Int]) {
        self.from = from
        self.to = to
        self.rate = rate
        self.valueAtFrom = valueAtFrom
        self.coordinates = coordinates
        self.constant = constant
    }

    /// μ + μ²/2, the integral of 1 + u from 0 to μ: z↓(μ) = c₀ + ρ·(μ + μ²/2) on the piece.
    static func primitive(at mu: Rational) -> Rational { mu + mu * mu / Rational(2) }

    /// Equal pieces: the same interval, rate, value and coordinates (c₀ follows from them).
    public static func == (a: DownwardVariationPiece, b: DownwardVariationPiece) -> Bool {
        a.from == b.from && a.to == b.to && a.rate == b.rate && a.valueAtFrom == b.valueAtFrom && a.coordinates == b.coordinates
    }

    /// The same piece ending at `to` (a neighbour with the same rate and coordinates merged in).
    func extended(to end: Rational?) -> DownwardVariationPiece {
        DownwardVariationPiece(from: from, to: end, rate: rate, valueAtFrom: valueAtFrom, constant: constant, coordinates: coordinates)
    }

    /// z↓(μ) = z↓(from) + ρ·[(μ − from) + (μ² − from²)/2] (= c₀ + ρ·(μ + μ²/2)).
    public func value(at mu: Rational) -> Rational {
        if let constant { return constant + rate * Self.primitive(at: mu) }
        return valueAtFrom + rate * ((mu - from) + (mu * mu - from * from) / Rational(2))
    }

    /// z↓(μ) = c₀ + c₁μ + c₂μ² on the piece.
    public var coefficients: (c0: Rational, c1: Rational, c2: Rational) {
        (constant ?? valueAtFrom - rate * Self.primitive(at: from), rate, rate / Rational(2))
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
