import ExactArithmetic
import SaddleToSaddle
import ExactLinearAlgebra
import ProblemDefinition

/// What the verdict needs per saddle and per lasso segment, computed on first use and kept
/// (docs/math.md §4): M times each side's formula (to compare M·x when M is singular: their
/// difference per piece) and each side's objective ℓ(x) + κ‖x‖₁ along its formula, for the gap.
/// Pieces where the two sides agree need none of it when M is positive definite, so little of
/// this is computed on a monotone path.
/// No product with M is formed for the gap, and no per-entry gcd: vectors are `IntegerVector`s.
///
/// DLN side, from the saddle itself (x̄ = A + B/s with A = x_k, B = Z(s_k) − s_k x_k): M·A = r − c_k
/// and, since q(s) = s·r − M·Z(s), M·B = s_k c_k − q_k. Hence ℓ(A + uB) = ℓ₀ + ℓ₁u + ℓ₂u² with
/// ℓ₀ = ℓ(x_k), ℓ₁ = (MA − r)ᵀB = −c_kᵀB, ℓ₂ = ½BᵀMB = ½(s_k c_kᵀB − q_kᵀB).
/// Lasso side, from the KKT conditions (docs/math.md §1): on a segment with signs σ, c = r − Mx
/// equals κσ wherever x ≠ 0, so xᵀMx = rᵀx − κσᵀx and Lasso(x, κ) = ½(κσᵀx − rᵀx).
///
/// Only the latest saddle's and segment's results are kept: the verdict asks in time
/// order, so memory does not grow with the number of knots (265,721 on Mairal–Yu p = 12).
struct VerdictProducts {
    /// The DLN side on one saddle's pieces.
    struct AveragedSide {
        let constant: IntegerVector
        let inverse: IntegerVector
        /// ℓ₀ and ℓ₁ of ℓ(A + uB) = ℓ₀ + ℓ₁u + ℓ₂u².
        let loss: (Rational, Rational)
        /// ℓ₂ = numerator/denominator, not reduced: the gap adds σᵀB and reduces once (ℓ₂ reaches
        /// ~600,000 bits on a 100×200 Gaussian design, where a gcd costs as much as ten products).
        let quadratic: (numerator: BigInteger, denominator: BigInteger)
        /// Per coordinate, the sign of A_i + B_i/s on the saddle's pieces, or the time strictly
        /// inside the saddle's interval where it changes (from sign(B_i) to sign(A_i)).
        let signs: [CoordinateSign]
    }

    enum CoordinateSign {
        case fixed(Int)
        case crossing(Rational)
    }

    private let sides: VerdictSides
    private let r: IntegerVector
    private var averagedSide: (k: Int, side: AveragedSide)?
    /// Saddle k's c and q over common denominators (both the image and the gap read them).
    private var dual: (k: Int, c: IntegerVector, q: IntegerVector)?
    /// M·x̄'s formula on saddle k's pieces: M·A = r − c_k, and M·B = s_k c_k − q_k (not reduced;
    /// also the gap's, which needs no M·A).
    private var saddleConstantImage: (k: Int, image: IntegerVector)?
    private var saddleInverseImage: (k: Int, image: IntegerVector)?
    private var segmentObjective: (j: Int, y: (Rational, Rational, Rational))?
    private var segmentImage: (j: Int, image: IntegerAffine)?

    init(_ limit: DLNLimit, _ path: LassoPathInTime) { self.init(VerdictSides(limit, path)) }

    init(_ sides: VerdictSides) {
        self.sides = sides
        r = IntegerVector(sides.problem.r)
    }

    /// M·x̄ − M·x(κ) on a piece of saddle k and segment j (nil: before κ₀, where x = 0), as
    /// (r − c_k − M·a) + u·(s_k c_k − q_k − M·b) for the lasso formula a + u·b. M·B = s_k c_k − q_k
    /// is formed once per saddle but not reduced (q's entries reach ~300,000 bits on a 100×200
    /// Gaussian design, the rest ~12,000); its entries are compared with M·b's by the filter of
    /// `IntegerVector.entriesEqual`, multiplied out only on a near tie. (Comparing s_k c_k − M·b
    /// with q_k instead would tie nearly always: s_k c_k and q_k share their leading digits.)
    mutating func imageDifference(_ k: Int, _ segment: Int?) -> PieceDifference {
        let lasso = lassoImage(segment)
        return PieceDifference(constant: (averagedConstantImage(k), lasso.constant), inverse: (averagedInverseImage(k), lasso.inverse))
    }

    /// M·A = r − c_k on saddle k's pieces, reduced.
    mutating func averagedConstantImage(_ k: Int) -> IntegerVector {
        if let cached = saddleConstantImage, cached.k == k { return cached.image }
        let image = IntegerVector.combination(.one, r, -.one, correlationAndDual(k).c)
        saddleConstantImage = (k, image)
        return image
    }

    /// M·B = s_k c_k − q_k on saddle k's pieces, not reduced.
    mutating func averagedInverseImage(_ k: Int) -> IntegerVector {
        if let cached = saddleInverseImage, cached.k == k { return cached.image }
        let (c, q) = correlationAndDual(k)
        let image = IntegerVector.unreducedCombination(sides.saddle(k).saddle.s, c, -.one, q)
        saddleInverseImage = (k, image)
        return image
    }

    /// M·(lasso formula a + u·b) on segment j (nil: before κ₀, where x = 0) over L·den(a) and
    /// L·den(b), not reduced (only compared entry by entry). On the segment's support the KKT
    /// conditions r − M·x = κσ at κ = λwd + u give M·a = r − λwd σ and M·b = −σ (as the
    /// objective's `lassoObjective` uses them); only the other rows are products (L·M)·v.
    mutating func lassoImage(_ segment: Int?) -> IntegerAffine {
        guard let j = segment else { return .zero(sides.problem.dimension) }
        if let cached = segmentImage, cached.j == j { return cached.image }
        let (f, sigma) = sides.segment(j), scaled = sides.scaled
        let rows = sigma.indices.filter { sigma[$0] == 0 }
        let offA = scaled.times(numerators: f.constant.numerators, rows: rows)
        let offB = scaled.times(numerators: f.inverse.numerators, rows: rows)
        let l = scaled.scale, da = f.constant.denominator, db = f.inverse.denominator
        let weightDecay = sides.problem.weightDecay, scale = Rational(l)
        var a: [BigInteger] = [], b: [BigInteger] = [], next = 0
        a.reserveCapacity(sigma.count)
        b.reserveCapacity(sigma.count)
        for (i, sign) in sigma.enumerated() {
            if sign == 0 {
                a.append(offA[next])
                b.append(offB[next])
                next += 1
                continue
            }
            // L·(r_i − λwd σ_i) is an integer: L clears r's and λwd's denominators.
            let t = (sides.problem.r[i] - (sign > 0 ? weightDecay : -weightDecay)) * scale
            precondition(t.isInteger, "L does not clear r and λwd")
            a.append(t.isZero ? BigInteger(0) : t.numerator * da)
            b.append(sign > 0 ? -(l * db) : l * db)
        }
        let result = IntegerAffine(constant: IntegerVector(numerators: a, denominator: l * da),
                                   inverse: IntegerVector(numerators: b, denominator: l * db))
        segmentImage = (j, result)
        return result
    }

    private mutating func correlationAndDual(_ k: Int) -> (c: IntegerVector, q: IntegerVector) {
        if let cached = dual, cached.k == k { return (cached.c, cached.q) }
        let saddle = sides.saddle(k).saddle
        // q as the limit keeps it, over one common denominator (reducing it would cost more than the rest).
        let c = IntegerVector(saddle.correlation)
        let q = saddle.dualOverCommonDenominator.map { IntegerVector(numerators: $0.numerators, denominator: $0.denominator) } ?? IntegerVector(saddle.q)
        dual = (k, c, q)
        return (c, q)
    }

    /// The DLN side on saddle k's pieces (`formula` is their x̄ formula).
    mutating func averagedSide(_ k: Int, formula: IntegerAffine) -> AveragedSide {
        if let cached = averagedSide, cached.k == k { return cached.side }
        let (saddle, end) = sides.saddle(k)
        let a = formula.constant, b = formula.inverse
        // ℓ₁ = −cᵀB from the integer dot product, ℓ₂ = ½Bᵀ(M·B) (left unreduced).
        let (c, _) = correlationAndDual(k)
        let cb = c.dotNumerator(b)
        let l1 = cb.isZero ? Rational.zero : Rational(-cb, c.denominator * b.denominator)
        let (t, l2Denominator) = VerdictProducts.halfQuadratic(b, averagedInverseImage(k))
        let weightDecay = sides.problem.weightDecay
        let l0 = weightDecay.isZero ? saddle.objective : saddle.objective - weightDecay * a.oneNorm
        let side = AveragedSide(constant: a, inverse: b, loss: (l0, l1), quadratic: (t, l2Denominator),
                                signs: VerdictProducts.signs(a, b, from: saddle.s, to: end))
        averagedSide = (k, side)
        return side
    }

    /// ½bᵀv as numerator over 2·den(b)·den(v), not reduced. An entry of v that is an integer t
    /// (v_i = t·den(v); M·B's entries are mostly ±1 on the saddle's support of a Gaussian design,
    /// with numerators as long as q's) adds b_i·t, and their sum is multiplied by den(v) once:
    /// the test is a division with a one-word quotient, where b_i·v_i was a product of two
    /// numbers of ~300,000 bits at 100×200.
    static func halfQuadratic(_ b: IntegerVector, _ v: IntegerVector) -> (numerator: BigInteger, denominator: BigInteger) {
        var long = BigInteger(0), integers = BigInteger(0)
        let d = v.denominator, width = d.bitWidth
        for (x, y) in zip(b.numerators, v.numerators) where !x.isZero && !y.isZero {
            if y.bitWidth <= width + 62 {
                let (t, remainder) = y.quotientAndRemainder(dividingBy: d)
                if remainder.isZero {
                    integers.addProduct(x, t)
                    continue
                }
            }
            long.addProduct(x, y)
        }
        if !integers.isZero { long.addProduct(integers, d) }
        return (long, BigInteger(2) * b.denominator * d)
    }

    /// sign(A_i + B_i/s) on [from, to]: where A_i and B_i have opposite signs it changes at
    /// t = −B_i/A_i, placed against the ends by `compareProducts` (t = |β_i|·D_A / (|α_i|·D_B)).
    static func signs(_ a: IntegerVector, _ b: IntegerVector, from: Rational, to: Rational?) -> [CoordinateSign] {
        let start = (from.numerator, from.denominator), end = to.map { ($0.numerator, $0.denominator) }
        return a.numerators.indices.map { i in
            let sa = a.signum(i), sb = b.signum(i)
            guard sa * sb < 0 else { return .fixed(sa != 0 ? sa : sb) }
            let u = [b.numerators[i].magnitude, a.denominator], v = [a.numerators[i].magnitude, b.denominator]
            // t ≤ from ⇔ U·q ≤ p·V for from = p/q (t > 0 = from when from is 0).
            if !start.0.isZero, compareProducts(u + [start.1], v + [start.0]) <= 0 { return .fixed(sa) }
            if let (p, q) = end, compareProducts(u + [q], v + [p]) >= 0 { return .fixed(sb) }
            return .crossing(Rational(-b.numerators[i] * a.denominator, a.numerators[i] * b.denominator))
        }
    }

    /// Lasso(x(κ), κ) = y₀ + y₁u + y₂u² on segment j at κ = λwd + u (nil: before κ₀, x = 0):
    /// with x = a + u·b and σ the segment's signs, ½[(λwd + u)(σᵀa + u σᵀb) − rᵀa − u rᵀb].
    mutating func lassoObjective(_ segment: Int?) -> (Rational, Rational, Rational) {
        guard let j = segment else { return (.zero, .zero, .zero) }
        if let cached = segmentObjective, cached.j == j { return cached.y }
        let (f, sigma) = sides.segment(j), a = f.constant, b = f.inverse
        let sa = a.signedSum(sigma), sb = b.signedSum(sigma)
        let weightDecay = sides.problem.weightDecay, half = Rational(1, 2)
        let y = (half * (weightDecay * sa - r.dot(a)), half * (sa + weightDecay * sb - r.dot(b)), half * sb)
        segmentObjective = (j, y)
        return y
    }
}

/// What `VerdictProducts` reads of the two sides, by index: the whole limit and path, or the
/// saddles and segments a streamed comparison still holds (`VerdictStream`).
struct VerdictSides {
    let problem: Problem
    let scaled: ScaledQuadratic
    /// Saddle k and the next saddle's time (nil: k is the last).
    let saddle: (Int) -> (saddle: Saddle, end: Rational?)
    /// Segment j's formula and the signs of x on it (`segmentSigns`).
    let segment: (Int) -> (formula: IntegerAffine, signs: [Int])

    init(problem: Problem, scaled: ScaledQuadratic, saddle: @escaping (Int) -> (saddle: Saddle, end: Rational?),
         segment: @escaping (Int) -> (formula: IntegerAffine, signs: [Int])) {
        self.problem = problem
        self.scaled = scaled
        self.saddle = saddle
        self.segment = segment
    }

    init(_ limit: DLNLimit, _ path: LassoPathInTime) {
        self.init(problem: limit.problem, scaled: limit.scaled, saddle: { k in
            (limit.saddles[k], k + 1 < limit.saddles.count ? limit.saddles[k + 1].s : nil)
        }, segment: { j in (path.integerFormula(j), segmentSigns(path.x[j], path.x[j + 1])) })
    }
}

/// The signs of the lasso solution on the open segment between knots with solutions x and y:
/// x_i keeps its sign between its knots, so it is the sign at the knot where x_i ≠ 0 (0: x_i = 0
/// on the whole segment).
func segmentSigns(_ x: [Rational], _ y: [Rational]) -> [Int] {
    x.indices.map { i in x[i].isZero ? y[i].signum : x[i].signum }
}
