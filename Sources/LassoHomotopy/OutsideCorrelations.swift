import ExactArithmetic

/// The correlations of one integer segment outside its support S (docs/math.md §1):
/// L·c_j(κ) = (C0_j + κ̃·C1_j)/D with C0_j = r̃_j·D − Σ_{i∈S} M̃_ji·U_i and
/// C1_j = Σ_{i∈S} M̃_ji·W_i. Exact, they cost d·|S| products of ~|S|·log‖M̃‖-bit numbers per
/// segment, though only the event that ends the segment and its near-ties need them. So they are
/// kept as approximations with a proven error, from U, W and D truncated to their leading bits:
/// with Û_i = ⌊U_i/2^h⌋, Ŵ_i = ⌊W_i/2^h⌋, D̂ = ⌊D/2^h⌋ (each within 2^h below the true value),
///
///     Ĉ0_j = r̃_j·D̂ − Σ M̃_ji·Û_i,  Ĉ1_j = Σ M̃_ji·Ŵ_i,
///     |C0_j − 2^h·Ĉ0_j| < 2^h·E_j,  |C1_j − 2^h·Ĉ1_j| < 2^h·E_j,  E_j = |r̃_j| + Σ_i |M̃_ji|,
///
/// and `exact(j)` forms the two exact numerators of one coordinate. With h = 0 the
/// approximations are exact and the bound is 0.
struct OutsideCorrelations {
    let shift: Int
    /// D̂ = ⌊D/2^h⌋.
    let determinant: BigInteger
    /// Ĉ0_j, Ĉ1_j (0 on the support).
    let c0: [BigInteger]
    let c1: [BigInteger]
    /// E_j when h > 0, else 0.
    let bound: [BigInteger]

    private let scaled: ScaledProblem
    private let support: [Int]
    private let U: [BigInteger]
    private let W: [BigInteger]
    private let exactDeterminant: BigInteger

    /// `support` with U, W (indexed by coordinate) and D = det(M̃_SS); `rowBounds[j]` = E_j;
    /// `keptBits` leading bits of the largest of U, W, D are kept.
    init(scaled: ScaledProblem, support: [Int], U: [BigInteger], W: [BigInteger], determinant: BigInteger,
         rowBounds: [BigInteger], keptBits: Int) {
        self.scaled = scaled
        self.support = support
        self.U = U
        self.W = W
        exactDeterminant = determinant
        let widest = support.reduce(determinant.bitWidth) { max($0, U[$1].bitWidth, W[$1].bitWidth) }
        let h = max(0, widest - keptBits)
        shift = h
        let d = scaled.d
        let truncatedU = support.map { U[$0].floorShiftedRight(h) }, truncatedW = support.map { W[$0].floorShiftedRight(h) }
        self.determinant = determinant.floorShiftedRight(h)
        var inSupport = [Bool](repeating: false, count: d)
        for i in support { inSupport[i] = true }
        var c0 = [BigInteger](repeating: BigInteger(0), count: d), c1 = c0
        for j in 0..<d where !inSupport[j] {
            var a = scaled.r[j] * self.determinant, b = BigInteger(0)
            for (p, i) in support.enumerated() {
                let m = scaled.M[j * d + i]
                if m.isZero { continue }
                a.subtractProduct(m, truncatedU[p])
                b.addProduct(m, truncatedW[p])
            }
            c0[j] = a
            c1[j] = b
        }
        self.c0 = c0
        self.c1 = c1
        bound = h == 0 ? Array(repeating: BigInteger(0), count: d) : rowBounds
    }

    /// E_j = |r̃_j| + Σ_i |M̃_ji| for every j: the factor of 2^h in the approximations' error.
    static func rowBounds(_ scaled: ScaledProblem) -> [BigInteger] {
        let d = scaled.d
        return (0..<d).map { j in
            var e = scaled.r[j].magnitude
            for i in 0..<d { e += scaled.M[j * d + i].magnitude }
            return e
        }
    }

    /// The exact (C0_j, C1_j) for a coordinate outside the support.
    func exact(_ j: Int) -> (c0: BigInteger, c1: BigInteger) {
        let d = scaled.d
        var a = scaled.r[j] * exactDeterminant, b = BigInteger(0)
        for i in support {
            let m = scaled.M[j * d + i]
            if m.isZero { continue }
            a.subtractProduct(m, U[i])
            b.addProduct(m, W[i])
        }
        return (a, b)
    }
}
