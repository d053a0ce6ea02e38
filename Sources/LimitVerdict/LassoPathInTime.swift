import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ParallelWork

/// The lasso path read in the network's time s, as docs/math.md §4 compares it with the limit:
/// the knots κ₀ > κ₁ > … > κ_K = 0 (`Knot`s of a computed path, or the certificate's breakpoints
/// among them) and, on every segment reached, x as a function of s (`InverseAffine`). Between
/// consecutive knots the solution is their `Chord` (docs/math.md §1), so the knots determine it.
///
/// With weight decay λwd, time s corresponds to κ = λwd + 1/s, so only the part κ > λwd is
/// reached; segment j (from κ_j down to κ_{j+1}) covers s ∈ [1/(κ_j − λwd), 1/(κ_{j+1} − λwd)]
/// (open-ended when κ_{j+1} ≤ λwd), and for s < 1/(κ₀ − λwd) the solution is 0.
public struct LassoPathInTime: Sendable {
    public let kappa: [Rational]
    public let x: [[Rational]]
    /// Whether every lasso solution along the path is unique (else x is a canonical member).
    public let isUnique: Bool
    public let weightDecay: Rational
    /// The reached segments' formulas over common denominators, computed once.
    private let formulas: [IntegerAffine]

    /// Requires at least one knot, κ strictly decreasing (caller's invariant: a computed path).
    public init(_ knots: [Knot], isUnique: Bool, weightDecay: Rational) {
        self.init(kappa: knots.map(\.kappa), x: knots.map(\.x), isUnique: isUnique, weightDecay: weightDecay)
    }

    /// The same from the knots' κ and x alone (a streamed path keeps nothing else); the segments'
    /// formulas, interpolated between their end knots, on `jobs` threads (`parallelMap`: the same formulas).
    public init(kappa: [Rational], x: [[Rational]], isUnique: Bool, weightDecay: Rational, jobs: Int = 1) {
        precondition(!kappa.isEmpty && kappa.count == x.count, "a path needs knots")
        self.kappa = kappa
        self.x = x
        self.isUnique = isUnique
        self.weightDecay = weightDecay
        let reached = max(0, min(kappa.count - 1, kappa.firstIndex { $0 <= weightDecay } ?? kappa.count))
        // Chunks of 1/256 of the knots: Mairal–Yu p = 12 has 265,721 small ones.
        let chunk = max(1, reached / 256)
        let vectors = parallelMap(Array(0...reached), jobs: jobs, chunk: chunk) { IntegerVector(x[$0]) }
        formulas = parallelMap(Array(0..<reached), jobs: jobs, chunk: chunk) { j in
            Self.segmentFormula(vectors[j], vectors[j + 1], kappa[j] - weightDecay, kappa[j + 1] - weightDecay)
        }
    }

    /// A segment's s-form read off the integer engine's x(κ) = (U − κLW)/D: at κ = λwd + 1/s
    /// with λwd = p/q, x = (qU − pLW)/(qD) − (LW/D)/s, reduced once per vector. Equal to
    /// interpolating the end knots (the certificate pins the formula to both), with no products
    /// when λwd = 0: on Gaussian 200×100 the interpolation's common denominator has ~4× the
    /// bits of D, all cancelled by its reduction.
    static func segmentFormula(_ f: SegmentNumerators, weightDecay: Rational) -> IntegerAffine {
        let l = f.scale
        let inverse = f.W.map { w in w.isZero ? w : -(l * w) }
        guard !weightDecay.isZero else {
            return IntegerAffine(constant: .reducing(f.U, over: f.determinant), inverse: .reducing(inverse, over: f.determinant))
        }
        let p = weightDecay.numerator * l, q = weightDecay.denominator
        let constant = zip(f.U, f.W).map { u, w -> BigInteger in
            var t = u.isZero ? u : q * u
            if !w.isZero { t.subtractProduct(p, w) }
            return t
        }
        return IntegerAffine(constant: .reducing(constant, over: q * f.determinant), inverse: .reducing(inverse, over: f.determinant))
    }

    /// Between x at κ − λwd = α and y at κ − λwd = β < α, x(κ) = a + b/s with
    /// b = (x − y)/(α − β) and a = (α·y − β·x)/(α − β): with α = α₁/α₂, β = β₁/β₂ and x, y
    /// over one denominator G, both are integer combinations over (α₁β₂ − β₁α₂)·G, reduced once.
    /// The scalings to G are folded into four per-segment factors, so an entry costs two
    /// multiply-adds and two integers (not five products and sums, each a new integer).
    static func segmentFormula(_ x: IntegerVector, _ y: IntegerVector, _ alpha: Rational, _ beta: Rational) -> IntegerAffine {
        // Common factors of α₂ and β₂ cancel between numerators and denominator.
        let h = BigInteger.gcd(alpha.denominator, beta.denominator)
        let (a1, a2) = (alpha.numerator, alpha.denominator.dividedExactly(by: h))
        let (b1, b2) = (beta.numerator, beta.denominator.dividedExactly(by: h))
        // x = X/Dx = fx·X/G and y = Y/Dy = fy·Y/G over G = lcm(Dx, Dy).
        let g = BigInteger.gcd(x.denominator, y.denominator)
        let fx = y.denominator.dividedExactly(by: g), fy = x.denominator.dividedExactly(by: g)
        let denominator = (a1 * b2 - b1 * a2) * (x.denominator * fx)
        // constant = α₁β₂·fy·Y − β₁α₂·fx·X, inverse = α₂β₂h·(fx·X − fy·Y).
        let ab = a2 * b2 * h
        let cy = a1 * b2 * fy, cx = b1 * a2 * fx, ix = ab * fx, iy = ab * fy
        var constant: [BigInteger] = [], inverse: [BigInteger] = []
        constant.reserveCapacity(x.count)
        inverse.reserveCapacity(x.count)
        for (xi, yi) in zip(x.numerators, y.numerators) {
            if xi.isZero && yi.isZero {
                constant.append(xi)
                inverse.append(xi)
                continue
            }
            var c = yi.isZero ? BigInteger(0) : cy * yi
            if !xi.isZero { c.subtractProduct(cx, xi) }
            var b = xi.isZero ? BigInteger(0) : ix * xi
            if !yi.isZero { b.subtractProduct(iy, yi) }
            constant.append(c)
            inverse.append(b)
        }
        return IntegerAffine(constant: .reducing(constant, over: denominator), inverse: .reducing(inverse, over: denominator))
    }

    public var dimension: Int { x[0].count }

    /// The segments reached for some s > 0: those starting above λwd.
    public var reachedSegments: Range<Int> { 0..<formulas.count }

    /// Reached segment j (between κ_j and κ_{j+1}) in s-form: x(κ) = b₀ + κ·b₁ with
    /// κ = λwd + 1/s is a + b₁/s, where a = b₀ + λwd·b₁ is the slope of z(μ) = μ·x.
    public func inverseAffine(_ j: Int) -> InverseAffine { formulas[j].rational }

    /// `inverseAffine(j)` over common denominators (no gcd per entry).
    func integerFormula(_ j: Int) -> IntegerAffine { formulas[j] }

    /// The time s = 1/(κ_j − λwd) of knot j, nil when κ_j ≤ λwd (never reached).
    public func time(ofKnot j: Int) -> Rational? {
        kappa[j] > weightDecay ? (kappa[j] - weightDecay).reciprocal : nil
    }

    /// The solution at any κ (x₀ = 0 above κ₀, the last knot's below it), on its chord.
    public func solution(at k: Rational) -> [Rational] {
        if k >= kappa[0] { return x[0] }
        if k <= kappa[kappa.count - 1] { return x[kappa.count - 1] }
        let j = Chord.index(of: k, count: kappa.count) { kappa[$0] }
        return Chord(upper: kappa[j], x[j], lower: kappa[j + 1], x[j + 1]).solution(at: k)
    }
}
