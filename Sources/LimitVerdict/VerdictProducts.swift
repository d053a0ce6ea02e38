import ExactArithmetic
import SaddleToSaddle
import ExactLinearAlgebra

/// What the verdict needs of M, per saddle and per lasso segment, computed on first use and kept
/// (docs/math.md §4): M times each side's formula (to compare M·x when M is singular) and the loss along
/// each formula, ℓ(A + uB) = ℓ₀ + ℓ₁u + ℓ₂u², for the gap. Pieces where the two sides agree need
/// neither when M is positive definite, so little of this is computed on a monotone path.
///
/// DLN side, from the saddle itself (x̄ = A + B/s with A = x_k, B = Z(s_k) − s_k x_k): M·A = r − c_k
/// and, since q(s) = s·r − M·Z(s), M·B = s_k c_k − q_k — no product with M. Hence
/// ℓ₀ = ℓ(x_k), ℓ₁ = (MA − r)ᵀB = −c_kᵀB, ℓ₂ = ½BᵀMB = ½(s_k c_kᵀB − q_kᵀB).
/// Lasso side: one M-product per knot, then per segment by linearity.
///
/// Only the latest saddle's, segment's and two knots' results are kept: the verdict asks in time
/// order, so memory does not grow with the number of knots (265,721 on Mairal–Yu p = 12).
struct VerdictProducts {
    struct Side {
        /// The formula's vectors over common denominators, for the ℓ1 sums.
        let constant: IntegerVector
        let inverse: IntegerVector
        /// ℓ(A + uB) as (ℓ₀, ℓ₁, ℓ₂).
        let loss: (Rational, Rational, Rational)
    }

    private let limit: DLNLimit
    private let path: LassoPathInTime
    private let r: IntegerVector
    private var averagedSide: (k: Int, side: Side)?
    private var segmentSide: (j: Int, side: Side)?
    private var segmentImage: (j: Int, image: InverseAffine)?
    private var knotImages: [(j: Int, image: [Rational])] = []

    init(_ limit: DLNLimit, _ path: LassoPathInTime) {
        self.limit = limit
        self.path = path
        r = IntegerVector(limit.problem.r)
    }

    /// M·(x̄ formula) on saddle k's pieces.
    func averagedImage(_ k: Int) -> InverseAffine {
        let saddle = limit.saddles[k]
        return InverseAffine(constant: limit.problem.r.subtracting(saddle.correlation), inverse: (saddle.s * saddle.correlation).subtracting(saddle.q))
    }

    /// M·(lasso formula) on segment j (nil: before κ₀, where x = 0).
    mutating func lassoImage(_ segment: Int?) -> InverseAffine {
        guard let j = segment else { return .zero(limit.problem.dimension) }
        if let cached = segmentImage, cached.j == j { return cached.image }
        let (upper, lower) = (knotImage(j), knotImage(j + 1))
        let image = path.inTime(segment: j, upper: upper, lower: lower)
        segmentImage = (j, image)
        return image
    }

    /// The DLN side on saddle k's pieces (`formula` is their x̄ formula).
    mutating func averagedSide(_ k: Int, formula: InverseAffine) -> Side {
        if let cached = averagedSide, cached.k == k { return cached.side }
        let saddle = limit.saddles[k]
        let a = IntegerVector(formula.constant), b = IntegerVector(formula.inverse)
        let cb = IntegerVector(saddle.correlation).dot(b)
        var qb = Rational.zero
        for i in saddle.q.indices where !saddle.q[i].isZero && !formula.inverse[i].isZero { qb.addProduct(saddle.q[i], formula.inverse[i]) }
        let l0 = saddle.objective - limit.problem.weightDecay * oneNorm(saddle.x)
        let side = Side(constant: a, inverse: b, loss: (l0, -cb, Rational(1, 2) * (saddle.s * cb - qb)))
        averagedSide = (k, side)
        return side
    }

    /// The lasso side on segment j (nil: before κ₀, x = 0); `image` is its `lassoImage` when
    /// the caller already has it.
    mutating func lassoSide(_ segment: Int?, image: InverseAffine? = nil) -> Side {
        let d = limit.problem.dimension
        guard let j = segment else {
            let zero = IntegerVector(.init(repeating: .zero, count: d))
            return Side(constant: zero, inverse: zero, loss: (.zero, .zero, .zero))
        }
        if let cached = segmentSide, cached.j == j { return cached.side }
        let f = path.inverseAffine(j), m = image ?? lassoImage(j)
        let a = IntegerVector(f.constant), b = IntegerVector(f.inverse)
        let ma = IntegerVector(m.constant), mb = IntegerVector(m.inverse)
        let half = Rational(1, 2)
        let side = Side(constant: a, inverse: b, loss: (half * a.dot(ma) - r.dot(a), a.dot(mb) - r.dot(b), half * b.dot(mb)))
        segmentSide = (j, side)
        return side
    }

    private mutating func knotImage(_ j: Int) -> [Rational] {
        if let cached = knotImages.first(where: { $0.j == j }) { return cached.image }
        let v = limit.scaled.times(path.x[j])
        knotImages = [knotImages.last, (j, v)].compactMap { $0 }
        return v
    }
}
