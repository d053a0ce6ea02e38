import ExactArithmetic

/// The fraction-free (Bareiss) form of `SemidefiniteFactorisation`, for entries beyond the Int64
/// fast path. A is scaled to integers once, A' = δ·DAD (D a power of two per index,
/// `balancingShifts`; δ the lcm of the denominators left), and every entry of the elimination is
/// then a minor of A' (Sylvester's identity makes each division exact), so no gcd is taken until
/// a vector is read out, one per entry.
///
/// Same pivot order and the same answers as the rational form: with R the nonzero pivots,
/// `solve` gives z_R = A_RR⁻¹b_R and z = 0 off R, and the null vector at k is
/// e_k − A_{R<k}⁻¹A_{R<k,k} (both are what L⁻ᵀD⁺L⁻¹ and L⁻ᵀe_k work out to).
struct BareissLDL: Sendable {
    let order: Int
    /// δ, the lcm of DAD's denominators.
    private let scale: BigInteger
    /// Row-major n×n; at (i, j), i ≥ j, the Bareiss value when column j was eliminated:
    /// det A'[R_{<j} ∪ {i}, R_{<j} ∪ {j}]. Zero below a null index.
    private let minors: [BigInteger]
    /// det A'_{R<j}: the Bareiss divisor at j (1 before the first pivot).
    private let divisors: [BigInteger]
    /// det A'_RR.
    private let determinant: BigInteger
    let isPivot: [Bool]
    /// k_i of the symmetric scaling D = diag(2^k_i) applied before δ (`balancingShifts`).
    private let shifts: [Int]

    /// Nil when A is not positive semidefinite (a negative pivot, or a zero pivot with a
    /// nonzero entry below it).
    init?(symmetric elements: [Rational], order n: Int) {
        let shifts = Self.balancingShifts(elements, order: n)
        let balanced = shifts.allSatisfy { $0 == 0 } ? elements : (0..<(n * n)).map { index in
            elements[index].isZero ? .zero : elements[index] * Rational(2).power(shifts[index / n] + shifts[index % n])
        }
        let delta = balanced.leastCommonDenominator
        var a = balanced.integers(over: delta)
        var isPivot = [Bool](repeating: false, count: n)
        var divisors = [BigInteger](repeating: BigInteger(1), count: n)
        var previous = BigInteger(1)
        var t = BigInteger(0)
        for j in 0..<n {
            divisors[j] = previous
            let pivot = a[j * n + j]
            if pivot.signum < 0 { return nil }
            if pivot.isZero {
                for i in (j + 1)..<max(j + 1, n) where !a[i * n + j].isZero { return nil }
                continue
            }
            isPivot[j] = true
            let unitDivisor = previous == BigInteger(1)
            for i in (j + 1)..<max(j + 1, n) {
                let aij = a[i * n + j]
                for k in (j + 1)...i {
                    t.setProduct(pivot, a[i * n + k])
                    if !aij.isZero { t.subtractProduct(aij, a[k * n + j]) }
                    if !unitDivisor { t.divideExactly(by: previous) }
                    swap(&t, &a[i * n + k])
                }
            }
            previous = pivot
        }
        order = n
        self.shifts = shifts
        scale = delta
        minors = a
        self.divisors = divisors
        determinant = previous
        self.isPivot = isPivot
    }

    func solve(_ b: [Rational]) -> SemidefiniteFactorisation.Solution {
        let n = order
        let db = (0..<n).map { b[$0].isZero || shifts[$0] == 0 ? b[$0] : b[$0] * Rational(2).power(shifts[$0]) }
        let tau = db.leastCommonDenominator
        var beta = db.integers(over: tau)       // A'ẑ = τ·Db, so z = δ·Dẑ/τ
        var t = BigInteger(0)
        // Forward elimination of the right-hand side; β_j is final once column j is eliminated.
        for j in 0..<n {
            guard isPivot[j] else {
                if beta[j].isZero { continue }
                // (L⁻¹b)_k = β_k / (det A'_{R<k}·τ·2^k_k), and the null vector at k certifies it.
                return .inconsistent(nullVector: nullVector(at: j), value: fraction(beta[j], divisors[j] * tau, shift: -shifts[j]))
            }
            let pivot = minors[j * n + j]
            let unitDivisor = divisors[j] == BigInteger(1)
            for i in (j + 1)..<max(j + 1, n) {
                t.setProduct(pivot, beta[i])
                let aij = minors[i * n + j]
                if !aij.isZero { t.subtractProduct(aij, beta[j]) }
                if !unitDivisor { t.divideExactly(by: divisors[j]) }
                swap(&t, &beta[i])
            }
        }
        // ζ = det A'_RR·ẑ is integral (Cramer); back substitution keeps it so, each division exact.
        var zeta = [BigInteger](repeating: BigInteger(0), count: n)
        for i in stride(from: n - 1, through: 0, by: -1) where isPivot[i] {
            t.setProduct(determinant, beta[i])
            for m in (i + 1)..<max(i + 1, n) where isPivot[m] && !zeta[m].isZero { t.subtractProduct(minors[m * n + i], zeta[m]) }
            t.divideExactly(by: minors[i * n + i])
            swap(&t, &zeta[i])
        }
        let denominator = determinant * tau
        return .solution(zeta.indices.map { zeta[$0].isZero ? .zero : fraction(zeta[$0] * scale, denominator, shift: shifts[$0]) })
    }

    /// The null vector at a null index k, e_k − A_{R<k}⁻¹A_{R<k,k}, as η/det A'_{R<k} with η
    /// integral (Cramer again).
    func nullVector(at k: Int) -> [Rational] {
        let n = order
        var eta = [BigInteger](repeating: BigInteger(0), count: n)
        eta[k] = divisors[k]
        var t = BigInteger(0)
        for i in stride(from: k - 1, through: 0, by: -1) where isPivot[i] {
            t = BigInteger(0)
            for m in (i + 1)...k where (isPivot[m] || m == k) && !eta[m].isZero { t.subtractProduct(minors[m * n + i], eta[m]) }
            t.divideExactly(by: minors[i * n + i])
            swap(&t, &eta[i])
        }
        return eta.indices.map { eta[$0].isZero ? .zero : fraction(eta[$0], divisors[k], shift: shifts[$0] - shifts[k]) }
    }

    /// (numerator/denominator)·2^shift, reduced.
    private func fraction(_ numerator: BigInteger, _ denominator: BigInteger, shift: Int) -> Rational {
        shift >= 0 ? Rational(numerator.shiftedLeft(shift), denominator) : Rational(numerator, denominator.shiftedLeft(-shift))
    }

    /// Float64 data give each index its own power of two (its column's exponent), and one common
    /// denominator would pad every entry to the longest's length. D = diag(2^k_i) with k_i =
    /// −⌊v₂(A_ii)/2⌋ brings each diagonal entry's 2-adic valuation to 0 or 1, so the minors stay
    /// as short as the data (one-hot columns beside float ones). A' = DAD has the same pivots
    /// and null indices; answers are scaled back exactly: z = Dz', h = Dh'/2^k_k, y_k = y'_k/2^k_k.
    static func balancingShifts(_ elements: [Rational], order n: Int) -> [Int] {
        (0..<n).map { i in
            let diagonal = elements[i * n + i]
            if diagonal.isZero { return 0 }
            let valuation = diagonal.numerator.trailingZeroBitCount - diagonal.denominator.trailingZeroBitCount
            return -(valuation >> 1) // −⌊v/2⌋: the shift rounds toward −∞
        }
    }
}
