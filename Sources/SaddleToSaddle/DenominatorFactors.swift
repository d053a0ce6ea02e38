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

        /// n/L reduced. Every prime dividing gcd(n, L) divides some factor f and so
        /// u_f = gcd(n mod f, f): when all u_f are 1, n/L is already reduced; otherwise the gcd
        /// is built from U = ∏u_f alone (its primes are U's), with remainders modulo the short U.
        func reduced(_ n: BigInteger) -> Rational {
            guard let factors = levels.first, !factors.isEmpty, !n.isZero else { return Rational(n) }
            var residues = [n]
            for level in levels.reversed() {
                residues = level.indices.map { residues[$0 / 2].floorRemainder(dividingBy: level[$0]) }
            }
            var u = BigInteger(1)
            for (r, f) in zip(residues, factors) {
                let g = BigInteger.gcd(r, f)
                if g != BigInteger(1) { u *= g }
            }
            if u == BigInteger(1) { return Rational(coprime: n, denominator) }
            // gcd(n, L) = g·gcd(n/g, L/g); stop when gcd(n/g, L/g, U) = 1.
            var numerator = n, denominator = self.denominator
            while true {
                let t = BigInteger.gcd(BigInteger.gcd(numerator.floorRemainder(dividingBy: u), u), denominator.floorRemainder(dividingBy: u))
                if t == BigInteger(1) { break }
                numerator = numerator.dividedExactly(by: t)
                denominator = denominator.dividedExactly(by: t)
            }
            return Rational(coprime: numerator, denominator)
        }
    }
}
