import ExactArithmetic

/// Chinese remaindering over word primes (`WordModulus`):
/// x = Σ_t ((r_t·w_t) mod p_t)·P/p_t mod P, taken in (−P/2, P/2), with w_t = (P/p_t)⁻¹ mod p_t.
///
/// Exact for every integer of absolute value < P/2; the caller guarantees that bound (Hadamard).
/// One reconstruction costs L word-by-L-word multiply-adds for L primes (GMP's addmul_1).
struct WordResidueBasis: Sendable {
    let moduli: [WordModulus]
    let product: BigInteger
    private let half: BigInteger
    private let cofactors: [BigInteger]
    /// w_t and its Shoup constant, per prime.
    let weights: [UInt64]
    let weightShoup: [UInt64]

    init(_ moduli: [WordModulus]) {
        self.moduli = moduli
        var product = BigInteger(1)
        for m in moduli { product = product.multiplied(byWord: UInt(m.p)) }
        self.product = product
        half = (product - BigInteger(1)).dividedExactly(byWord: 2) // P is odd
        cofactors = moduli.map { product.dividedExactly(byWord: UInt($0.p)) }
        weights = zip(moduli, cofactors).map { m, c in m.inverse(m.residue(c)) }
        weightShoup = zip(moduli, weights).map { $0.shoup($1) }
    }

    /// log₂ P, rounded down.
    var bits: Int { product.bitWidth - 1 }

    /// The integer in (−P/2, P/2) with residue `residue(t)` modulo each prime.
    func reconstruct(_ residue: (Int) -> UInt64) -> BigInteger {
        combine { t in moduli[t].multiply(residue(t), by: weights[t], shoup: weightShoup[t]) }
    }

    /// Σ_t term(t)·P/p_t reduced into (−P/2, P/2): `reconstruct` when each term is already
    /// multiplied by its weight w_t (callers fold other per-prime factors into it).
    func combine(_ term: (Int) -> UInt64) -> BigInteger {
        var sum = BigInteger(0)
        for t in moduli.indices {
            let v = term(t)
            if v != 0 { sum.addProduct(cofactors[t], word: UInt(v)) }
        }
        var x = sum.floorRemainder(dividingBy: product)
        if x > half { x -= product }
        return x
    }
}
