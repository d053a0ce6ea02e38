import ExactArithmetic

/// The dual's common denominator L as a product of short factors: one per saddle that lengthened
/// it (the growth D'/D, about one face solution long), less the common factors removed since.
/// With them a coordinate Q/L is reduced from its residues modulo the factors (a remainder tree)
/// instead of a full-length gcd with L: Gaussian d > n data have L of ~300,000 bits.
struct DenominatorFactors: Sendable {
    private(set) var factors: [BigInteger] = []

    mutating func multiply(by f: BigInteger) {
        if f != BigInteger(1) { factors.append(f) }
    }

    /// Divides the product by h, one of its divisors, factor by factor: each takes
    /// gcd(factor, what is left of h), so for every prime p the parts taken add up to v_p(h).
    mutating func divide(by h: BigInteger) {
        var rest = h
        for j in factors.indices.reversed() where rest != BigInteger(1) {
            let u = BigInteger.gcd(factors[j], rest)
            if u != BigInteger(1) {
                factors[j] = factors[j].dividedExactly(by: u)
                rest = rest.dividedExactly(by: u)
            }
        }
        precondition(rest == BigInteger(1), "the removed common factor does not divide the dual's denominator")
        factors.removeAll { $0 == BigInteger(1) }
    }

    /// The product tree over the factors, for reducing many numerators over the same L.
    func reducer(denominator: BigInteger) -> Reducer { Reducer(factors, denominator: denominator) }

    struct Reducer {
        /// levels[0] = the factors; each next level the products of adjacent pairs; the last, L.
        private let levels: [[BigInteger]]
        private let denominator: BigInteger

        init(_ factors: [BigInteger], denominator: BigInteger) {
            var levels = [factors]
            while let level = levels.last, level.count > 1 {
                levels.append(stride(from: 0, to: level.count, by: 2).map { a in
                    a + 1 < level.count ? level[a] * level[a + 1] : level[a]
                })
            }
            self.levels = levels
            self.denominator = denominator
        }

        /// Every n_j/L reduced. Every prime dividing gcd(n_j, L) divides some factor f and so
        /// gcd(n_j mod f, f); per factor, the residues of all n_j share one gcd
        /// (`CommonDenominatorReduction`: G_f = gcd(∏_j (n_j mod f) mod f, f)), and
        /// U_j = ∏_f gcd(n_j mod G_f, G_f) has exactly the primes of gcd(n_j, L), so the gcd is
        /// built from remainders modulo the short U_j. When every G_f is 1, no gcd is needed.
        func reduced(_ numerators: [BigInteger]) -> [Rational] {
            guard let factors = levels.first, !factors.isEmpty else { return numerators.map { Rational($0) } }
            let residues = numerators.map { n in n.isZero ? [] : remainders(n) }
            let shared = factors.indices.map { f in
                BigInteger.gcd(CommonDenominatorReduction.productResidue(residues.compactMap { $0.isEmpty ? nil : $0[f] }, modulo: factors[f]), factors[f])
            }
            return numerators.indices.map { j in
                let n = numerators[j]
                if n.isZero { return .zero }
                var u = BigInteger(1)
                for (f, g) in shared.enumerated() where g != BigInteger(1) {
                    let common = BigInteger.gcd(residues[j][f].floorRemainder(dividingBy: g), g)
                    if common != BigInteger(1) { u *= common }
                }
                return CommonDenominatorReduction.dividingCommonPrimes(n, denominator, u: u)
            }
        }

        /// n/L reduced (`reduced(_:)` for one numerator).
        func reduced(_ n: BigInteger) -> Rational { reduced([n])[0] }

        /// n mod f for every factor f, down the product tree.
        private func remainders(_ n: BigInteger) -> [BigInteger] {
            var residues = [n]
            for level in levels.reversed() {
                residues = level.indices.map { residues[$0 / 2].floorRemainder(dividingBy: level[$0]) }
            }
            return residues
        }
    }
}
