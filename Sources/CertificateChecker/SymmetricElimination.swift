import ExactArithmetic

/// Exact definiteness of a symmetric matrix by symmetric Gaussian elimination with diagonal
/// pivots, fraction-free (the checker's own copy; see proofs/README.md). For a PSD matrix a zero diagonal entry
/// forces its whole row to vanish (else a 2×2 principal minor is negative), so eliminating on
/// positive pivots and requiring zero rows at zero pivots decides PSD; PD ⇔ every pivot > 0.
enum SymmetricElimination {
    enum Outcome: Equatable {
        case positiveDefinite
        case positiveSemidefinite
        /// Not PSD: the failure in words (which pivot, which entry).
        case notPositiveSemidefinite(String)
    }

    /// Fraction-free: on A = L·M (L > 0 the lcm of M's denominators, which changes no sign),
    /// eliminating pivot k replaces S_ij by (S_kk·S_ij − S_ik·S_kj)/p with p the previous pivot
    /// used, an exact division (Bareiss): S_ij is then the minor of A on the pivots used so far
    /// plus row i and column j, and a pivot S_kk is p times the Schur complement's pivot, of
    /// the same sign since every pivot before it was positive. A zero pivot with a zero row is
    /// skipped: its index is in no later minor. No gcd is taken (a rational elimination reduces
    /// every entry at every step: at d = 100 from float data, minutes).
    static func definiteness(_ M: [[Rational]]) -> Outcome {
        let l = M.joined().leastCommonDenominator
        var S = M.map { $0.integers(over: l) }
        var remaining = Array(M.indices)
        var previous = BigInteger(1)
        var definite = true
        while let k = remaining.first {
            remaining.removeFirst()
            let pivot = S[k][k]
            // The Schur complement's pivot (for messages): S_kk/(p·L).
            func schur(_ v: BigInteger) -> Rational { Rational(v, previous * l) }
            if pivot.signum < 0 {
                return .notPositiveSemidefinite("pivot \(k + 1) of the symmetric elimination is \(schur(pivot)) < 0")
            }
            if pivot.isZero {
                definite = false
                if let j = remaining.first(where: { !S[k][$0].isZero }) {
                    return .notPositiveSemidefinite("pivot \(k + 1) of the symmetric elimination is 0 but entry (\(k + 1), \(j + 1)) of its Schur complement is \(schur(S[k][j]))")
                }
                continue
            }
            for i in remaining {
                for j in remaining {
                    var t = pivot * S[i][j]
                    if !S[i][k].isZero && !S[k][j].isZero { t.subtractProduct(S[i][k], S[k][j]) }
                    S[i][j] = t.isZero ? t : t.dividedExactly(by: previous)
                }
            }
            previous = pivot
        }
        return definite ? .positiveDefinite : .positiveSemidefinite
    }
}
