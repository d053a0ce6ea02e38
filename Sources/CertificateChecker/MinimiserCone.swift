import ExactArithmetic

/// The cone test behind every `unique` flag of a certificate (proofs/limit-dual.md "Uniqueness
/// of x°" for saddles, proofs/lasso-uniqueness.md for lasso knots and segments).
///
/// Near a minimiser x of a convex problem whose other minimisers y are exactly those with
/// M(y − x) = 0, y = 0 off T and σ_i y_i ≥ 0 on T, the minimisers are x + C with
/// C = {h : h = 0 off T, Mh = 0, σ_i h_i ≥ 0 on Z}, Z ⊆ T the coordinates of T where x_i = 0 and
/// the sign is constrained. So x is unique iff C = {0}. Two cases are decided by ranks alone:
/// N = null(M_TT) = {0} (unique) and N ≠ {0} with Z = ∅ (not unique). In general deciding C = {0}
/// is a linear program, so the certificate carries a witness: a `direction` h ∈ C \ {0} when
/// `unique` is false, or Stiemke `weights` w > 0 on Z with Σ_Z w_i σ_i v_i = 0 for all v ∈ N when
/// `unique` is true and N ≠ {0} (then h ∈ C forces h_Z = 0, and N ∩ {h_Z = 0} = {0} is a rank check).
struct MinimiserCone {
    /// T, increasing.
    let free: [Int]
    /// Z ⊆ T: where h must keep the sign σ_i.
    let zero: [Int]
    /// σ_i, read on Z only.
    let sigma: [Int]
    /// How a message names T, e.g. "the equicorrelation set".
    let name: String

    /// Why the `unique` claim and its witness do not prove what they say, or nil when they do.
    /// `positiveDefinite` is the verified `problem.positiveDefinite`: every M_TT is then nonsingular.
    func failure(_ claim: ParsedCertificate.Uniqueness, _ problem: ParsedCertificate.Problem) -> String? {
        let M = problem.M, inT = Set(free), inZ = Set(zero)
        var names: String { name + " {" + free.map { String($0 + 1) }.joined(separator: ", ") + "}" }
        // A null vector of M_TT as the full-length direction it is.
        func full(_ v: [Rational]) -> String {
            var out = Exact.zeros(M.count)
            for (a, i) in free.enumerated() { out[i] = v[a] }
            return vectorText(out)
        }
        if !claim.unique {
            if claim.weights != nil { return "weights are given but unique is false" }
            guard let h = claim.direction else { return "unique is false but no direction witness is given" }
            if Exact.isZero(h) { return "the direction witness is zero" }
            if let i = h.indices.first(where: { !h[$0].isZero && !inT.contains($0) }) {
                return "the direction moves coordinate \(i + 1), which is not in \(names)"
            }
            if !Exact.isZero(Exact.product(M, h)) { return "the direction d = \(vectorText(h)) has M·d ≠ 0" }
            if let i = zero.first(where: { Rational(sigma[$0]) * h[$0] < .zero }) {
                return "the direction leaves the sign cone at coordinate \(i + 1) (x_\(i + 1) = 0 must keep the sign \(sigma[i]))"
            }
            return nil
        }
        if claim.direction != nil { return "a direction is given but unique is true" }
        // In T coordinates. A principal submatrix of a PD matrix is PD: no elimination needed.
        let kernel = problem.positiveDefinite ? [] : NullSpace.basis(free.map { i in free.map { j in M[i][j] } }, columns: free.count)
        if kernel.isEmpty {
            if claim.weights != nil { return "weights are given but M on \(names) is nonsingular, so none are needed" }
            return nil
        }
        if zero.isEmpty {
            return "unique is true but M on \(names) is singular and no coordinate of it is held at 0 by a sign, so x can move along its null direction \(full(kernel[0]))"
        }
        guard let w = claim.weights else {
            return "unique is true but M on \(names) is singular and no weights witness is given"
        }
        for i in w.indices where inZ.contains(i) ? w[i].signum <= 0 : !w[i].isZero {
            return "weight \(i + 1) is \(w[i]); weights must be > 0 on the coordinates held at 0 and 0 elsewhere"
        }
        for v in kernel {
            var pairing = Rational.zero
            for (a, i) in free.enumerated() where inZ.contains(i) { pairing.addProduct(w[i] * Rational(sigma[i]), v[a]) }
            if !pairing.isZero { return "the weights are not orthogonal to the null direction \(full(v)) of M on \(names)" }
        }
        let kernelOnZero = kernel.map { v in free.indices.filter { inZ.contains(free[$0]) }.map { v[$0] } }
        if NullSpace.rank(kernelOnZero, columns: zero.count) != kernel.count {
            return "unique is true but a null direction of M on \(names) vanishes on the coordinates held at 0"
        }
        return nil
    }
}
