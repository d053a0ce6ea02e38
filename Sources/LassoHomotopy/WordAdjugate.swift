import ExactArithmetic

/// `M_AA⁻¹ = adj(M_AA)/det(M_AA)` for an integer matrix M held in machine words, kept up to date
/// while A gains or loses one index (the fraction-free form of `BorderedInverse`, docs/math.md §1):
/// with Δ = det M_AA, z = adj(M_AA)·M_Aj and Δ' = Δ·M_jj − M_Ajᵀz, bordering by j gives
/// `det = Δ'`, `adj = [[(Δ'·adj + zzᵀ)/Δ, −z], [−zᵀ, Δ]]`, and removing an index reads the same
/// identity backwards (`adj = (Δ·adj'₋ⱼ₋ⱼ − zzᵀ)/Δ'` with Δ = adj'ⱼⱼ, z = −adj'₋ⱼⱼ). The
/// divisions are exact (Sylvester's identity). Products are formed in 128 bits and every result
/// must fit 64; an overflow is reported, never wrapped, and the caller falls back to `Rational`.
/// The point: a generic knot's update is O(|A|²) word operations and no gcd (Mairal–Yu's scaled
/// M' has entries of 6 bits and unit determinant, so its adjugates stay small).
struct WordAdjugate {
    /// A, in the order the rows and columns of `adjugate` are stored.
    private(set) var indices: [Int] = []
    /// adj(M_AA), row-major, |A|×|A|.
    private(set) var adjugate: [Int64] = []
    /// det(M_AA) (1 for the empty A).
    private(set) var determinant: Int64 = 1
    /// M, row-major, d×d.
    let matrix: [Int64]
    let dimension: Int

    /// The empty A for M (row-major, d×d); nil when an entry of M is not an integer of one word.
    init?(_ entries: [Rational], dimension: Int) {
        var words: [Int64] = []
        words.reserveCapacity(entries.count)
        for e in entries {
            guard e.isInteger, let w = e.numerator.intValue else { return nil }
            words.append(Int64(w))
        }
        matrix = words
        self.dimension = dimension
    }

    /// The same M with A empty.
    var emptied: WordAdjugate {
        var fresh = self
        fresh.indices = []
        fresh.adjugate = []
        fresh.determinant = 1
        return fresh
    }

    /// What bordering by j gives, before it is committed: z = adj·M_Aj (in the order of
    /// `indices`), the new determinant and adjugate.
    struct Bordering {
        let z: [Int64]
        let determinant: Int64
        fileprivate let adjugate: [Int64]
    }

    enum Failure: Error { case singular, overflow }

    func m(_ i: Int, _ j: Int) -> Int64 { matrix[i * dimension + j] }

    /// Bordering by j (not in A): the result, `.singular` when M_A'A' is singular, `.overflow` when
    /// a value leaves the words. Nothing changes until `commit`.
    func bordering(_ j: Int) -> Result<Bordering, Failure> {
        let k = indices.count
        var z = [Int64](filled: 0, count: k)
        var next = Int128(determinant) * Int128(m(j, j))
        for a in 0..<k {
            var s: Int128 = 0
            for b in 0..<k {
                let e = adjugate[a * k + b]
                if e == 0 { continue }
                guard let t = WordAdjugate.add(s, Int128(e) * Int128(m(indices[b], j))) else { return .failure(.overflow) }
                s = t
            }
            guard let w = Int64(exactly: s) else { return .failure(.overflow) }
            z[a] = w
            guard let t = WordAdjugate.add(next, -(Int128(m(indices[a], j)) * Int128(w))) else { return .failure(.overflow) }
            next = t
        }
        guard let newDeterminant = Int64(exactly: next) else { return .failure(.overflow) }
        if newDeterminant == 0 { return .failure(.singular) }
        let n = k + 1
        var result = [Int64](filled: 0, count: n * n)
        let d = Int128(newDeterminant), old = Int128(determinant)
        for a in 0..<k {
            for b in a..<k {
                guard let t = WordAdjugate.add(d * Int128(adjugate[a * k + b]), Int128(z[a]) * Int128(z[b])),
                      let v = Int64(exactly: t / old) else { return .failure(.overflow) }
                result[a * n + b] = v
                result[b * n + a] = v
            }
            result[a * n + k] = -z[a]
            result[k * n + a] = -z[a]
        }
        result[k * n + k] = determinant
        return .success(Bordering(z: z, determinant: newDeterminant, adjugate: result))
    }

    /// Takes the bordering by j computed from the current state.
    mutating func commit(_ j: Int, _ b: Bordering) {
        indices.append(j)
        adjugate = b.adjugate
        determinant = b.determinant
    }

    /// Removes the index at `position`: false, leaving self unchanged, when the rest is singular
    /// or a value leaves the words (`overflow` says which).
    mutating func remove(at position: Int) -> Result<Void, Failure> {
        let k = indices.count, p = position
        let remaining = adjugate[p * k + p]
        if remaining == 0 { return .failure(.singular) }
        let n = k - 1
        var result = [Int64](filled: 0, count: n * n)
        let r = Int128(remaining), d = Int128(determinant)
        var a2 = 0
        for a in 0..<k where a != p {
            let za = Int128(adjugate[a * k + p])            // −z_a
            var b2 = a2
            for b in a..<k where b != p {
                let zb = Int128(adjugate[b * k + p])
                guard let t = WordAdjugate.add(r * Int128(adjugate[a * k + b]), -(za * zb)),
                      let v = Int64(exactly: t / d) else { return .failure(.overflow) }
                result[a2 * n + b2] = v
                result[b2 * n + a2] = v
                b2 += 1
            }
            a2 += 1
        }
        indices.remove(at: p)
        adjugate = result
        determinant = remaining
        return .success(())
    }

    /// `empty` bordered by each index of `support` in turn; nil when a step is singular or overflows.
    static func bordered(_ empty: WordAdjugate, by support: [Int]) -> WordAdjugate? {
        var adjugate = empty
        for j in support {
            guard case .success(let b) = adjugate.bordering(j) else { return nil }
            adjugate.commit(j, b)
        }
        return adjugate
    }

    /// adj(M_AA)[a, b] by positions in `indices`.
    subscript(a: Int, b: Int) -> Int64 { adjugate[a * indices.count + b] }

    /// s + t, or nil on overflow.
    @inline(__always) static func add(_ s: Int128, _ t: Int128) -> Int128? {
        let (v, o) = s.addingReportingOverflow(t)
        return o ? nil : v
    }
}
