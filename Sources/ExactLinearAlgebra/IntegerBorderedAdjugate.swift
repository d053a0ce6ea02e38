import ExactArithmetic

/// The fraction-free counterpart of `BorderedInverse` for an integer symmetric matrix: keeps
/// `adj(M_AA)` and `det(M_AA)` (so `M_AA⁻¹ = adj/det`) while A gains or loses one index.
///
/// With J = adj(B), D = det(B), w = J·M_Aj and D' = D·M_jj − M_jAᵀw = det of the bordered matrix:
/// `adj' = [[(D'·J + wwᵀ)/D, −w], [−wᵀ, D]]` — the division is exact (the result is an adjugate,
/// an integer matrix; Sylvester's identity). Removal reads it backwards:
/// `D = adj'ⱼⱼ`, `w = −adj'₋ⱼ,ⱼ`, `J = (D·adj'₋ⱼ₋ⱼ − wwᵀ)/D'`.
/// Entries are minors of M, so they grow linearly with |A| (no gcds, unlike `Rational`): this is
/// the factorisation for large dense instances with modest integer entries.
public struct IntegerBorderedAdjugate: Sendable {
    public private(set) var indices: [Int]
    /// det(M_AA); 1 for the empty list.
    public private(set) var determinant: BigInteger
    /// adj(M_AA), row-major.
    private var adjugate: [BigInteger]

    public init() {
        indices = []
        determinant = BigInteger(1)
        adjugate = []
    }

    public var count: Int { indices.count }

    /// `adj(M_AA)[a, b]` by positions in `indices`.
    public subscript(a: Int, b: Int) -> BigInteger { adjugate[a * indices.count + b] }

    /// `adj(M_AA)·v` (so `M_AA⁻¹ v = result / determinant`).
    public func applyAdjugate(_ v: [BigInteger]) -> [BigInteger] {
        let k = indices.count
        precondition(v.count == k, "dimension mismatch")
        return (0..<k).map { a in
            var s = BigInteger(0)
            for b in 0..<k where !v[b].isZero { s.addProduct(adjugate[a * k + b], v[b]) }
            return s
        }
    }

    /// `adj(M_AA)·s` for a sign vector (entries −1, 0, 1): additions only.
    public func applyAdjugate(signs s: [Int]) -> [BigInteger] {
        let k = indices.count
        precondition(s.count == k, "dimension mismatch")
        return (0..<k).map { a in
            var t = BigInteger(0)
            for b in 0..<k where s[b] != 0 {
                if s[b] > 0 { t += adjugate[a * k + b] } else { t -= adjugate[a * k + b] }
            }
            return t
        }
    }

    /// Appends j; `entry(i, l)` reads the integer matrix. False (self unchanged) when singular.
    @discardableResult
    public mutating func append(_ j: Int, entry: (Int, Int) -> BigInteger) -> Bool {
        precondition(!indices.contains(j), "index \(j) already present")
        let k = indices.count
        let column = indices.map { entry($0, j) }
        let w = applyAdjugate(column)
        var next = determinant * entry(j, j)
        for a in 0..<k where !w[a].isZero { next.subtractProduct(column[a], w[a]) }
        if next.isZero { return false }
        var adj = [BigInteger](repeating: BigInteger(0), count: (k + 1) * (k + 1))
        for a in 0..<k {
            for b in a..<k {
                var v = next * adjugate[a * k + b]
                v.addProduct(w[a], w[b])
                let entry = v.dividedExactly(by: determinant)
                adj[a * (k + 1) + b] = entry
                adj[b * (k + 1) + a] = entry
            }
            adj[a * (k + 1) + k] = -w[a]
            adj[k * (k + 1) + a] = -w[a]
        }
        adj[k * (k + 1) + k] = determinant
        indices.append(j)
        adjugate = adj
        determinant = next
        return true
    }

    /// Removes j (which must be present). False (self unchanged) when the rest is singular.
    @discardableResult
    public mutating func remove(_ j: Int) -> Bool {
        guard let p = indices.firstIndex(of: j) else { preconditionFailure("index \(j) not present") }
        let k = indices.count
        let smaller = adjugate[p * k + p]
        if smaller.isZero { return false }
        let keep = (0..<k).filter { $0 != p }
        var adj = [BigInteger](repeating: BigInteger(0), count: (k - 1) * (k - 1))
        for (a, i) in keep.enumerated() {
            for (b, l) in keep.enumerated() where b >= a {
                var v = smaller * adjugate[i * k + l]
                v.subtractProduct(adjugate[i * k + p], adjugate[l * k + p])
                let entry = v.dividedExactly(by: determinant)
                adj[a * (k - 1) + b] = entry
                adj[b * (k - 1) + a] = entry
            }
        }
        indices.remove(at: p)
        adjugate = adj
        determinant = smaller
        return true
    }
}
