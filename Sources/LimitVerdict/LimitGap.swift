import ExactArithmetic
import ExactLinearAlgebra

/// The limit gap Lasso(x̄(s), κ(s)) − Lasso*(κ(s)) with κ = λwd + 1/s (docs/math.md §4) on part of a
/// common piece where no coordinate of x̄ or of the lasso solution changes sign: there both are
/// affine in u = 1/s and both ‖·‖₁ are linear, so the gap is exactly g₀ + g₁u + g₂u².
public struct GapPolynomial: Equatable, Sendable {
    public let from: Rational
    /// nil: to s = ∞.
    public let to: Rational?
    public let g0: Rational
    public let g1: Rational
    public let g2: Rational

    public func value(atInverse u: Rational) -> Rational { g0 + u * (g1 + u * g2) }
    public func value(at s: Rational) -> Rational { value(atInverse: s.reciprocal) }
}

/// The gap on one common piece and its exact maximum: the maximiser is an end or the vertex
/// u* = −g₁/(2g₂) of a concave part, so it is always rational.
public struct GapPiece: Equatable, Sendable {
    public let from: Rational
    public let to: Rational?
    public let parts: [GapPolynomial]
    /// The maximum, formed when first asked for.
    let maximumValue: GapValue
    /// Where the maximum is attained; nil when it is only approached as s → ∞.
    public let maximiser: Rational?

    /// The gap at `to` (nil when unbounded), for the next piece's start.
    let valueAtEnd: GapValue?

    init(from: Rational, to: Rational?, parts: [GapPolynomial], maximum: GapValue, maximiser: Rational?, valueAtEnd: GapValue?) {
        self.from = from
        self.to = to
        self.parts = parts
        self.maximumValue = maximum
        self.maximiser = maximiser
        self.valueAtEnd = valueAtEnd
    }

    /// The largest gap on the piece.
    public var maximum: Rational { maximumValue.exact }

    /// Equal pieces: the same interval, polynomials and maximum (`valueAtEnd` is a by-product).
    public static func == (a: GapPiece, b: GapPiece) -> Bool {
        a.from == b.from && a.to == b.to && a.parts == b.parts && a.maximum == b.maximum && a.maximiser == b.maximiser
    }

    /// A piece where the two sides coincide.
    static func zero(from: Rational, to: Rational?) -> GapPiece {
        GapPiece(from: from, to: to, parts: [GapPolynomial(from: from, to: to, g0: .zero, g1: .zero, g2: .zero)],
                 maximum: GapValue(.zero), maximiser: to, valueAtEnd: to == nil ? nil : GapValue(.zero))
    }
}

/// The first largest of gap values considered in time order (ties: the first): of the gap
/// pieces' nonzero maxima (`compare --json --summary`, what a reader of the whole document's
/// "gap" finds), or of a divergence interval's candidates (`DivergenceBuilder`). Values are
/// ordered by their bounds where these decide, so few are formed.
struct LargestGap: Sendable {
    private(set) var maximum: GapValue?
    /// Where the largest is attained; nil when it is only approached as s → ∞.
    private(set) var maximiser: Rational?

    /// A candidate, kept only if strictly larger than the largest so far.
    mutating func consider(_ value: GapValue, at s: Rational?) {
        guard maximum.map({ $0 < value }) ?? true else { return }
        (maximum, maximiser) = (value, s)
    }

    /// A gap piece's maximum, unless it is 0.
    mutating func pass(_ piece: GapPiece) {
        if !piece.maximumValue.isZero { consider(piece.maximumValue, at: piece.maximiser) }
    }
}

/// Computes the gap polynomials on a piece from the per-saddle loss and per-segment objective
/// coefficients; only the DLN side's ℓ1 term depends on signs, which are constant between the cuts.
struct GapCalculator {
    let weightDecay: Rational
    /// Whether M is singular (the gap is then computed even where the formulas agree).
    let images: Bool

    /// Each piece's comparison (`comparePiece`) and gap on pieces[range], in order, in one pass
    /// (a saddle's c and q are brought to common denominators once for both); `horizon` is
    /// compared on the last piece of all.
    func compareAndGap(_ pieces: [CommonPiece], in range: Range<Int>, horizon: Rational?,
                       _ products: inout VerdictProducts) -> (compared: [PieceComparison], gap: [GapPiece]) {
        var compared: [PieceComparison] = [], gap: [GapPiece] = []
        var objectives = ObjectiveCache()
        for n in range {
            let (comparison, g) = compareAndGap(pieces[n], end: n == pieces.count - 1 ? horizon : nil, after: gap.last, &products, &objectives)
            compared.append(comparison)
            gap.append(g)
        }
        return (compared, gap)
    }

    /// One piece's comparison and gap; `end`: the horizon, on the last piece; `previous`: the gap
    /// piece before it, if known (the gap is continuous, so its value at its end is p's at its start).
    func compareAndGap(_ p: CommonPiece, end: Rational?, after previous: GapPiece?, _ products: inout VerdictProducts,
                       _ objectives: inout ObjectiveCache) -> (PieceComparison, GapPiece) {
        let comparison = comparePiece(p, images: images, end: end, &products)
        // With M positive definite, equal formulas mean a zero gap: nothing to compute.
        if !images, comparison.equal { return (comparison, GapPiece.zero(from: p.from, to: p.to)) }
        let start = previous.flatMap { $0.to == p.from ? $0.valueAtEnd : nil }
        return (comparison, piece(p, averaged: products.averagedSide(p.saddle, formula: p.averagedFormula),
                                  lasso: products.lassoObjective(p.segment), start: start, &objectives))
    }

    /// ℓ(A + uB) + (λwd + u)·σᵀ(A + uB) as (c₀, c₁, c₂) in u. c₂ = ℓ₂ + σᵀB is summed over ℓ₂'s
    /// denominator (a multiple of den(B)) and reduced once: one gcd where reducing ℓ₂ and σᵀB
    /// and adding them took four of that size.
    func objective(_ side: VerdictProducts.AveragedSide, signs: [Int]) -> (Rational, Rational, Rational) {
        let sa = side.constant.signedSum(signs), b = side.inverse
        let (l0, l1) = side.loss, (n2, d2) = side.quadratic
        var t = n2, sum = b.signedNumeratorSum(signs)
        if !sum.isZero { t.addProduct(sum, d2.dividedExactly(by: b.denominator)) }
        let c2 = t.isZero ? Rational.zero : Rational(t, d2)
        let c1 = weightDecay.isZero ? l1 + sa : l1 + sa + weightDecay * b.signedSum(signs)
        return (weightDecay.isZero ? l0 : l0 + weightDecay * sa, c1, c2)
    }

    /// The DLN objective of the latest saddle and signs: a saddle's pieces (one per segment
    /// within its interval) nearly always share its signs.
    struct ObjectiveCache {
        var last: (saddle: Int, signs: [Int], objective: (Rational, Rational, Rational))?

        mutating func objective(_ calculator: GapCalculator, _ saddle: Int, _ side: VerdictProducts.AveragedSide, signs: [Int]) -> (Rational, Rational, Rational) {
            if let last, last.saddle == saddle, last.signs == signs { return last.objective }
            let x = calculator.objective(side, signs: signs)
            last = (saddle, signs, x)
            return x
        }
    }

    /// `start`: the gap at p.from when known (the previous piece's value at its end: the gap is
    /// continuous in s, since x̄ and x(κ(s)) are).
    func piece(_ p: CommonPiece, averaged: VerdictProducts.AveragedSide, lasso y: (Rational, Rational, Rational), start: GapValue?,
               _ objectives: inout ObjectiveCache) -> GapPiece {
        // Where a coordinate of x̄ changes sign inside the piece (the lasso's keep their sign on a segment).
        var cuts: Set<Rational> = []
        for case let .crossing(s) in averaged.signs where s > p.from && (p.to.map { s < $0 } ?? true) { cuts.insert(s) }
        var ends = [p.from]
        ends.append(contentsOf: cuts.sorted()) // (`+` on [Rational] is vector addition)
        var parts: [GapPolynomial] = []
        for (n, from) in ends.enumerated() {
            let to = n + 1 < ends.count ? ends[n + 1] : p.to
            // sign(A_i + B_i/s) on this part: A_i's sign after the crossing time, B_i's before it.
            let signs = averaged.signs.enumerated().map { i, sign in
                switch sign {
                case let .fixed(sigma): return sigma
                case let .crossing(t): return t <= from ? averaged.constant.signum(i) : averaged.inverse.signum(i)
                }
            }
            let x = objectives.objective(self, p.saddle, averaged, signs: signs)
            parts.append(GapPolynomial(from: from, to: to, g0: x.0 - y.0, g1: x.1 - y.1, g2: x.2 - y.2))
        }
        let (best, end) = GapPiece.maximum(parts, from: p.from, to: p.to, start: start)
        return GapPiece(from: p.from, to: p.to, parts: parts, maximum: best!.value, maximiser: best!.at, valueAtEnd: end)
    }
}
