import ExactArithmetic

/// The inverse of a positive definite principal submatrix A = K_SS of a symmetric integer
/// matrix K, kept fraction-free as adj(A) / det(A) and updated in O(|S|²) big-integer operations
/// when S gains an index (bordering) or loses one (Schur complement).
///
/// Exact: both updates divide by the previous determinant, and those divisions are exact by
/// Sylvester's identity (the results are adjugates of integer matrices), so no gcd is ever taken.
/// Bordering: with u = adj(A)·m and D' = k·D − mᵀu (m the new column, k the new diagonal entry),
///   adj' = [[(D'·adj(A) + u uᵀ)/D, −u], [−uᵀ, D]],  det' = D'.
/// Removal of position k: adj'_ab = (adj_ab adj_kk − adj_ak adj_kb)/D,  det' = adj_kk.
struct PrincipalInverse: Sendable {
    /// S, in the order of the rows of `adjugate`.
    private(set) var indices: [Int] = []
    private(set) var adjugate: [[BigInteger]] = []
    /// det(A) > 0 (1 for the empty matrix).
    private(set) var determinant = BigInteger(1)

    /// Adds index j; returns false and leaves the state unchanged when K on S ∪ {j} is not
    /// positive definite (its determinant would be ≤ 0).
    mutating func append(_ j: Int, in K: [[BigInteger]]) -> Bool {
        let n = indices.count
        let m = indices.map { K[$0][j] }
        let u = multiply(m)
        var newDeterminant = K[j][j] * determinant
        for a in 0..<n where !m[a].isZero { newDeterminant.subtractProduct(m[a], u[a]) }
        guard newDeterminant.signum > 0 else { return false }
        var next = [[BigInteger]](repeating: [], count: n + 1)
        for a in 0..<n { next[a] = [BigInteger](repeating: BigInteger(0), count: n + 1) }
        for a in 0..<n {
            for b in a..<n {
                var t = adjugate[a][b] * newDeterminant
                t.addProduct(u[a], u[b])
                let value = t.dividedExactly(by: determinant)
                next[a][b] = value
                next[b][a] = value
            }
            next[a][n] = -u[a]
        }
        next[n] = (0..<n).map { -u[$0] } + [determinant]
        adjugate = next
        determinant = newDeterminant
        indices.append(j)
        return true
    }

    /// Removes the index at position k of `indices`.
    mutating func remove(at k: Int) {
        let n = indices.count
        let pivot = adjugate[k][k]
        let keep = (0..<n).filter { $0 != k }
        var next = [[BigInteger]](repeating: [BigInteger](repeating: BigInteger(0), count: n - 1), count: n - 1)
        for (a, i) in keep.enumerated() {
            for (b, j) in keep.enumerated() where b >= a {
                var t = adjugate[i][j] * pivot
                t.subtractProduct(adjugate[i][k], adjugate[k][j])
                let value = t.dividedExactly(by: determinant)
                next[a][b] = value
                next[b][a] = value
            }
        }
        adjugate = next
        determinant = pivot
        indices.remove(at: k)
    }

    /// adj(A)·v: the solution of A x = v is this divided by `determinant`.
    func multiply(_ v: [BigInteger]) -> [BigInteger] {
        adjugate.map { row in
            var t = BigInteger(0)
            for (a, value) in v.enumerated() where !value.isZero { t.addProduct(row[a], value) }
            return t
        }
    }
}
