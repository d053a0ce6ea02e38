import ExactArithmetic
import ProblemDefinition

/// Where μ ↦ z(μ) = μ·x(λwd + 1/μ) first fails to be monotone (docs/math.md §4): on lasso segment
/// `segment`, coordinate `coordinate` has slope a_i whose sign is opposite to x_i's there, so |z_i|
/// decreases on the μ-interval [`decreasingFrom`, `decreasingTo`] (`nil`: up to μ = ∞).
public struct MonotonicityBreak: Equatable, Sendable {
    public let segment: Int
    /// 0-based.
    public let coordinate: Int
    /// The segment's penalties κ_j > κ_{j+1} and its μ-interval [1/(κ_j − λwd), 1/(κ_{j+1} − λwd)].
    public let kappaFrom: Rational
    public let kappaTo: Rational
    public let muFrom: Rational
    public let muTo: Rational?
    /// a_i, and x_i at the segment's start κ_j (its sign is the sign of z_i there).
    public let slope: Rational
    public let valueAtStart: Rational
    public let decreasingFrom: Rational
    public let decreasingTo: Rational?
}

/// Per coordinate, where |z_i| decreases on segment j: z_i(μ) = a_i μ + b₁ᵢ is affine, so |z_i|
/// decreases exactly from the segment's start μ_j while z_i(μ) a_i < 0, i.e. up to the zero
/// crossing μ₀ = −b₁ᵢ/a_i or the segment's end, whichever is first. In the positive case z ≥ 0,
/// so this is exactly where z_i decreases.
struct SegmentDecrease {
    let coordinate: Int
    let rate: Rational // |a_i| > 0
    let from: Rational
    let to: Rational? // nil: μ = ∞
}

func decreases(onSegment j: Int, _ path: LassoPathInTime) -> [SegmentDecrease] {
    guard let muFrom = path.time(ofKnot: j) else { return [] }
    return decreases(path.integerFormula(j), start: path.x[j], from: muFrom, to: path.time(ofKnot: j + 1))
}

/// The same on a segment given by its formula, x at its start and its μ-interval.
func decreases(_ f: IntegerAffine, start x: [Rational], from muFrom: Rational, to muTo: Rational?) -> [SegmentDecrease] {
    var out: [SegmentDecrease] = []
    for i in x.indices {
        let start = x[i] // z_i(μ_j) = μ_j x_i(κ_j): same sign
        guard f.constant.signum(i) * start.signum < 0 else { continue }
        let a = f.constant.rational(i)
        // The crossing μ₀ = n/d is compared with the end unreduced: z_i keeps its sign on the
        // segment (x_i does), so μ₀ is at or past a finite end, and its reduction (a gcd at
        // full size) would be dropped.
        let n = -f.inverse.numerators[i] * f.constant.denominator, d = f.constant.numerators[i] * f.inverse.denominator
        let end = muTo.flatMap { isBelow(n, d, $0) ? nil : $0 } ?? Rational(n, d)
        out.append(SegmentDecrease(coordinate: i, rate: a.magnitude, from: muFrom, to: end))
    }
    return out
}

/// n/d < q (d ≠ 0), by cross-multiplication: no gcd.
private func isBelow(_ n: BigInteger, _ d: BigInteger, _ q: Rational) -> Bool {
    let left = n * q.denominator, right = q.numerator * d
    return d.signum > 0 ? left < right : right < left
}

extension LassoPathInTime {
    /// Whether z(μ) = μ·x(λwd + 1/μ) is coordinatewise monotone for every μ > 0 (docs/math.md §4),
    /// from the path alone. Monotone ⇒ the averaged DLN limit is the lasso path (any PSD M); for
    /// positive definite M, non-monotone ⇒ it is not. Same test as `Verdict.monotone`.
    public var isMonotone: Bool { firstMonotonicityBreak(self) == nil }
}

/// The first break of monotonicity in μ order (segments by decreasing κ, then coordinates), or
/// nil when z is coordinatewise monotone for every μ > 0.
func firstMonotonicityBreak(_ path: LassoPathInTime) -> MonotonicityBreak? {
    for j in path.reachedSegments {
        if let b = MonotonicityBreak(segment: j, kappa: (path.kappa[j], path.kappa[j + 1]), mu: (path.time(ofKnot: j)!, path.time(ofKnot: j + 1)),
                                     path.integerFormula(j), start: path.x[j], decreases(onSegment: j, path)) { return b }
    }
    return nil
}

extension MonotonicityBreak {
    /// The first coordinate of reached segment j (from κ_j down to κ_{j+1}, μ from μ_j to
    /// μ_{j+1}, formula f, x = `start` at κ_j) where |z_i| decreases, given the segment's
    /// decreases (`decreases`, which z↓ reads too), or nil.
    init?(segment j: Int, kappa: (from: Rational, to: Rational), mu: (from: Rational, to: Rational?), _ f: IntegerAffine,
          start x: [Rational], _ decreases: [SegmentDecrease]) {
        guard let first = decreases.first else { return nil }
        self.init(segment: j, coordinate: first.coordinate, kappaFrom: kappa.from, kappaTo: kappa.to, muFrom: mu.from, muTo: mu.to,
                  slope: f.constant.rational(first.coordinate), valueAtStart: x[first.coordinate],
                  decreasingFrom: first.from, decreasingTo: first.to)
    }
}
