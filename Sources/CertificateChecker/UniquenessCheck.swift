import ExactArithmetic

/// Re-derives each saddle's `unique` flag (proofs/limit-dual.md, "Uniqueness of x°").
///
/// With T′ the face coordinates with multiplier 0 and Z′ ⊆ T′ those where x_i = 0, the face
/// minimisers are x + C with C = {d : d = 0 off T′, Md = 0, σ_i d_i ≥ 0 on Z′}. So x is unique
/// iff C = {0}. Two cases are decided by ranks alone: N = null(M_T′T′) = {0} (unique) and
/// N ≠ {0} with Z′ = ∅ (not unique). In general deciding C = {0} is a linear program, so the
/// certificate carries a witness: a `direction` d ∈ C \ {0} when `unique` is false, or Stiemke
/// `weights` w > 0 on Z′ with Σ_{Z′} w_i σ_i v_i = 0 for all v ∈ N when `unique` is true and
/// N ≠ {0} (then d ∈ C forces d_Z′ = 0, and N ∩ {d_Z′ = 0} = {0} is a rank check).
enum UniquenessCheck {
    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        var nonUnique = 0
        for k in c.saddles.indices {
            try saddle(c, k)
            if !c.saddles[k].unique { nonUnique += 1 }
        }
        return nonUnique == 0
            ? "every face minimiser is unique"
            : "\(nonUnique) of \(c.saddles.count) face minimisers are not unique (witness directions verified); the others are"
    }

    static func saddle(_ c: CheckContext, _ k: Int) throws(ClaimFailure) {
        let saddle = c.saddles[k]
        func fail(_ why: String) -> ClaimFailure { ClaimFailure("limit uniqueness", "\(c.saddleName(k)): \(why)") }
        let onFace = (0..<c.d).filter { c.slack(saddle.q[$0], at: saddle.s).isZero }
        let free = onFace.filter { SaddleChecks.multiplier(c, saddle: k, coordinate: $0).isZero }
        let zeroFree = free.filter { saddle.x[$0].isZero }
        let sigma = saddle.q.map { c.faceSign($0) }
        let restricted = c.problem.positiveDefinite ? [] : free.map { i in free.map { j in c.problem.M[i][j] } }
        // In T′ coordinates. A principal submatrix of a PD matrix is PD: no elimination needed.
        let kernel = c.problem.positiveDefinite ? [] : NullSpace.basis(restricted, columns: free.count)
        let names = "{" + free.map { String($0 + 1) }.joined(separator: ", ") + "}"

        if !saddle.unique {
            if saddle.weights != nil { throw fail("weights are given but unique is false") }
            guard let d = saddle.direction else { throw fail("unique is false but no direction witness is given") }
            guard !Exact.isZero(d) else { throw fail("the direction witness is zero") }
            if let i = (0..<c.d).first(where: { !d[$0].isZero && !free.contains($0) }) {
                throw fail("the direction moves coordinate \(i + 1), which is not a free face coordinate \(names)")
            }
            if !Exact.isZero(Exact.product(c.problem.M, d)) { throw fail("the direction d has M·d ≠ 0") }
            if let i = zeroFree.first(where: { Rational(sigma[$0]) * d[$0] < .zero }) {
                throw fail("the direction leaves the face's sign cone at coordinate \(i + 1)")
            }
            return
        }
        if saddle.direction != nil { throw fail("a direction is given but unique is true") }
        if kernel.isEmpty {
            if saddle.weights != nil { throw fail("weights are given but M on the free face coordinates \(names) is nonsingular, so none are needed") }
            return
        }
        if zeroFree.isEmpty {
            throw fail("unique is true but M on the free face coordinates \(names) is singular and all of them are nonzero, so x can move along its null space")
        }
        guard let w = saddle.weights else {
            throw fail("unique is true but M on the free face coordinates \(names) is singular and no weights witness is given")
        }
        for i in 0..<c.d {
            let needed = zeroFree.contains(i)
            if needed ? w[i].signum <= 0 : !w[i].isZero {
                throw fail("weight \(i + 1) is \(w[i]); weights must be > 0 on the free zero coordinates and 0 elsewhere")
            }
        }
        for v in kernel {
            var pairing = Rational.zero
            for (a, i) in free.enumerated() where zeroFree.contains(i) { pairing.addProduct(w[i] * Rational(sigma[i]), v[a]) }
            if !pairing.isZero { throw fail("the weights are not orthogonal to the null direction \(vectorText(v)) of M on \(names)") }
        }
        let kernelOnZero = kernel.map { v in free.indices.filter { zeroFree.contains(free[$0]) }.map { v[$0] } }
        if NullSpace.rank(kernelOnZero, columns: zeroFree.count) != kernel.count {
            throw fail("unique is true but a null direction of M on \(names) vanishes on the zero coordinates")
        }
    }
}
