import ExactArithmetic

/// The systems K_SS·x = b_S for a few fixed right-hand sides b, for a positive definite principal
/// submatrix of a symmetric integer matrix K while S gains or loses one index: exact det(K_SS)
/// and the numerators adj(K_SS)·b_S (so x = numerator / det), from K_SS⁻¹ kept modulo word
/// primes (`WordModulus`, 62 bits) and Chinese remaindering (`WordResidueBasis`).
///
/// Per prime and change, O(|S|²) word operations: bordering with j (m = K_Sj, y = K_SS⁻¹m,
/// σ = K_jj − mᵀy = det'/det) gives `K⁻¹' = [[K⁻¹ + yyᵀ/σ, −y/σ], [−yᵀ/σ, 1/σ]]` and
/// x' = (x − yρ, ρ) with ρ = (b_j − mᵀx)/σ; removing position q (β = K⁻¹_qq = det'/det) gives
/// `K⁻¹' = K⁻¹₋q₋q − K⁻¹₋q,q K⁻¹q,₋q/β` and x' = x₋q − K⁻¹₋q,q x_q/β.
/// This replaces the fraction-free bordered adjugate's O(|S|²) products of |S|·log‖K‖-bit
/// integers by word operations plus one reconstruction per exact value.
///
/// Exactness: det(K_SS) and every numerator is a minor of [K | b] on the columns S and b, so by
/// Hadamard's inequality its absolute value is below 2^B, B = Σ_{j∈S} ⌈log₂‖K_{:,j}‖₂⌉ +
/// ⌈log₂ max_b ‖b‖₂⌉; the primes used for a reconstruction have product above 2^(B+1), so it is
/// exact. A zero determinant has zero residues, so singularity is decided exactly too. A prime
/// dividing det(K_SS) (an "unlucky" one, probability about |S|·2⁻⁶¹ per change) cannot hold
/// K_SS⁻¹; it is replaced by a fresh prime, factorised from scratch. K is meant to be positive
/// semidefinite (the lasso's M̃): a change is then singular exactly when it is so modulo every
/// prime, and each prime is updated as soon as its own residues show it is not; a change to a
/// negative determinant (K not PSD) is refused too, by refactorising the previous S.
///
/// A reference type: the per-prime matrices are large and updated in place.
package final class PrincipalInverse {
    package enum Failure: Error { case singular }

    private let d: Int
    /// K, row-major d×d.
    private let K: [BigInteger]
    private let columnBits: [Int]
    private let rhsBits: Int
    private let rhsCount: Int

    /// S, in the order of `numerators`' entries (a removal moves the last index into the gap).
    package private(set) var indices: [Int] = []
    /// det(K_SS) > 0 (1 for the empty set).
    package private(set) var determinant = BigInteger(1)
    /// `numerators[c][a]` = (adj(K_SS)·b_c)_a, parallel to `indices`.
    package private(set) var numerators: [[BigInteger]]

    /// The right-hand sides' entries for S, `rhs[a][c]` = b_c at `indices[a]`.
    private var rhs: [[BigInteger]] = []
    private var states: [PrimeState] = []
    /// How many indices the per-prime buffers hold.
    private(set) var capacity = 0
    /// The largest |S| expected: `capacity` grows past it only if S does.
    private let sizeLimit: Int
    private var nextPrimeBelow: UInt64 = 1 << 62
    private let bases = BasisCache()

    /// `rhsBounds` bounds every right-hand side that will be given, entrywise in absolute value
    /// (one vector of length d per right-hand side); `maximumSize` is the largest |S| expected
    /// (rank K bounds it: K_SS is positive definite). The per-prime buffers grow by doubling but
    /// not past it: at d = 200 they would go from 128 to 256 indices, 64% more words than the
    /// 200 they can ever hold. With `primesUpFront`, enough primes for it are set up at once,
    /// while S is small and factorising is cheap.
    package init(K: [BigInteger], dimension d: Int, rhsBounds: [[BigInteger]], maximumSize: Int, primesUpFront: Bool = true) {
        precondition(K.count == d * d && rhsBounds.allSatisfy { $0.count == d }, "dimension mismatch")
        self.d = d
        self.K = K
        rhsCount = rhsBounds.count
        func normBits(_ v: some Sequence<BigInteger>) -> Int {
            var s = BigInteger(0)
            for x in v where !x.isZero { s.addProduct(x, x) }
            return (s.bitWidth + 1) / 2 // ‖v‖₂ < 2^this
        }
        columnBits = (0..<d).map { j in normBits((0..<d).lazy.map { K[$0 * d + j] }) }
        rhsBits = rhsBounds.map { normBits($0) }.max() ?? 0
        numerators = Array(repeating: [], count: rhsCount)
        sizeLimit = max(1, min(maximumSize, d))
        let largest = columnBits.sorted(by: >).prefix(primesUpFront ? sizeLimit : 0).reduce(rhsBits, +)
        ensurePrimes(Self.primeCount(bits: largest))
    }

    package var count: Int { indices.count }

    /// Primes (each above 2⁶¹) whose product exceeds 2^(bits+1).
    private static func primeCount(bits: Int) -> Int { (bits + 2 + 60) / 61 }

    private func bound(_ s: some Sequence<Int>) -> Int { s.reduce(rhsBits) { $0 + columnBits[$1] } }

    /// Empties S (the primes are kept).
    package func removeAll() {
        indices = []
        rhs = []
        determinant = BigInteger(1)
        numerators = Array(repeating: [], count: rhsCount)
        for s in states { s.determinant = 1 }
    }

    /// Adds index j with right-hand-side entries `b` (one per right-hand side). On `.singular`
    /// (K on S ∪ {j} is not positive definite) nothing changes.
    ///
    /// K is positive semidefinite, so det(K_{S∪j}) = det(K_SS)·σ ≥ 0, and it is 0 exactly when σ
    /// is 0 modulo every prime (their product exceeds twice the bound; det(K_SS) is a unit modulo
    /// each). So each prime is bordered and updated in one pass, while its inverse is in cache,
    /// whenever its σ is nonzero; a singular K_{S∪j} leaves every prime untouched.
    package func append(_ j: Int, rhs b: [BigInteger]) -> Failure? {
        precondition(b.count == rhsCount && !indices.contains(j), "bad index or right-hand side")
        let k = indices.count
        let primes = Self.primeCount(bits: bound(indices) + columnBits[j])
        ensurePrimes(primes)
        reserve(k + 1)
        let column = indices.map { K[$0 * d + j] }
        let diagonal = K[j * d + j]
        var unlucky: [Int] = []
        for (t, s) in states.enumerated() {
            let border = s.border(column: column, diagonal: diagonal)
            if border.sigma == 0 { unlucky.append(t) } else { s.apply(border, rhs: b, size: k) }
        }
        if unlucky.count == states.count { return .singular }
        let newDeterminant = basis(primes).reconstruct { t in unlucky.contains(t) ? 0 : states[t].determinant }
        guard newDeterminant.signum > 0 else { return restore() }
        indices.append(j)
        rhs.append(b)
        determinant = newDeterminant
        replace(unlucky)
        rebuildNumerators(primes)
        return nil
    }

    /// Removes the index at position q; the last index moves to position q. On `.singular`
    /// (what remains is singular) nothing changes. As in `append`, det(K_S\q) = det(K_SS)·(K_SS⁻¹)_qq
    /// is 0 exactly when the pivot is 0 modulo every prime.
    package func remove(at q: Int) -> Failure? {
        let k = indices.count
        precondition(q < k, "position out of range")
        var rest = indices
        rest.remove(at: q)
        let primes = Self.primeCount(bits: bound(rest))
        var unlucky: [Int] = []
        for (t, s) in states.enumerated() {
            if s.diagonal(q) == 0 { unlucky.append(t) } else { s.remove(at: q, size: k) }
        }
        if unlucky.count == states.count { return .singular }
        let newDeterminant = basis(primes).reconstruct { t in unlucky.contains(t) ? 0 : states[t].determinant }
        guard newDeterminant.signum > 0 else { return restore() }
        indices.swapAt(q, k - 1)
        indices.removeLast()
        rhs.swapAt(q, k - 1)
        rhs.removeLast()
        determinant = newDeterminant
        replace(unlucky)
        rebuildNumerators(primes)
        return nil
    }

    /// Refactorises every prime on S from scratch after an update whose determinant came out
    /// negative, which a positive semidefinite K never gives (this K is not); reports `.singular`,
    /// so that, as promised, nothing has changed.
    private func restore() -> Failure {
        let count = states.count
        states = states.compactMap { fresh($0.modulus) }
        ensurePrimes(count)
        return .singular
    }

    /// numerator = det·x, reconstructed from det_t·x_t·w_t modulo each of the first `primes`.
    private func rebuildNumerators(_ primes: Int) {
        let b = basis(primes)
        let factors = (0..<primes).map { t in
            let f = states[t].modulus.multiply(states[t].determinant, b.weights[t])
            return (f, states[t].modulus.shoup(f))
        }
        let k = indices.count, stride = capacity
        let solutions = states.prefix(primes).map(\.solutions), moduli = b.moduli
        numerators = (0..<rhsCount).map { c in
            (0..<k).map { a in
                b.combine { t in moduli[t].multiply(solutions[t][c * stride + a], by: factors[t].0, shoup: factors[t].1) }
            }
        }
    }

    /// The basis of the first `count` primes (cached).
    private func basis(_ count: Int) -> WordResidueBasis { bases.basis(states.prefix(count).map(\.modulus)[...]) }

    /// The solutions K_SS⁻¹·b_c modulo every prime, as they are now.
    package func solutionResidues() -> SolutionResidues {
        let k = indices.count
        return SolutionResidues(indices: indices, moduli: states.map(\.modulus), residues: states.map { s in
            (0..<rhsCount).flatMap { c in UnsafeBufferPointer(start: s.solutions + c * capacity, count: k) }
        }, bases: bases)
    }

    /// Grows the per-prime buffers to hold n indices.
    private func reserve(_ n: Int) {
        guard n > capacity else { return }
        let wider = max(n, min(2 * capacity, sizeLimit), min(8, sizeLimit))
        for s in states { s.widen(from: capacity, to: wider, size: indices.count, rhsCount: rhsCount) }
        capacity = wider
    }

    /// Adds primes, each factorised from scratch on S, until there are `count`.
    private func ensurePrimes(_ count: Int) {
        while states.count < count {
            let m = WordModulus.primes(count: 1, below: nextPrimeBelow)[0]
            nextPrimeBelow = m.p
            if let s = fresh(m) { states.append(s) }
        }
    }

    /// Drops the unlucky primes (positions in `states`, increasing) and adds fresh ones.
    private func replace(_ unlucky: [Int]) {
        guard !unlucky.isEmpty else { return }
        let count = states.count
        for t in unlucky.reversed() { states.remove(at: t) }
        ensurePrimes(count)
    }

    /// K_SS⁻¹ and the solutions modulo m by bordering S in order; nil if m divides a leading minor.
    private func fresh(_ m: WordModulus) -> PrimeState? {
        let s = PrimeState(modulus: m, capacity: capacity, rhsCount: rhsCount)
        for (n, i) in indices.enumerated() {
            let b = s.border(column: indices[..<n].map { K[$0 * d + i] }, diagonal: K[i * d + i])
            if b.sigma == 0 { return nil }
            s.apply(b, rhs: rhs[n], size: n)
        }
        return s
    }
}

/// One prime's K_SS⁻¹, det(K_SS) and solutions K_SS⁻¹b_c (at c·capacity + a). K_SS⁻¹ is
/// symmetric and kept as its lower triangle, row by row (entry (a, b), b ≤ a, at a(a+1)/2 + b):
/// half the words of the full matrix, which takes 320 KB per prime at |S| = 200, for hundreds of primes.
private final class PrimeState {
    let modulus: WordModulus
    private var inverse: UnsafeMutablePointer<UInt64>
    var solutions: UnsafeMutablePointer<UInt64>
    var determinant: UInt64 = 1
    private var capacity: Int
    private let rhsCount: Int

    /// What bordering with one index needs: m = K_Sj and its Shoup constants, y = K⁻¹m, σ.
    struct Border {
        let m: [UInt64]
        let mShoup: [UInt64]
        let y: [UInt64]
        let sigma: UInt64
    }

    init(modulus: WordModulus, capacity: Int, rhsCount: Int) {
        self.modulus = modulus
        self.capacity = capacity
        self.rhsCount = rhsCount
        inverse = .allocate(capacity: max(Self.triangle(capacity), 1))
        inverse.initialize(repeating: 0, count: max(Self.triangle(capacity), 1))
        solutions = .allocate(capacity: max(rhsCount * capacity, 1))
        solutions.initialize(repeating: 0, count: max(rhsCount * capacity, 1))
    }

    deinit {
        inverse.deallocate()
        solutions.deallocate()
    }

    /// Words of the lower triangle of n rows; row a starts at `triangle(a)`.
    @inline(__always) private static func triangle(_ n: Int) -> Int { n * (n + 1) / 2 }

    /// (K_SS⁻¹)_qq.
    func diagonal(_ q: Int) -> UInt64 { inverse[Self.triangle(q) + q] }

    func widen(from old: Int, to new: Int, size: Int, rhsCount: Int) {
        // Rows keep their place in the triangle: only its length changes.
        let wide = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.triangle(new))
        wide.initialize(repeating: 0, count: Self.triangle(new))
        wide.update(from: inverse, count: Self.triangle(size))
        inverse.deallocate()
        inverse = wide
        let sol = UnsafeMutablePointer<UInt64>.allocate(capacity: rhsCount * new)
        sol.initialize(repeating: 0, count: rhsCount * new)
        for c in 0..<rhsCount { (sol + c * new).update(from: solutions + c * old, count: size) }
        solutions.deallocate()
        solutions = sol
        capacity = new
    }

    func border(column: [BigInteger], diagonal: BigInteger) -> Border {
        let f = modulus, k = column.count
        let m = column.map { f.residue($0) }
        let mShoup = m.map { f.shoup($0) }
        var y = [UInt64](repeating: 0, count: k)
        // y_a = Σ_b K⁻¹_ab m_b from row a's entries b ≤ a (summed as the row is read) and from
        // the later rows' entries in column a (summed in `lowerHigh`, `lowerLow` as those rows
        // are read), so each row is read once. Sums are kept in 128 bits: each product is below
        // 2¹²⁴, and every high word is reduced modulo p at least every 8 terms, so it stays
        // below 2⁶² + 8·2⁶⁰ < 2⁶³.
        var lowerHigh = [UInt64](repeating: 0, count: k), lowerLow = [UInt64](repeating: 0, count: k)
        m.withUnsafeBufferPointer { m in
            lowerHigh.withUnsafeMutableBufferPointer { lh in
                lowerLow.withUnsafeMutableBufferPointer { ll in
                    for a in 0..<k {
                        let row = inverse + Self.triangle(a), ma = m[a]
                        var high: UInt64 = 0, low: UInt64 = 0
                        var b = 0
                        while b < a {
                            let end = min(b + 8, a)
                            while b < end {
                                let v = row[b]
                                let (h, l) = v.multipliedFullWidth(by: m[b])
                                let (sum, carry) = low.addingReportingOverflow(l)
                                low = sum
                                high &+= h &+ (carry ? 1 : 0)
                                let (h2, l2) = v.multipliedFullWidth(by: ma)
                                let (sum2, carry2) = ll[b].addingReportingOverflow(l2)
                                ll[b] = sum2
                                lh[b] &+= h2 &+ (carry2 ? 1 : 0)
                                b += 1
                            }
                            high = f.reduce(high)
                        }
                        let (h, l) = row[a].multipliedFullWidth(by: ma)
                        let (sum, carry) = low.addingReportingOverflow(l)
                        y[a] = f.reduce(high: high &+ h &+ (carry ? 1 : 0), low: sum)
                        // Column sums have gained one term per row: reduce them every 8 rows.
                        if a & 7 == 7 { for c in 0..<a { lh[c] = f.reduce(lh[c]) } }
                    }
                }
            }
        }
        var mTy: UInt64 = 0
        for a in 0..<k {
            y[a] = f.add(y[a], f.reduce(high: lowerHigh[a], low: lowerLow[a]))
            mTy = f.add(mTy, f.multiply(y[a], by: m[a], shoup: mShoup[a]))
        }
        return Border(m: m, mShoup: mShoup, y: y, sigma: f.subtract(f.residue(diagonal), mTy))
    }

    /// Borders with the index of `b` (σ ≠ 0); `size` = |S| before.
    func apply(_ b: Border, rhs: [BigInteger], size k: Int) {
        let f = modulus
        let sigmaInverse = f.inverse(b.sigma), sigmaShoup = f.shoup(sigmaInverse)
        let z = b.y.map { f.multiply($0, by: sigmaInverse, shoup: sigmaShoup) }
        // K⁻¹ += y zᵀ, symmetric (z = y/σ), on the lower triangle; the new row is −zᵀ, 1/σ.
        z.withUnsafeBufferPointer { z in
            for a in 0..<k {
                let ya = b.y[a], ys = f.shoup(ya)
                let row = inverse + Self.triangle(a)
                for c in 0...a { row[c] = f.add(row[c], f.multiply(z[c], by: ya, shoup: ys)) }
            }
        }
        let last = inverse + Self.triangle(k)
        for c in 0..<k { last[c] = f.negate(z[c]) }
        last[k] = sigmaInverse
        for c in 0..<rhsCount {
            let x = solutions + c * capacity
            var mTx: UInt64 = 0
            for a in 0..<k { mTx = f.add(mTx, f.multiply(x[a], by: b.m[a], shoup: b.mShoup[a])) }
            let rho = f.multiply(f.subtract(f.residue(rhs[c]), mTx), by: sigmaInverse, shoup: sigmaShoup)
            let rhoShoup = f.shoup(rho)
            for a in 0..<k { x[a] = f.subtract(x[a], f.multiply(b.y[a], by: rho, shoup: rhoShoup)) }
            x[k] = rho
        }
        determinant = f.multiply(determinant, b.sigma)
    }

    /// Removes position q (pivot K⁻¹_qq ≠ 0); `size` = |S| before; the last index moves to q.
    func remove(at q: Int, size k: Int) {
        let f = modulus
        let pivot = diagonal(q)
        let pivotInverse = f.inverse(pivot), pivotShoup = f.shoup(pivotInverse)
        // Column q of the symmetric K⁻¹: row q's entries before the diagonal, then column q of the rows after.
        let column = (0..<k).map { a in a <= q ? inverse[Self.triangle(q) + a] : inverse[Self.triangle(a) + q] }
        let factor = column.map { f.multiply($0, by: pivotInverse, shoup: pivotShoup) }
        column.withUnsafeBufferPointer { column in
            for a in 0..<k where a != q {
                let fa = factor[a], fs = f.shoup(fa)
                let row = inverse + Self.triangle(a)
                for c in 0...a where c != q { row[c] = f.subtract(row[c], f.multiply(column[c], by: fa, shoup: fs)) }
            }
        }
        for c in 0..<rhsCount {
            let x = solutions + c * capacity
            let xq = x[q], xs = f.shoup(xq)
            for a in 0..<k where a != q { x[a] = f.subtract(x[a], f.multiply(factor[a], by: xq, shoup: xs)) }
        }
        determinant = f.multiply(determinant, pivot)
        let last = k - 1, lastRow = inverse + Self.triangle(last)
        if q != last {
            // The last index takes position q: its row before q, its diagonal, and (as column q
            // of the rows between) its entries after q.
            (inverse + Self.triangle(q)).update(from: lastRow, count: q)
            inverse[Self.triangle(q) + q] = lastRow[last]
            for a in (q + 1)..<last { inverse[Self.triangle(a) + q] = lastRow[a] }
            for c in 0..<rhsCount { solutions[c * capacity + q] = solutions[c * capacity + last] }
        }
        lastRow.update(repeating: 0, count: k)
        for c in 0..<rhsCount { solutions[c * capacity + last] = 0 }
    }
}
