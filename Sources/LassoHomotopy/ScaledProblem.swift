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
        var c: [BigInteger] = [], scratch: [BigInteger] = []
        let denominator = correlation(x, into: &c, scratch: &scratch)
        return (c, denominator)
    }

    /// `correlation(_:)` written into `c` (numerators) and `scratch` (δx), whose integers are
    /// reused when no other value shares them: a certificate checking knot after knot allocates
    /// nothing once the sizes have settled. Returns the denominator.
    func correlation(_ x: [Rational], into c: inout [BigInteger], scratch: inout [BigInteger]) -> BigInteger {
        var support: [Int] = []
        for i in x.indices where !x[i].isZero { support.append(i) }
        // Path solutions mostly share one denominator: test divisibility before taking an lcm.
        var delta = BigInteger(1)
        for i in support { x[i].widen(&delta) }
        while scratch.count < support.count { scratch.append(BigInteger(0)) }
        for (p, i) in support.enumerated() { x[i].integer(over: delta, into: &scratch[p]) }
        if c.count != d { c = (0..<d).map { _ in BigInteger(0) } }
        for j in 0..<d {
            c[j].setProduct(r[j], delta)
            for (p, i) in support.enumerated() {
                let m = M[j * d + i]
                if !m.isZero { c[j].subtractProduct(m, scratch[p]) }
            }
        }
        return scale * delta
    }
}
