import ExactArithmetic

/// Re-derives each saddle's `unique` flag (proofs/limit-dual.md, "Uniqueness of x°"): the face
/// minimisers are x + C with C the cone of `MinimiserCone` on T′ = the face coordinates with
/// multiplier 0, Z′ ⊆ T′ those where x_i = 0, and σ the face signs.
enum UniquenessCheck {
    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        var nonUnique = 0
        for k in c.saddles.indices {
            if let why = cone(c, saddle: k).failure(c.saddles[k].uniqueness, c.problem) {
                throw ClaimFailure("limit uniqueness", "\(c.saddleName(k)): \(why)")
            }
            if !c.saddles[k].uniqueness.unique { nonUnique += 1 }
        }
        return nonUnique == 0
            ? "every face minimiser is unique"
            : "\(nonUnique) of \(c.saddles.count) face minimisers are not unique (witness directions verified); the others are"
    }

    /// T′, Z′ and σ at saddle k.
    static func cone(_ c: CheckContext, saddle k: Int) -> MinimiserCone {
        let saddle = c.saddles[k]
        let onFace = (0..<c.d).filter { c.slack(saddle.q[$0], at: saddle.s).isZero }
        let free = onFace.filter { SaddleChecks.multiplier(c, saddle: k, coordinate: $0).isZero }
        return MinimiserCone(free: free, zero: free.filter { saddle.x[$0].isZero }, sigma: saddle.q.map { c.faceSign($0) },
                             name: "the free face coordinates")
    }
}
