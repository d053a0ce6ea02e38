import ExactArithmetic

/// A set of primes p_k and the Chinese remainder reconstruction of an integer from its residues:
/// x = Σ_k ((r_k·w_k) mod p_k)·P/p_k mod P with w_k = (P/p_k)⁻¹ mod p_k, taken in (−P/2, P/2].
///
/// Exact for every integer of absolute value < P/2; the caller guarantees that bound (Hadamard).
struct ResidueBasis: Sendable {
    private(set) var moduli: [Modulus] = []
    private(set) var product = BigInteger(1)
    private var half = BigInteger(0)
    private var cofactors: [BigInteger] = []
    private var weights: [UInt64] = []

    /// log₂ P, rounded down.
    var bits: Int { product.bitWidth - 1 }

    /// Adds primes in one batch: the cofactors P/p_k are recomputed once per batch, which costs
    /// O(k²) word operations for k primes (adding them one at a time would cost O(k³)).
    mutating func append(contentsOf new: [Modulus]) {
        guard !new.isEmpty else { return }
        moduli.append(contentsOf: new)
        for m in new { product *= BigInteger(Int(m.p)) }
        half = product / BigInteger(2)
        cofactors = moduli.map { product.dividedExactly(by: BigInteger(Int($0.p))) }
        weights = zip(moduli, cofactors).map { m, c in m.inverse(m.residue(c)) }
    }

    /// The integer in (−P/2, P/2] with the given residue modulo each prime (in `moduli` order).
    func reconstruct(_ residue: (Int) -> UInt64) -> BigInteger {
        var sum = BigInteger(0)
        for k in moduli.indices {
            let t = moduli[k].multiply(residue(k), weights[k])
            if t != 0 { sum.addProduct(cofactors[k], BigInteger(Int(t))) }
        }
        var x = sum.floorDivided(by: product).remainder
        if x > half { x -= product }
        return x
    }
}
