import ExactArithmetic

/// The `unique` flags of `lasso` (proofs/lasso-uniqueness.md): at every knot, inside every
/// segment, and for the whole path — what `compare` prints as "the lasso solution is not unique
/// on part of the path" and as the knots' `unique` flags.
///
/// At a penalty κ all solutions share c = r − Mx, so with E the equicorrelation set
/// ({i : |c_i| = κ}; positive variant {i : c_i = κ}) and s its signs, the solutions are x + C
/// for the cone C of `MinimiserCone` on T = E, Z = {i ∈ E : x_i = 0}, σ = s — except for the
/// signed lasso at κ = 0, where nothing constrains a sign: T = every coordinate, Z = ∅. Runs
/// after the segment checks: on an open segment E, s and Z are constant, so its midpoint
/// stands for all of it.
enum LassoUniquenessCheck {
    static func check(_ c: CheckContext) throws(ClaimFailure) -> String {
        let claim = "lasso uniqueness"
        var nonUniqueKnots: [Int] = [], nonUniqueSegments: [Int] = []
        for (k, knot) in c.knots.enumerated() {
            if let why = cone(c, lambda: knot.lambda, x: knot.x, correlation: c.knotCorrelations[k]).failure(knot.uniqueness, c.problem) {
                throw ClaimFailure(claim, "\(c.knotName(k)): \(why)")
            }
            if !knot.uniqueness.unique { nonUniqueKnots.append(k) }
        }
        for (k, segment) in c.certificate.segmentUniqueness.enumerated() {
            let upper = c.knots[k], lower = c.knots[k + 1], half = Rational(1, 2)
            let middle = cone(c, lambda: (upper.lambda + lower.lambda) * half,
                              x: Exact.midpoint(upper.x, lower.x),
                              correlation: Exact.midpoint(c.knotCorrelations[k], c.knotCorrelations[k + 1]))
            if let why = middle.failure(segment, c.problem) {
                throw ClaimFailure(claim, "\(segmentName(c, k)): \(why)")
            }
            if !segment.unique { nonUniqueSegments.append(k) }
        }
        let everywhere = nonUniqueKnots.isEmpty && nonUniqueSegments.isEmpty
        guard c.certificate.lassoUnique == everywhere else {
            throw ClaimFailure(claim, everywhere
                ? "the path's unique is false but the solution is unique at every knot and inside every segment"
                : "the path's unique is true but the solution is not unique \(places(c, nonUniqueKnots, nonUniqueSegments))")
        }
        if everywhere { return "the lasso solution is unique for every κ ≥ 0" }
        return "the lasso solution is not unique \(places(c, nonUniqueKnots, nonUniqueSegments)) (witness directions verified); it is unique elsewhere"
    }

    /// T, Z and σ for the solution x at penalty λ, with c = `correlation` (docs/math.md §1).
    static func cone(_ c: CheckContext, lambda: Rational, x: [Rational], correlation g: [Rational]) -> MinimiserCone {
        if c.signed && lambda.isZero {
            return MinimiserCone(free: Array(0..<c.d), zero: [], sigma: [Int](repeating: 0, count: c.d), name: "the coordinates")
        }
        let sigma = g.map { c.signed ? ($0.magnitude == lambda ? $0.signum : 0) : ($0 == lambda ? 1 : 0) }
        let free = (0..<c.d).filter { sigma[$0] != 0 }
        return MinimiserCone(free: free, zero: free.filter { x[$0].isZero }, sigma: sigma, name: "the equicorrelation set")
    }

    /// "segment 2 (λ from 4/3 down to 1)", 1-based.
    static func segmentName(_ c: CheckContext, _ k: Int) -> String {
        "segment \(k + 1) (λ from \(c.knots[k].lambda.short) down to \(c.knots[k + 1].lambda.short))"
    }

    /// "at knots 2, 3 and inside segments 1, 2", 1-based.
    static func places(_ c: CheckContext, _ knots: [Int], _ segments: [Int]) -> String {
        func list(_ word: String, _ k: [Int]) -> String {
            let shown = k.prefix(8).map { String($0 + 1) }.joined(separator: ", ") + (k.count > 8 ? ", … (\(k.count) in all)" : "")
            return "\(word)\(k.count == 1 ? "" : "s") \(shown)"
        }
        let parts = (knots.isEmpty ? [] : ["at " + list("knot", knots)]) + (segments.isEmpty ? [] : ["inside " + list("segment", segments)])
        return parts.joined(separator: " and ")
    }
}
