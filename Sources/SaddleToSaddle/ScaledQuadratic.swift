import ExactArithmetic
import ProblemDefinition

/// The loss data times one common positive integer L, so that the incremental face solver works
/// in integers (fraction-free, no gcd per operation): `L·M`, `L·r`, `L·λwd`.
///
/// Exact: L is the lcm of every denominator in M, r and λwd; scaling the face problem by L
/// changes neither its minimisers nor any sign.
package struct ScaledQuadratic: Sendable {
    package let scale: BigInteger
    let M: [[BigInteger]]
    let r: [BigInteger]
    let weightDecay: BigInteger
    /// rank(M): the largest support whose face system is nonsingular.
    let rank: Int

    package init(_ problem: Problem) {
        let l = [problem.M.elements, problem.r, [problem.weightDecay]].joined().leastCommonDenominator
        scale = l
        let d = problem.dimension
        let entries = problem.M.elements.integers(over: l)
        M = (0..<d).map { i in Array(entries[i * d..<(i + 1) * d]) }
        r = problem.r.integers(over: l)
        weightDecay = [problem.weightDecay].integers(over: l)[0]
        rank = problem.rank
    }

    /// The scaled linear term of the face problem for coordinate i with sign σ: L·(r_i − λwd σ).
    func linearTerm(_ i: Int, sign: Int) -> BigInteger {
        sign > 0 ? r[i] - weightDecay : r[i] + weightDecay
    }

    /// L·D·c for c = r − Mx and x = v/D supported on `support` (v integer numerators, D > 0),
    /// in integers: (L·D·c)_i = L r_i D − Σ L M_ia v_a. Divide by L·D for c.
    func correlationNumerators(support: [Int], numerators v: [BigInteger], denominator D: BigInteger) -> [BigInteger] {
        r.indices.map { i in
            var t = r[i] * D
            let row = M[i]
            for (a, j) in support.enumerated() where !v[a].isZero { t.subtractProduct(row[j], v[a]) }
            return t
        }
    }

    /// ℓ(x) + λwd‖x‖₁ for x = v/D on `support`, from C = L·D·c: since Mx = r − c,
    /// ℓ(x) = −½ xᵀ(r + c) = −Σ v_a (L r_a D + C_a) / (2 L D²).
    func objective(support: [Int], numerators v: [BigInteger], denominator D: BigInteger, correlation C: [BigInteger]) -> Rational {
        var quadratic = BigInteger(0), l1 = BigInteger(0)
        for (a, i) in support.enumerated() where !v[a].isZero {
            quadratic.addProduct(v[a], r[i] * D + C[i])
            l1 += v[a].magnitude
        }
        let loss = Rational(-quadratic, BigInteger(2) * scale * D * D)
        return weightDecay.isZero ? loss : loss + Rational(weightDecay * l1, scale * D)
    }
}

extension ScaledQuadratic {
    /// M·x for any rational x, through one common denominator so that the d² inner products are
    /// integer multiply-adds (exact; the only gcds are the final d normalisations).
    package func times(_ x: [Rational]) -> [Rational] {
        let common = x.leastCommonDenominator
        let denominator = scale * common
        return times(numerators: x.integers(over: common)).map { Rational($0, denominator) }
    }

    /// (L·M)·v for integer v: M·(v/D) = result/(L·D), with L = `scale`.
    package func times(numerators v: [BigInteger]) -> [BigInteger] {
        times(numerators: v, rows: Array(M.indices))
    }

    /// The entries `rows` of (L·M)·v, in that order (the verdict knows the others).
    package func times(numerators v: [BigInteger], rows: [Int]) -> [BigInteger] {
        let support = v.indices.filter { !v[$0].isZero }
        return rows.map { i in
            let row = M[i]
            var t = BigInteger(0)
            for j in support { t.addProduct(row[j], v[j]) }
            return t
        }
    }
}
