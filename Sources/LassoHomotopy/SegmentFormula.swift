import ExactArithmetic

/// The affine formulas of the path on one segment (docs/math.md §1): `x(κ)` and `c(κ) = r − M x(κ)`,
/// with the queries the homotopy needs. Two representations: `RationalSegment` and the
/// fraction-free `IntegerSegment`.
protocol SegmentFormula {
    /// The coordinates that are nonzero on the open segment, increasing, and their signs.
    var support: [Int] { get }
    var signs: [Int] { get }
    /// v = dx/d(−κ), the direction followed.
    var direction: [Rational] { get }

    /// Where the segment ends below κ: the largest κ' in [0, κ) where a support coordinate
    /// reaches 0 or an outside one reaches |c_j| = κ' (positive lasso: c_j = κ'); 0 if none.
    func nextEvent(below kappa: Rational) -> SegmentEnd
    func solution(at kappa: Rational) -> [Rational]
    /// x at the segment's end, `solution(at: end.kappa)`.
    func solution(atEnd end: SegmentEnd) -> [Rational]
    func correlation(at kappa: Rational) -> [Rational]
    /// s_j where c_j(κ) = s_j·κ (positive lasso: only s_j = 1), else 0; for κ > 0.
    func equicorrelationSigns(at kappa: Rational) -> [Int]
    /// The sign of v_j.
    func directionSign(_ j: Int) -> Int
    /// The sign of s·c1_i − 1: the directional problem's condition `s_i(Mv)_i ≥ 1` at a
    /// coordinate that stays at zero (c1 = Mv).
    func correlationSlopeExcess(_ i: Int, sign s: Int) -> Int
}

extension SegmentFormula {
    func solution(atEnd end: SegmentEnd) -> [Rational] { solution(at: end.kappa) }
}

/// The end of a segment and what happens there, found exactly while locating it.
struct SegmentEnd {
    let kappa: Rational
    /// The scaled crossing κ̃ = Lκ as the unreduced fraction the event gave (integer segments).
    var crossing: (numerator: BigInteger, denominator: BigInteger)? = nil
    /// Support coordinates that reach 0 at `kappa`.
    let drops: [Int]
    /// The equicorrelation signs at `kappa` (meaningful for κ' > 0): the support's signs, the
    /// coordinates that reach ±κ' there, and those that stay at ±κ along the whole segment.
    let equicorrelationSigns: [Int]

    /// Collects the candidates while scanning: keeps the largest crossing below κ and its ties.
    struct Scan {
        let kappa: Rational
        var best = Rational.zero
        var drops: [Int] = []
        var joins: [(Int, Int)] = []
        var signs: [Int]

        init(kappa: Rational, dimension: Int, support: [Int], signs supportSigns: [Int]) {
            self.kappa = kappa
            signs = Array(repeating: 0, count: dimension)
            for (i, s) in zip(support, supportSigns) { signs[i] = s }
        }

        /// Returns whether `crossing` is a candidate at least as large as the best so far.
        private mutating func admit(_ crossing: Rational) -> Bool {
            guard crossing.signum > 0, crossing < kappa, crossing >= best else { return false }
            if crossing > best { best = crossing; drops = []; joins = [] }
            return true
        }

        mutating func drop(_ i: Int, at crossing: Rational) { if admit(crossing) { drops.append(i) } }
        mutating func join(_ j: Int, sign: Int, at crossing: Rational) { if admit(crossing) { joins.append((j, sign)) } }
        /// j stays at c_j = sign·κ along the segment (outside the support, zero direction).
        mutating func rest(_ j: Int, sign: Int) { signs[j] = sign }

        func end() -> SegmentEnd {
            var signs = signs
            for (j, s) in joins { signs[j] = s }
            return SegmentEnd(kappa: best, drops: drops, equicorrelationSigns: signs)
        }
    }
}

/// `SegmentFormula` with plain `Rational` vectors: `x(κ) = a − κ·w`, `c(κ) = c0 + κ·c1`.
struct RationalSegment: SegmentFormula {
    let support: [Int]
    let signs: [Int]
    let a: [Rational]
    let w: [Rational]
    let c0: [Rational]
    let c1: [Rational]
    let positive: Bool

    var direction: [Rational] { w }

    func nextEvent(below kappa: Rational) -> SegmentEnd {
        var scan = SegmentEnd.Scan(kappa: kappa, dimension: a.count, support: support, signs: signs)
        var inSupport = [Bool](repeating: false, count: a.count)
        for i in support {
            inSupport[i] = true
            if !w[i].isZero { scan.drop(i, at: a[i] / w[i]) }      // x_i = a_i − κ'w_i = 0
        }
        for j in a.indices where !inSupport[j] {
            // σ(c0_j + κ'c1_j) = κ'  ⇔  κ'(1 − σc1_j) = σc0_j, for σ = 1 and (signed) σ = −1.
            let up = Rational.one - c1[j]
            if !up.isZero { scan.join(j, sign: 1, at: c0[j] / up) } else if c0[j].isZero { scan.rest(j, sign: 1) }
            if positive { continue }
            let down = Rational.one + c1[j]
            if !down.isZero { scan.join(j, sign: -1, at: -c0[j] / down) } else if c0[j].isZero { scan.rest(j, sign: -1) }
        }
        return scan.end()
    }

    func solution(at kappa: Rational) -> [Rational] {
        a.indices.map { w[$0].isZero ? a[$0] : a[$0] - kappa * w[$0] }
    }

    func correlation(at kappa: Rational) -> [Rational] { zip(c0, c1).map { $0 + kappa * $1 } }

    func equicorrelationSigns(at kappa: Rational) -> [Int] {
        correlation(at: kappa).map { c in
            if c == kappa { return 1 }
            if !positive && c == -kappa { return -1 }
            return 0
        }
    }

    func directionSign(_ j: Int) -> Int { w[j].signum }

    func correlationSlopeExcess(_ i: Int, sign s: Int) -> Int { (Rational(s) * c1[i] - .one).signum }
}
