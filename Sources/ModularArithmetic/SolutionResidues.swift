import ExactArithmetic

/// `PrincipalInverse`'s solutions x_c = K_SS⁻¹·b_c modulo each of its primes, kept when taken
/// (the system may change afterwards), from which an integral combination Σ_c λ_c·x_c is rebuilt
/// by Chinese remaindering: per entry, one word multiply-add per prime and right-hand side and one
/// reconstruction, instead of big products and a division of the exact numerators
/// (Σ_c λ_c·(adj·b_c) / det). The lasso's knot (bU − aW)/D is such a combination.
package struct SolutionResidues {
    /// S, in the order of the entries.
    package let indices: [Int]
    private let moduli: [WordModulus]
    /// residues[t][c·|S| + a] = (x_c)_a modulo the t-th prime.
    private let residues: [[UInt64]]
    private let bases: BasisCache

    init(indices: [Int], moduli: [WordModulus], residues: [[UInt64]], bases: BasisCache) {
        self.indices = indices
        self.moduli = moduli
        self.residues = residues
        self.bases = bases
    }

    /// Σ_c λ_c·x_c, entry by entry in the order of `indices`, given that every entry is an integer
    /// of absolute value below 2^bits (the caller's proof: residues say nothing about
    /// integrality); nil when the primes' product is below 2^(bits+1). The reconstruction is then
    /// exact: it returns the integer in (−P/2, P/2) with these residues, P ≥ 2^(bits+1).
    package func integerCombination(_ coefficients: [BigInteger], bits: Int) -> [BigInteger]? {
        precondition(coefficients.count * indices.count == (residues.first?.count ?? 0), "one coefficient per right-hand side")
        guard let count = BasisCache.primeCount(moduli, atLeast: bits + 1) else { return nil }
        let basis = bases.basis(moduli[..<count])
        let k = indices.count
        // λ_c·w_t mod p_t (w_t the reconstruction weight) and its Shoup constant, per prime.
        let factors = (0..<count).map { t in
            let m = moduli[t]
            return coefficients.map { λ in
                let f = m.multiply(m.residue(λ), basis.weights[t])
                return (f, m.shoup(f))
            }
        }
        return (0..<k).map { a in
            basis.combine { t in
                let m = moduli[t], x = residues[t]
                var sum: UInt64 = 0
                for (c, f) in factors[t].enumerated() { sum = m.add(sum, m.multiply(x[c * k + a], by: f.0, shoup: f.1)) }
                return sum
            }
        }
    }
}

/// Chinese-remainder bases over prefixes of one list of primes, built once each (a basis costs a
/// product tree): `PrincipalInverse` reconstructs over as many primes as its bound needs, and
/// snapshots taken from it may need a few more.
final class BasisCache {
    private var bases: [WordResidueBasis] = []

    /// The basis of exactly these primes.
    func basis(_ moduli: ArraySlice<WordModulus>) -> WordResidueBasis {
        if let cached = bases.first(where: { $0.moduli.elementsEqual(moduli, by: { $0.p == $1.p }) }) { return cached }
        let fresh = WordResidueBasis(Array(moduli))
        bases.append(fresh)
        if bases.count > 4 { bases.removeFirst() }
        return fresh
    }

    /// The fewest leading primes whose product is at least 2^bits, or nil if all of them are not.
    static func primeCount(_ moduli: [WordModulus], atLeast bits: Int) -> Int? {
        var product = BigInteger(1)
        for (n, m) in moduli.enumerated() {
            product = product.multiplied(byWord: UInt(m.p))
            if product.bitWidth > bits { return n + 1 }
        }
        return nil
    }
}
