import ExactArithmetic

/// Exact definiteness of a symmetric matrix by symmetric Gaussian elimination with diagonal
/// pivots (the checker's own copy; see proofs/README.md). For a PSD matrix a zero diagonal entry
/// forces its whole row to vanish (else a 2×2 principal minor is negative), so eliminating on
/// positive pivots and requiring zero rows at zero pivots decides PSD; PD ⇔ every pivot > 0.
enum SymmetricElimination {
    enum Outcome: Equatable {
        case positiveDefinite
        case positiveSemidefinite
        /// Not PSD: the failure in words (which pivot, which entry).
        case notPositiveSemidefinite(String)
    }

    static func definiteness(_ M: [[Rational]]) -> Outcome {
        var S = M
        var remaining = Array(M.indices)
        var definite = true
        while let k = remaining.first {
            remaining.removeFirst()
            let pivot = S[k][k]
            if pivot.signum < 0 {
                return .notPositiveSemidefinite("pivot \(k + 1) of the symmetric elimination is \(pivot) < 0")
            }
            if pivot.isZero {
                definite = false
                if let j = remaining.first(where: { !S[k][$0].isZero }) {
                    return .notPositiveSemidefinite("pivot \(k + 1) of the symmetric elimination is 0 but entry (\(k + 1), \(j + 1)) of its Schur complement is \(S[k][j])")
                }
                continue
            }
            // Schur complement on the remaining indices.
            for i in remaining where !S[i][k].isZero {
                let factor = S[i][k] / pivot
                for j in remaining where !S[k][j].isZero { S[i][j] -= factor * S[k][j] }
            }
        }
        return definite ? .positiveDefinite : .positiveSemidefinite
    }
}
