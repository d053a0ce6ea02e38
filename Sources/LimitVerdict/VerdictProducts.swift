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
    private var averagedSides: [Int: Side] = [:]
    private var segmentSides: [Int: Side] = [:]
    private var segmentImages: [Int: InverseAffine] = [:]
    private var knotImages: [Int: [Rational]] = [:]

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
        if let image = segmentImages[j] { return image }
        let (upper, lower) = (knotImage(j), knotImage(j + 1))
        let image = path.inTime(segment: j, upper: upper, lower: lower)
        segmentImages[j] = image
        return image
    }

    /// The DLN side on saddle k's pieces (`formula` is their x̄ formula).
    mutating func averagedSide(_ k: Int, formula: InverseAffine) -> Side {
        if let side = averagedSides[k] { return side }
        let saddle = limit.saddles[k]
        let a = IntegerVector(formula.constant), b = IntegerVector(formula.inverse)
        let cb = IntegerVector(saddle.correlation).dot(b)
        var qb = Rational.zero
        for i in saddle.q.indices where !saddle.q[i].isZero && !formula.inverse[i].isZero { qb.addProduct(saddle.q[i], formula.inverse[i]) }
        let l0 = saddle.objective - limit.problem.weightDecay * oneNorm(saddle.x)
        let side = Side(constant: a, inverse: b, loss: (l0, -cb, Rational(1, 2) * (saddle.s * cb - qb)))
        averagedSides[k] = side
        return side
    }

    /// The lasso side on segment j (nil: before κ₀, x = 0).
    mutating func lassoSide(_ segment: Int?) -> Side {
        let d = limit.problem.dimension
        guard let j = segment else {
            let zero = IntegerVector(.init(repeating: .zero, count: d))
            return Side(constant: zero, inverse: zero, loss: (.zero, .zero, .zero))
        }
        if let side = segmentSides[j] { return side }
        let f = path.inverseAffine(j), m = lassoImage(j)
        let a = IntegerVector(f.constant), b = IntegerVector(f.inverse)
        let ma = IntegerVector(m.constant), mb = IntegerVector(m.inverse)
        let half = Rational(1, 2)
        let side = Side(constant: a, inverse: b, loss: (half * a.dot(ma) - r.dot(a), a.dot(mb) - r.dot(b), half * b.dot(mb)))
        segmentSides[j] = side
        return side
    }

    private mutating func knotImage(_ j: Int) -> [Rational] {
        if let v = knotImages[j] { return v }
        let v = limit.scaled.times(path.x[j])
        knotImages[j] = v
        return v
    }
}
