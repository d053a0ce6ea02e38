import ExactArithmetic
import ExactLinearAlgebra

/// The problem over the integers: `M̃ = L·M`, `r̃ = L·r` with L the least common denominator
/// of all entries. The lasso path of (M̃, r̃) at penalty Lκ is that of (M, r) at κ, so the
/// fraction-free engine and the certificate work with integers and divide once at the end.
struct ScaledProblem: Sendable {
    let d: Int
    let scale: BigInteger
    /// M̃, row-major.
    let M: [BigInteger]
    let r: [BigInteger]

    init(M: Matrix, r: [Rational]) {
        d = r.count
        let l = [M.elements, r].joined().leastCommonDenominator
        scale = l
        self.M = M.elements.integers(over: l)
        self.r = r.integers(over: l)
    }

    /// The largest bit width among the entries of M̃.
    var entryBits: Int { M.reduce(0) { max($0, $1.bitWidth) } }

    /// The correlation c = r − Mx as an integer vector over one positive denominator:
    /// c_i = numerators[i] / denominator. x is put over its least common denominator δ, so
    /// c = (δ r̃ − M̃ X) / (L δ): integer products only (docs/math.md §1 certificate, large instances).
    func correlation(_ x: [Rational]) -> (numerators: [BigInteger], denominator: BigInteger) {
        let support = x.indices.filter { !x[$0].isZero }
        // Path solutions mostly share one denominator: test divisibility before taking an lcm.
        let delta = support.map { x[$0] }.leastCommonDenominator
        let scaled = support.map { x[$0].integer(over: delta) }
        var c = r.map { $0 * delta }
        for j in 0..<d {
            for (p, i) in support.enumerated() {
                let m = M[j * d + i]
                if !m.isZero { c[j].subtractProduct(m, scaled[p]) }
            }
        }
        return (c, scale * delta)
    }
}
