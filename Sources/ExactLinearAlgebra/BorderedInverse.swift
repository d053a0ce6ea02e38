import ExactArithmetic

/// The exact inverse of a principal submatrix `M_AA` of a symmetric matrix, kept up to date
/// while the index list A gains or loses one index at a time — the incremental factorisation of
/// an active-set method (docs/math.md §1: the lasso homotopy's `M_AA⁻¹`).
///
/// - append j (bordering): with y = M_AA⁻¹ M_Aj and the Schur complement σ = M_jj − M_jAᵀ y,
///   `M_A'A'⁻¹ = [[B + yyᵀ/σ, −y/σ], [−yᵀ/σ, 1/σ]]`; σ = 0 exactly when M_A'A' is singular.
/// - remove j: the same identity read backwards, `B = B'₋ⱼ₋ⱼ − b'ⱼ b'ⱼᵀ / b'ⱼⱼ`; b'ⱼⱼ = 0 exactly
///   when what remains is singular.
/// Both cost O(|A|²) exact operations (vs O(|A|³) for a fresh solve). All `Rational`, so small
/// integer data stays on the Int64 fast path.
public struct BorderedInverse: Sendable {
    /// A, in the order the rows and columns of the inverse are stored.
    public private(set) var indices: [Int]
    /// `M_AA⁻¹`, row-major, |A|×|A|.
    private var inverse: [Rational]

    /// The inverse for the empty index list.
    public init() {
        indices = []
        inverse = []
    }

    /// Builds `M_AA⁻¹` by bordering one index at a time, taking the indices out of order only
    /// when a leading block is singular. For a positive semidefinite M (every principal block of a
    /// nonsingular M_AA is then nonsingular) the result is nil exactly when M_AA is singular.
    public init?(_ m: Matrix, indices a: [Int]) {
        self.init()
        var pending = a
        while !pending.isEmpty {
            // Some remaining index keeps the block nonsingular whenever the full M_AA is.
            guard let position = pending.firstIndex(where: { append($0, of: m) != nil }) else { return nil }
            pending.remove(at: position)
        }
        // Restore the requested order.
        let order = a.map { indices.firstIndex(of: $0)! }
        let k = a.count
        var permuted = [Rational](repeating: .zero, count: k * k)
        for i in 0..<k { for j in 0..<k { permuted[i * k + j] = inverse[order[i] * k + order[j]] } }
        indices = a
        inverse = permuted
    }

    public var count: Int { indices.count }

    /// `(M_AA⁻¹)[a, b]` by positions in `indices`.
    public subscript(a: Int, b: Int) -> Rational { inverse[a * indices.count + b] }

    /// `M_AA⁻¹ v` for v indexed like `indices`.
    public func apply(_ v: [Rational]) -> [Rational] {
        let k = indices.count
        precondition(v.count == k, "dimension mismatch")
        return (0..<k).map { a in
            var s = Rational.zero
            for b in 0..<k where !v[b].isZero { s.addProduct(inverse[a * k + b], v[b]) }
            return s
        }
    }

    /// `M_AA⁻¹ s` for a sign vector (entries −1, 0, 1): additions only.
    public func apply(signs s: [Int]) -> [Rational] {
        let k = indices.count
        precondition(s.count == k, "dimension mismatch")
        return (0..<k).map { a in
            var t = Rational.zero
            for b in 0..<k where s[b] != 0 { t = s[b] > 0 ? t + inverse[a * k + b] : t - inverse[a * k + b] }
            return t
        }
    }

    /// What bordering by j computed: `y = M_AA⁻¹ M_Aj` (in the old order) and the Schur
    /// complement `σ = M_jj − M_Ajᵀ y` — what an active-set method needs to update its vectors.
    public struct Bordering: Sendable {
        public let y: [Rational]
        public let sigma: Rational
    }

    /// Appends index j (not already present). Returns nil, leaving self unchanged, when the
    /// bordered matrix is singular (σ = 0).
    @discardableResult
    public mutating func append(_ j: Int, of m: Matrix) -> Bordering? {
        precondition(!indices.contains(j), "index \(j) already present")
        let k = indices.count
        let column = indices.map { m[$0, j] }
        let y = apply(column)
        var sigma = m[j, j]
        for a in 0..<k where !y[a].isZero { sigma.subtractProduct(column[a], y[a]) }
        if sigma.isZero { return nil }
        let inverseSigma = sigma.reciprocal
        let scaled = y.map { $0 * inverseSigma }
        var next = [Rational](repeating: .zero, count: (k + 1) * (k + 1))
        for a in 0..<k {
            for b in a..<k {
                var v = inverse[a * k + b]
                if !y[a].isZero && !scaled[b].isZero { v.addProduct(y[a], scaled[b]) }
                next[a * (k + 1) + b] = v
                next[b * (k + 1) + a] = v
            }
            next[a * (k + 1) + k] = -scaled[a]
            next[k * (k + 1) + a] = -scaled[a]
        }
        next[k * (k + 1) + k] = inverseSigma
        indices.append(j)
        inverse = next
        return Bordering(y: y, sigma: sigma)
    }

    /// Removes index j (which must be present). Returns false, leaving self unchanged, when the
    /// remaining block is singular.
    @discardableResult
    public mutating func remove(_ j: Int) -> Bool {
        guard let p = indices.firstIndex(of: j) else { preconditionFailure("index \(j) not present") }
        let k = indices.count
        let pivot = inverse[p * k + p]
        if pivot.isZero { return false }
        let column = (0..<k).map { inverse[$0 * k + p] }
        let scaled = column.map { $0 / pivot }
        let keep = (0..<k).filter { $0 != p }
        var next = [Rational](repeating: .zero, count: (k - 1) * (k - 1))
        for (a, i) in keep.enumerated() {
            for (b, l) in keep.enumerated() where b >= a {
                var v = inverse[i * k + l]
                if !column[i].isZero && !scaled[l].isZero { v.subtractProduct(column[i], scaled[l]) }
                next[a * (k - 1) + b] = v
                next[b * (k - 1) + a] = v
            }
        }
        indices.remove(at: p)
        inverse = next
        return true
    }
}
