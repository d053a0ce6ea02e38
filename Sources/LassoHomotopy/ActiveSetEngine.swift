import ExactArithmetic
import ExactLinearAlgebra

/// The incremental factorisation of `M_SS` for the support S of the current segment, and the
/// segment formulas it yields (docs/math.md §1): on a segment with support S and signs s,
/// `x_S(κ) = M_SS⁻¹ r_S − κ M_SS⁻¹ s_S`. A generic knot changes S by one index, an O(|S|²)
/// update instead of a fresh O(|S|³) solve.
protocol ActiveSetEngine {
    /// Adds j with sign s; false when M_SS would become singular (then `reset` before reuse).
    mutating func join(_ j: Int, sign: Int) -> Bool
    /// Removes i; false when what remains is singular.
    mutating func drop(_ i: Int) -> Bool
    /// Factorises from scratch; false when M_SS is singular.
    mutating func reset(support: [Int], signs: [Int]) -> Bool
    /// The formulas of the segment with the current support and signs.
    func segment() -> any SegmentFormula
}

/// `ActiveSetEngine` over `Rational`: an exact bordered inverse B = M_SS⁻¹ plus the segment's
/// vectors `a = B r_S`, `w = B s_S` (x = a − κw) and `c = c0 + κ·c1`, all updated in place.
/// Joining j with y = B M_Sj and σ = M_jj − M_jSᵀy: `a_S −= ρ_a y`, `a_j = ρ_a = c0_j/σ`
/// (likewise w with ρ_w = (s_j − c1_j)/σ), and outside S, with q = M_:j − M_:S y,
/// `c0 −= ρ_a q`, `c1 += ρ_w q`. Dropping i (column b = B_:i): `a −= (a_i/b_ii) b`,
/// `w −= (w_i/b_ii) b`, and with t = M_:S b, `c0 += (a_i/b_ii) t`, `c1 −= (w_i/b_ii) t`.
/// Exact arithmetic, so the updates equal the fresh formulas (no drift); best when entries are
/// small or structured, since gcd reduction keeps them small (e.g. Mairal–Yu).
///
/// With a scale s > 0 per coordinate (`ColumnScaling`) it works on x̃ = s∘x: M' = S⁻¹MS⁻¹,
/// r' = S⁻¹r and each sign σ_j weighted to σ_j/s_j, with the same updates (c' = c/s);
/// `segment()` scales back (a = ã/s, w = w̃/s, c = s∘c'). Mairal–Yu's M' has integer entries of
/// a few bits where M's reach 195, so its inverse and vectors stay on the `Int64` fast path.
struct RationalEngine: ActiveSetEngine {
    let M: Matrix
    let r: [Rational]
    let positive: Bool
    /// s and 1/s, or nil (s = 1).
    private let scale: (s: [Rational], inverse: [Rational])?
    private var inverse = BorderedInverse()
    /// The inverse as an adjugate in words (`WordAdjugate`) while M is integer and every value
    /// fits; `inverse` is then unused. An overflow moves the inverse to `inverse` until a reset.
    private var words: WordAdjugate?
    /// M in words with A empty (nil when M is not integer in words): what a reset starts from.
    private let wordMatrix: WordAdjugate?
    private var a: [Rational]
    private var w: [Rational]
    private var c0: [Rational]
    private var c1: [Rational]
    private var sign: [Int]

    /// How often an overflow moved the inverse out of words (tests).
    private(set) var wordFallbacks = 0

    /// `words: false` keeps the inverse in `Rational` throughout (tests compare the two).
    init(M: Matrix, r: [Rational], positive: Bool, scale: [Rational]? = nil, words: Bool = true) {
        if let scale {
            let inverseScale = scale.map(\.reciprocal)
            var scaled = M
            for i in 0..<M.rows { for j in 0..<M.columns { scaled.elements[i * M.columns + j] = M[i, j] * inverseScale[i] * inverseScale[j] } }
            self.M = scaled
            self.r = zip(r, inverseScale).map { $0 * $1 }
            self.scale = (scale, inverseScale)
        } else {
            self.M = M
            self.r = r
            self.scale = nil
        }
        self.positive = positive
        a = Array(repeating: .zero, count: r.count)
        w = a
        c0 = self.r
        c1 = a
        sign = Array(repeating: 0, count: r.count)
        wordMatrix = words ? WordAdjugate(self.M.elements, dimension: r.count) : nil
        self.words = wordMatrix
    }

    /// The sign's weight in the scaled problem: s_j, or s_j/scale_j.
    private func weight(_ j: Int, _ s: Int) -> Rational {
        guard let scale else { return Rational(s) }
        return s > 0 ? scale.inverse[j] : -scale.inverse[j]
    }

    mutating func join(_ j: Int, sign s: Int) -> Bool {
        if let adjugate = words {
            switch adjugate.bordering(j) {
            case .success(let bordering):
                if let q = outsideProducts(adjugate, j, bordering.z) {
                    joinInWords(j, sign: s, adjugate, bordering, q)
                    return true
                }
            case .failure(.singular):
                return false
            case .failure(.overflow):
                break
            }
            guard leaveWords() else { return false }
        }
        let old = inverse.indices
        guard let bordering = inverse.append(j, of: M) else { return false }
        let y = bordering.y
        let rhoA = c0[j] / bordering.sigma
        let weight = weight(j, s)
        let rhoW = (weight - c1[j]) / bordering.sigma
        for (p, i) in old.enumerated() where !y[p].isZero {
            a[i].subtractProduct(rhoA, y[p])
            w[i].subtractProduct(rhoW, y[p])
        }
        a[j] = rhoA
        w[j] = rhoW
        for l in 0..<r.count where sign[l] == 0 && l != j {
            var q = M[l, j]
            for (p, i) in old.enumerated() where !y[p].isZero { q.subtractProduct(M[l, i], y[p]) }
            if q.isZero { continue }
            c0[l].subtractProduct(rhoA, q)
            c1[l].addProduct(rhoW, q)
        }
        c0[j] = .zero
        c1[j] = weight
        sign[j] = s
        return true
    }

    mutating func drop(_ i: Int) -> Bool {
        if let adjugate = words {
            guard let p = adjugate.indices.firstIndex(of: i) else { return false }
            if adjugate[p, p] == 0 { return false }
            var smaller = adjugate
            if case .success = smaller.remove(at: p), let t = columnProducts(adjugate, p, dropping: i) {
                dropInWords(i, at: p, adjugate, t)
                words = smaller
                return true
            }
            guard leaveWords() else { return false }
        }
        let s = inverse.indices
        guard let p = s.firstIndex(of: i) else { return false }
        let pivot = inverse[p, p]
        if pivot.isZero { return false }
        let b = (0..<s.count).map { inverse[$0, p] }
        let rhoA = a[i] / pivot, rhoW = w[i] / pivot
        for (t, l) in s.enumerated() where !b[t].isZero {
            a[l].subtractProduct(rhoA, b[t])
            w[l].subtractProduct(rhoW, b[t])
        }
        sign[i] = 0
        for l in 0..<r.count where sign[l] == 0 {
            var t = Rational.zero
            if l == i {
                t = .one                               // (M_SS B)_ii = 1
            } else {
                for (u, k) in s.enumerated() where !b[u].isZero { t.addProduct(M[l, k], b[u]) }
            }
            if t.isZero { continue }
            c0[l].addProduct(rhoA, t)
            c1[l].subtractProduct(rhoW, t)
        }
        guard inverse.remove(i) else { return false }
        a[i] = .zero
        w[i] = .zero
        return true
    }

    mutating func reset(support: [Int], signs: [Int]) -> Bool {
        guard let fresh = BorderedInverse(M, indices: support) else { return false }
        inverse = fresh
        words = wordMatrix.flatMap { WordAdjugate.bordered($0.emptied, by: support) }
        let d = r.count
        sign = Array(repeating: 0, count: d)
        for (i, s) in zip(support, signs) { sign[i] = s }
        let aS = fresh.apply(support.map { r[$0] })
        let wS = scale == nil ? fresh.apply(signs: signs) : fresh.apply(zip(support, signs).map { weight($0, $1) })
        a = Array(repeating: .zero, count: d)
        w = a
        for (p, i) in support.enumerated() { a[i] = aS[p]; w[i] = wS[p] }
        c0 = r
        c1 = Array(repeating: .zero, count: d)
        for l in 0..<d {
            if sign[l] != 0 { c0[l] = .zero; c1[l] = weight(l, sign[l]); continue }
            for (p, i) in support.enumerated() {
                let m = M[l, i]
                if m.isZero { continue }
                c0[l].subtractProduct(m, aS[p])
                c1[l].addProduct(m, wS[p])
            }
        }
        return true
    }

    func segment() -> any SegmentFormula {
        let d = sign.count
        var support: [Int] = []
        support.reserveCapacity(d)
        for i in 0..<d where sign[i] != 0 { support.append(i) }
        let signs = support.map { sign[$0] }
        guard let scale else {
            return RationalSegment(support: support, signs: signs, a: a, w: w, c0: c0, c1: c1, positive: positive)
        }
        // Scaled back into new arrays (not copies mutated in place: one write per entry).
        var a: [Rational] = [], w: [Rational] = [], c0: [Rational] = [], c1: [Rational] = []
        a.reserveCapacity(d); w.reserveCapacity(d); c0.reserveCapacity(d); c1.reserveCapacity(d)
        for l in 0..<d {
            if sign[l] != 0 {
                a.append(self.a[l] * scale.inverse[l])
                w.append(self.w[l] * scale.inverse[l])
                c0.append(self.c0[l])                   // 0
                c1.append(Rational(sign[l]))            // s_l·weight = sign
            } else {
                a.append(self.a[l])
                w.append(self.w[l])
                c0.append(self.c0[l] * scale.s[l])
                c1.append(self.c1[l] * scale.s[l])
            }
        }
        return RationalSegment(support: support, signs: signs, a: a, w: w, c0: c0, c1: c1, positive: positive)
    }

    // MARK: The updates over the adjugate in words (the same values as the rational formulas above)

    /// Q_l = Δ·M_lj − Σ_p M_{l,A_p} z_p for each l outside the support other than j (0 elsewhere):
    /// q_l = Q_l/Δ of the rational join. Nil on overflow.
    private func outsideProducts(_ adjugate: WordAdjugate, _ j: Int, _ z: [Int64]) -> [Int64]? {
        let d = r.count, delta = Int128(adjugate.determinant)
        var q = [Int64](filled: 0, count: d)
        for l in 0..<d where sign[l] == 0 && l != j {
            var v = delta * Int128(adjugate.m(l, j))
            for (p, i) in adjugate.indices.enumerated() where z[p] != 0 {
                guard let t = WordAdjugate.add(v, -(Int128(adjugate.m(l, i)) * Int128(z[p]))) else { return nil }
                v = t
            }
            guard let w = Int64(exactly: v) else { return nil }
            q[l] = w
        }
        return q
    }

    /// The join with y = z/Δ, σ = Δ'/Δ: with α = c0_j/Δ' and β = (s_j − c1_j)/Δ' (ρ_a = αΔ,
    /// ρ_w = βΔ), `a_A −= α z`, `c0 −= α Q`, `c1 += β Q`.
    private mutating func joinInWords(_ j: Int, sign s: Int, _ adjugate: WordAdjugate, _ bordering: WordAdjugate.Bordering, _ q: [Int64]) {
        let newDeterminant = Rational(Int(bordering.determinant))
        let weight = weight(j, s)
        let alpha = c0[j] / newDeterminant, beta = (weight - c1[j]) / newDeterminant
        for (p, i) in adjugate.indices.enumerated() where bordering.z[p] != 0 {
            let z = Rational(Int(bordering.z[p]))
            a[i].subtractProduct(alpha, z)
            w[i].subtractProduct(beta, z)
        }
        let determinant = Rational(Int(adjugate.determinant))
        a[j] = alpha * determinant
        w[j] = beta * determinant
        for l in 0..<r.count where q[l] != 0 {
            let v = Rational(Int(q[l]))
            c0[l].subtractProduct(alpha, v)
            c1[l].addProduct(beta, v)
        }
        c0[j] = .zero
        c1[j] = weight
        sign[j] = s
        words!.commit(j, bordering)
    }

    /// T_l = Σ_u M_{l,A_u}·adj_{u,p} for l outside the support once i (at position p) leaves
    /// (T_i = Δ): t_l = T_l/Δ of the rational drop. Nil on overflow.
    private func columnProducts(_ adjugate: WordAdjugate, _ p: Int, dropping i: Int) -> [Int64]? {
        let d = r.count
        var t = [Int64](filled: 0, count: d)
        for l in 0..<d where sign[l] == 0 {
            var v: Int128 = 0
            for (u, k) in adjugate.indices.enumerated() {
                let e = adjugate[u, p]
                if e == 0 { continue }
                guard let next = WordAdjugate.add(v, Int128(adjugate.m(l, k)) * Int128(e)) else { return nil }
                v = next
            }
            guard let value = Int64(exactly: v) else { return nil }
            t[l] = value
        }
        t[i] = adjugate.determinant                    // (M_AA adj)_pp = Δ
        return t
    }

    /// The drop of i at position p with b = adj_{:,p}/Δ: with α = a_i/adj_pp and β = w_i/adj_pp,
    /// `a_A −= α adj_{:,p}`, `c0 += α T`, `c1 −= β T`.
    private mutating func dropInWords(_ i: Int, at p: Int, _ adjugate: WordAdjugate, _ t: [Int64]) {
        let pivot = Rational(Int(adjugate[p, p]))
        let alpha = a[i] / pivot, beta = w[i] / pivot
        for (u, l) in adjugate.indices.enumerated() {
            let e = adjugate[u, p]
            if e == 0 { continue }
            let v = Rational(Int(e))
            a[l].subtractProduct(alpha, v)
            w[l].subtractProduct(beta, v)
        }
        sign[i] = 0
        for l in 0..<r.count where t[l] != 0 {
            let v = Rational(Int(t[l]))
            c0[l].addProduct(alpha, v)
            c1[l].subtractProduct(beta, v)
        }
        a[i] = .zero
        w[i] = .zero
    }

    /// Moves the inverse from words to `Rational` (after an overflow); false if that fails.
    private mutating func leaveWords() -> Bool {
        guard let adjugate = words else { return true }
        words = nil
        wordFallbacks += 1
        guard let fresh = BorderedInverse(M, indices: adjugate.indices) else { return false }
        inverse = fresh
        return true
    }
}
