import ExactArithmetic

/// Checks of the `problem` section: the instance is a convex quadratic with r ∈ range(M)
/// (docs/math.md §0), which every KKT argument in proofs/ assumes, and `positiveDefinite` is right.
enum ProblemChecks {
    /// M symmetric positive semidefinite, r ∈ range(M), λwd ≥ 0 (docs/math.md §0). Convexity is what makes
    /// the KKT conditions sufficient (proofs/segment-certificate.md, proofs/limit-dual.md).
    static func convexity(_ c: CheckContext) throws(ClaimFailure) -> String {
        let claim = "problem"
        let M = c.problem.M
        for i in 0..<c.d { for j in 0..<i where M[i][j] != M[j][i] {
            throw ClaimFailure(claim, "M is not symmetric: M_\(i + 1),\(j + 1) = \(M[i][j]) but M_\(j + 1),\(i + 1) = \(M[j][i])")
        } }
        if case .notPositiveSemidefinite(let why) = c.definiteness {
            throw ClaimFailure(claim, "M is not positive semidefinite: \(why)")
        }
        // r ∈ range(M) when some x has Mx = r: the last knot's x (λ = 0, where KKT asks c = 0)
        // is such a witness in a valid certificate, one product already formed. Otherwise Mx = r
        // is solvable iff the reduced [M | r] has no pivot in its last column (elimination runs
        // column by column, so the pivots among M's columns are M's own).
        let witness = c.knotCorrelations.last.map(Exact.isZero) ?? false
        if !witness, NullSpace.reduced(M.indices.map { M[$0] + [c.problem.r[$0]] }, columns: c.d + 1).pivots.contains(c.d) {
            throw ClaimFailure(claim, "r is not in the range of M, so the loss is unbounded below")
        }
        if c.weightDecay.signum < 0 { throw ClaimFailure(claim, "the weight decay \(c.weightDecay) is negative") }
        return "M is symmetric positive semidefinite, r lies in its range\(witness ? " (r = Mx at the last knot)" : "") and λwd = \(c.weightDecay) ≥ 0"
    }

    /// `positiveDefinite` equals the outcome of the symmetric elimination.
    static func definiteness(_ c: CheckContext) throws(ClaimFailure) -> String {
        let isPD = c.definiteness == .positiveDefinite
        guard isPD == c.problem.positiveDefinite else {
            throw ClaimFailure("problem", "positiveDefinite is \(c.problem.positiveDefinite) but M is \(isPD ? "" : "not ")positive definite")
        }
        return "M is \(isPD ? "" : "not ")positive definite, as stated"
    }
}
