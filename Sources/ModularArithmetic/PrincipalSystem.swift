import ExactArithmetic

/// The linear system K_SS·x = p_S for a positive definite principal submatrix of a symmetric
/// integer matrix K, while S gains or loses one index: exact det(K_SS) and the solution
/// numerators v = adj(K_SS)·p_S (so x = v / det), maintained modulo word-size primes.
///
/// Per prime, adj(K_SS), det and v are updated by the fraction-free formulas below in O(|S|²)
/// word operations; the exact det and v are rebuilt by Chinese remaindering after every change.
/// This replaces O(|S|²) operations on integers of |S|·log‖K‖ bits by word operations, which is
/// where the DLN limit spends its time (docs/math.md §5's face solves).
/// Bordering with j (m = K_Sj, k = K_jj, u = adj·m, D' = k·D − mᵀu):
///   adj' = [[(D'·adj + u uᵀ)/D, −u], [−uᵀ, D]],  v'_j = D p_j − mᵀv,  v'_S = (D' v − u v'_j)/D.
/// Removal of position k: adj'_ab = (adj_ab adj_kk − adj_ak adj_kb)/D, det' = adj_kk,
///   v'_a = (adj_kk v_a − adj_ak v_k)/D; the last index then moves to position k.
///
/// Exactness: every det, adjugate entry and numerator is a minor of the bordered matrix [K | p]
/// on the columns S ∪ {j} and p, so by Hadamard's inequality it is less than 2^B in absolute
/// value, B = Σ bits(‖column‖₁) over those columns; the primes are kept with product > 2^(B+1),
/// so the reconstruction is exact. A prime dividing a determinant that must be inverted is
/// "unlucky" (probability about |S|/2³⁰ per prime and step): that is reported, never guessed.
package struct PrincipalSystem: Sendable {
    package enum Failure: Error { case singular, unlucky }

    /// One prime's state: adj(K_SS) with row stride `stride`, det and v modulo p.
    private struct Residues: Sendable {
        let modulus: Modulus
        var adjugate: [UInt64]
        var determinant: UInt64 = 1
        var numerators: [UInt64] = []
    }

    /// S, in the order of `numerators`.
    package private(set) var indices: [Int] = []
    /// p_S, parallel to `indices`.
    package private(set) var rhs: [BigInteger] = []
    /// det(K_SS) > 0 (1 for the empty matrix).
    package private(set) var determinant = BigInteger(1)
    /// adj(K_SS)·p_S, parallel to `indices`.
    package private(set) var numerators: [BigInteger] = []

    private let K: [[BigInteger]]
    /// bits(‖K_{:,j}‖₁) per column, and bits(‖p‖₁) for the right-hand side (any signs).
    private let columnBits: [Int]
    private let rhsBits: Int
    private var basis = ResidueBasis()
    private var residues: [Residues] = []
    private var stride = 8
    private var nextPrimeBelow: UInt64

    /// `rhsBound[i]` bounds |p_i| for every right-hand side that will be used; `primeOffset`
    /// selects a disjoint range of primes (used after an unlucky prime).
    package init(K: [[BigInteger]], rhsBound: [BigInteger], primeOffset: Int = 0) {
        self.K = K
        columnBits = K.indices.map { j in
            var norm = rhsBound[j].magnitude
            for row in K { norm += row[j].magnitude }
            return norm.bitWidth
        }
        rhsBits = rhsBound.reduce(BigInteger(0)) { $0 + $1.magnitude }.bitWidth
        nextPrimeBelow = (1 << 30) - UInt64(primeOffset) * (1 << 22)
    }

    /// Adds index j with right-hand side p_j. On failure nothing changes: `.singular` when K on
    /// S ∪ {j} is not positive definite, `.unlucky` when a prime divides det(K_SS).
    package mutating func append(_ j: Int, rhs pj: BigInteger) -> Failure? {
        let needed = (indices + [j]).reduce(rhsBits) { $0 + columnBits[$1] } + 2
        guard ensurePrimes(bits: needed) else { return .unlucky }
        let n = indices.count
        if n + 1 > stride { widen(to: 2 * stride) }
        // Phase 1: u and D' modulo every prime; D' exactly, to test positive definiteness.
        let column = indices.map { K[$0][j] }
        var borders: [(u: [UInt64], det: UInt64, vj: UInt64)] = []
        for k in residues.indices {
            guard residues[k].determinant != 0 else { return .unlucky }
            borders.append(Self.border(residues[k], stride: stride, column: column, diagonal: K[j][j], rhs: pj))
        }
        let newDeterminant = basis.reconstruct { borders[$0].det }
        guard newDeterminant.signum > 0 else { return .singular }
        // Phase 2: apply.
        for k in residues.indices { Self.apply(&residues[k], borders[k], n: n, stride: stride) }
        indices.append(j)
        rhs.append(pj)
        determinant = newDeterminant
        rebuildNumerators()
        return nil
    }

    /// Removes the index at position k; the last index moves to position k.
    package mutating func remove(at k: Int) -> Failure? {
        let n = indices.count
        guard residues.allSatisfy({ $0.determinant != 0 }) else { return .unlucky }
        for t in residues.indices { Self.remove(&residues[t], at: k, n: n, stride: stride) }
        indices.swapAt(k, n - 1)
        indices.removeLast()
        rhs.swapAt(k, n - 1)
        rhs.removeLast()
        let states = residues
        determinant = basis.reconstruct { states[$0].determinant }
        rebuildNumerators()
        return nil
    }

    private mutating func rebuildNumerators() {
        let states = residues
        numerators = indices.indices.map { a in basis.reconstruct { states[$0].numerators[a] } }
    }

    /// Adds primes until their product exceeds 2^bits, replaying S for each new prime. Primes
    /// are added in batches (each prime is above 2²⁹, so gives at least 29 bits).
    private mutating func ensurePrimes(bits: Int) -> Bool {
        while basis.bits < bits {
            var batch: [Modulus] = []
            var gained = 0
            while basis.bits + gained < bits {
                guard let m = Modulus.prime(below: nextPrimeBelow) else { return false }
                nextPrimeBelow = m.p
                var state = Residues(modulus: m, adjugate: [UInt64](repeating: 0, count: stride * stride))
                var ok = true
                for (n, i) in indices.enumerated() {
                    let b = Self.border(state, stride: stride, column: indices[..<n].map { K[$0][i] }, diagonal: K[i][i], rhs: rhs[n])
                    if state.determinant == 0 || b.det == 0 { ok = false; break }
                    Self.apply(&state, b, n: n, stride: stride)
                }
                if ok {
                    batch.append(m)
                    residues.append(state)
                    gained += 29
                }
            }
            basis.append(contentsOf: batch)
        }
        return true
    }

    private mutating func widen(to newStride: Int) {
        for k in residues.indices {
            var wide = [UInt64](repeating: 0, count: newStride * newStride)
            for a in 0..<indices.count { for b in 0..<indices.count { wide[a * newStride + b] = residues[k].adjugate[a * stride + b] } }
            residues[k].adjugate = wide
        }
        stride = newStride
    }

    /// u = adj·m, D' = k·D − mᵀu and v'_j = D p_j − mᵀv modulo one prime.
    private static func border(_ r: Residues, stride: Int, column: [BigInteger], diagonal: BigInteger, rhs: BigInteger)
        -> (u: [UInt64], det: UInt64, vj: UInt64) {
        let f = r.modulus, p = f.p
        let m = column.map(f.residue)
        let n = m.count
        var u = [UInt64](repeating: 0, count: n)
        for a in 0..<n {
            var sum: UInt64 = 0
            for b in 0..<n {
                sum += r.adjugate[a * stride + b] * m[b] // < 2⁶⁰ each; reduce every 8 terms
                if b & 7 == 7 { sum %= p }
            }
            u[a] = sum % p
        }
        var mu: UInt64 = 0, mv: UInt64 = 0
        for a in 0..<n {
            mu = (mu + m[a] * u[a]) % p
            mv = (mv + m[a] * r.numerators[a]) % p
        }
        let det = (f.multiply(f.residue(diagonal), r.determinant) + p - mu) % p
        let vj = (f.multiply(f.residue(rhs), r.determinant) + p - mv) % p
        return (u, det, vj)
    }

    private static func apply(_ r: inout Residues, _ b: (u: [UInt64], det: UInt64, vj: UInt64), n: Int, stride: Int) {
        let f = r.modulus
        let inverse = f.inverse(r.determinant), shoup = f.shoup(inverse)
        let u = b.u
        for a in 0..<n {
            for c in a..<n {
                let t = b.det * r.adjugate[a * stride + c] + u[a] * u[c]
                let value = f.multiply(t, by: inverse, shoup: shoup)
                r.adjugate[a * stride + c] = value
                r.adjugate[c * stride + a] = value
            }
            r.adjugate[a * stride + n] = f.negate(u[a])
            r.adjugate[n * stride + a] = f.negate(u[a])
            r.numerators[a] = f.multiply(b.det * r.numerators[a] + f.negate(u[a]) * b.vj, by: inverse, shoup: shoup)
        }
        r.adjugate[n * stride + n] = r.determinant
        r.numerators.append(b.vj)
        r.determinant = b.det
    }

    private static func remove(_ r: inout Residues, at k: Int, n: Int, stride: Int) {
        let f = r.modulus
        let inverse = f.inverse(r.determinant), shoup = f.shoup(inverse)
        let pivot = r.adjugate[k * stride + k]
        for a in 0..<n where a != k {
            let ak = f.negate(r.adjugate[a * stride + k])
            for c in a..<n where c != k {
                let t = pivot * r.adjugate[a * stride + c] + ak * r.adjugate[k * stride + c]
                let value = f.multiply(t, by: inverse, shoup: shoup)
                r.adjugate[a * stride + c] = value
                r.adjugate[c * stride + a] = value
            }
            r.numerators[a] = f.multiply(pivot * r.numerators[a] + ak * r.numerators[k], by: inverse, shoup: shoup)
        }
        r.determinant = pivot
        // Move the last index into position k.
        let last = n - 1
        if k != last {
            for c in 0..<n { r.adjugate[k * stride + c] = r.adjugate[last * stride + c] }
            for a in 0..<n { r.adjugate[a * stride + k] = r.adjugate[a * stride + last] }
            r.adjugate[k * stride + k] = r.adjugate[last * stride + last]
            r.numerators[k] = r.numerators[last]
        }
        for c in 0..<n { r.adjugate[last * stride + c] = 0; r.adjugate[c * stride + last] = 0 }
        r.numerators.removeLast()
    }
}
