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
    /// A candidate is the fraction ±num/den; a floating-point filter on log₂ of the magnitudes
    /// (`Rational.log2MagnitudeOfQuotient`) decides every comparison whose sides differ by more
    /// than their error bounds, so the exact quotient is formed, and compared exactly, only for
    /// near-ties with κ or the best so far and for each new best.
    struct Scan {
        let kappa: Rational
        private let logKappa: (value: Double, error: Double)
        private var best: (value: Rational, log: Double, error: Double)?
        var drops: [Int] = []
        var joins: [(Int, Int)] = []
        var signs: [Int]

        init(kappa: Rational, dimension: Int, support: [Int], signs supportSigns: [Int]) {
            self.kappa = kappa
            logKappa = kappa.log2MagnitudeWithError
            signs = Array(filled: 0, count: dimension)
            for (i, s) in zip(support, supportSigns) { signs[i] = s }
        }

        /// Whether the crossing (negated ? −num : num)/den (den ≠ 0) lies in (0, κ) and is at least
        /// the best so far (a larger one replaces the best and its ties).
        private mutating func admit(_ num: Rational, _ den: Rational, negated: Bool) -> Bool {
            guard num.signum * den.signum * (negated ? -1 : 1) > 0 else { return false }
            let (l, error) = Rational.log2MagnitudeOfQuotient(num, den)
            var exact: Rational?
            func crossing() -> Rational {
                if let exact { return exact }
                let q = (negated ? -num : num) / den
                exact = q
                return q
            }
            if l > logKappa.value + error + logKappa.error { return false }
            if l >= logKappa.value - error - logKappa.error, !(crossing() < kappa) { return false }
            if let best {
                if l < best.log - error - best.error { return false }
                if l <= best.log + error + best.error {
                    let q = crossing()
                    if q < best.value { return false }
                    if q == best.value { return true }
                }
            }
            best = (crossing(), l, error)
            drops = []
            joins = []
            return true
        }

        /// Support coordinate i reaches 0 at κ' = num/den.
        mutating func drop(_ i: Int, _ num: Rational, over den: Rational) { if admit(num, den, negated: false) { drops.append(i) } }
        /// Outside coordinate j reaches c_j = sign·κ' at κ' = sign·num/den.
        mutating func join(_ j: Int, sign: Int, _ num: Rational, over den: Rational) {
            if admit(num, den, negated: sign < 0) { joins.append((j, sign)) }
        }
        /// j stays at c_j = sign·κ along the segment (outside the support, zero direction).
        mutating func rest(_ j: Int, sign: Int) { signs[j] = sign }

        func end() -> SegmentEnd {
            var signs = signs
            for (j, s) in joins { signs[j] = s }
            return SegmentEnd(kappa: best?.value ?? .zero, drops: drops, equicorrelationSigns: signs)
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
        var inSupport = [Bool](filled: false, count: a.count)
        for i in support {
            inSupport[i] = true
            if !w[i].isZero { scan.drop(i, a[i], over: w[i]) }     // x_i = a_i − κ'w_i = 0
        }
        for j in a.indices where !inSupport[j] {
            // σ(c0_j + κ'c1_j) = κ'  ⇔  κ'(1 − σc1_j) = σc0_j, for σ = 1 and (signed) σ = −1.
            let up = Rational.one - c1[j]
            if !up.isZero { scan.join(j, sign: 1, c0[j], over: up) } else if c0[j].isZero { scan.rest(j, sign: 1) }
            if positive { continue }
            let down = Rational.one + c1[j]
            if !down.isZero { scan.join(j, sign: -1, c0[j], over: down) } else if c0[j].isZero { scan.rest(j, sign: -1) }
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
