import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// When two problems are the same up to renaming coordinates: `M' = PᵀMP`, `r' = Pᵀr` for a
/// permutation P with signs (x_i ↦ ±x_π(i)). The lasso path, the DLN limit and every property
/// of the search transform along (docs/math.md §0), so the search keeps one of them. The
/// nonnegative lasso is not symmetric under x_i ↦ −x_i: there P is a plain permutation.
enum SignedPermutation {
    /// Whether some signed permutation maps `a` onto `b` (same variant and weight decay).
    /// Backtracking over coordinates, pruned by the diagonal, |r| and every entry already fixed:
    /// small instances (what the search keeps after shrinking) take microseconds.
    static func relates(_ a: Problem, _ b: Problem) -> Bool {
        let d = a.dimension
        guard d == b.dimension, a.variant == b.variant, a.weightDecay == b.weightDecay else { return false }
        guard invariant(a) == invariant(b) else { return false }
        let signs: [Rational] = a.variant == .signed ? [.one, -.one] : [.one]
        var image = [Int](repeating: -1, count: d), sign = [Rational](repeating: .one, count: d)
        var used = [Bool](repeating: false, count: d)

        func extend(_ i: Int) -> Bool {
            if i == d { return true }
            for j in 0..<d where !used[j] && a.M[i, i] == b.M[j, j] {
                for s in signs where a.r[i] == s * b.r[j] {
                    let fits = (0..<i).allSatisfy { k in a.M[i, k] == s * sign[k] * b.M[j, image[k]] }
                    guard fits else { continue }
                    (image[i], sign[i], used[j]) = (j, s, true)
                    if extend(i + 1) { return true }
                    used[j] = false
                }
            }
            return false
        }
        return extend(0)
    }

    /// Unchanged by signed permutations: the sorted diagonal of M and the sorted |r|
    /// (r itself for the nonnegative lasso).
    static func invariant(_ p: Problem) -> [[Rational]] {
        let diagonal = (0..<p.dimension).map { p.M[$0, $0] }.sorted()
        let r = (p.variant == .signed ? p.r.map(\.magnitude) : p.r).sorted()
        return [diagonal, r]
    }
}
