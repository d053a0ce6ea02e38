import ExactArithmetic

/// The outcome of the exact semidefiniteness test.
public enum Definiteness: Equatable, Sendable {
    case positiveDefinite
    /// PSD and singular, with the rank.
    case positiveSemidefinite(rank: Int)
    /// Not PSD: `witness` has `vᵀMv < 0` (the value is given too).
    case indefinite(witness: [Rational], value: Rational)

    public var isPositiveSemidefinite: Bool {
        if case .indefinite = self { return false }
        return true
    }
}

extension Matrix {
    /// Exact test of positive semidefiniteness for a symmetric matrix, by symmetric elimination
    /// with diagonal pivots. A negative pivot, or a zero pivot with a nonzero off-diagonal in its
    /// row, proves indefiniteness; the witness is built in the reduced coordinates and lifted
    /// back through the eliminations (each lift preserves vᵀMv).
    public var definiteness: Definiteness {
        precondition(isSymmetric, "definiteness needs a symmetric matrix")
        // The fraction-free test decides PSD matrices cheaply; only a failure (rare: bad
        // input) pays for the rational elimination below, which also builds the witness.
        if let rank = fractionFreeSemidefiniteRank() {
            return rank == rows ? .positiveDefinite : .positiveSemidefinite(rank: rank)
        }
        var s = self                      // current Schur complement, on `remaining` indices
        var remaining = Array(0..<rows)
        var steps: [(pivot: Int, value: Rational, row: [Int: Rational])] = []
        var rank = 0
        while !remaining.isEmpty {
            if let i = remaining.first(where: { s[$0, $0].signum < 0 }) {
                var w = [Rational](repeating: .zero, count: rows)
                w[i] = .one
                return indefinite(lifting: w, through: steps)
            }
            if let i = remaining.first(where: { i in s[i, i].isZero && remaining.contains { !s[i, $0].isZero } }) {
                // S_ii = 0 ≠ S_ij: v = t·e_i + e_j has vᵀSv = 2t·S_ij + S_jj, which is −1
                // for t = −(S_jj + 1)/(2·S_ij).
                let j = remaining.first { !s[i, $0].isZero }!
                var w = [Rational](repeating: .zero, count: rows)
                w[i] = -(s[j, j] + .one) / (Rational(2) * s[i, j])
                w[j] = .one
                return indefinite(lifting: w, through: steps)
            }
            guard let p = remaining.first(where: { s[$0, $0].signum > 0 }) else { break } // rest is 0
            remaining.removeAll { $0 == p }
            let pivot = s[p, p]
            var row: [Int: Rational] = [:]
            for j in remaining where !s[p, j].isZero { row[j] = s[p, j] }
            for (i, a) in row { for (j, b) in row { s[i, j] -= a * b / pivot } }
            steps.append((p, pivot, row))
            rank += 1
        }
        return rank == rows ? .positiveDefinite : .positiveSemidefinite(rank: rank)
    }

    /// Lifts a witness for a Schur complement to one for M: the eliminated coordinate p gets
    /// −(Σ_j M_pj v_j)/M_pp, which leaves vᵀMv unchanged.
    private func indefinite(lifting w: [Rational], through steps: [(pivot: Int, value: Rational, row: [Int: Rational])]) -> Definiteness {
        var v = w
        for step in steps.reversed() {
            var t = Rational.zero
            for (j, a) in step.row { t.addProduct(a, v[j]) }
            v[step.pivot] = -t / step.value
        }
        return .indefinite(witness: v, value: quadraticForm(v))
    }
}

extension Matrix {
    /// The rank when this symmetric matrix is PSD, nil when it is not: symmetric Bareiss
    /// elimination with positive diagonal pivots on the integer matrix `L·M` (L the lcm of the
    /// denominators). Entries stay minors of `L·M` (every division is exact), so they grow
    /// linearly in size instead of piling up gcds as rational Schur complements do; each
    /// entry is `prev_pivot × (Schur complement entry)`, so signs, and hence the verdict, carry over.
    func fractionFreeSemidefiniteRank() -> Int? {
        let n = rows
        var a = integerScaled.integers
        var remaining = Array(0..<n)
        var previous = BigInteger(1)
        var rank = 0
        while let p = remaining.first(where: { a[$0 * n + $0].signum > 0 }) {
            if remaining.contains(where: { a[$0 * n + $0].signum < 0 }) { return nil }
            remaining.removeAll { $0 == p }
            let pivot = a[p * n + p]
            for (k, i) in remaining.enumerated() {
                let aip = a[i * n + p]
                for j in remaining[k...] {
                    var t = pivot * a[i * n + j]
                    if !aip.isZero { t.subtractProduct(aip, a[p * n + j]) }
                    let entry = t.dividedExactly(by: previous)
                    a[i * n + j] = entry
                    a[j * n + i] = entry
                }
            }
            previous = pivot
            rank += 1
        }
        // No positive pivot left: PSD iff what remains is exactly zero.
        for i in remaining { for j in remaining where !a[i * n + j].isZero { return nil } }
        return rank
    }
}
