import ExactArithmetic
import ProblemDefinition

/// A positive scale per coordinate for the rational engine (`RationalEngine`'s s): the content
/// of each column of the data X, the gcd of its entries' numerators over the lcm of their
/// denominators, so that X = X'S with X' integer and M = S(X'ᵀX'/n)S (or without /n for `.sum`).
/// Any s > 0 gives the same exact path; this one keeps M' = S⁻¹MS⁻¹ small when the columns of X
/// have very different scales (Mairal–Yu: M' has entries of a few bits, M of up to 195 at p = 12).
enum ColumnScaling {
    /// The scales, or nil without data (or when every scale is 1).
    static func of(_ problem: Problem) -> [Rational]? {
        guard let X = problem.data?.X, X.columns == problem.dimension else { return nil }
        let scale = (0..<X.columns).map { j -> Rational in
            let column = X.column(j)
            let l = column.leastCommonDenominator
            var g = BigInteger(0)
            for v in column where !v.isZero { g = BigInteger.gcd(g, v.integer(over: l)) }
            return g.isZero ? .one : Rational(g.magnitude, l)
        }
        return scale.allSatisfy { $0 == .one } ? nil : scale
    }
}
