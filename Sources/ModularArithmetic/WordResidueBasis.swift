import ExactArithmetic

/// Chinese remaindering over word primes (`WordModulus`):
/// x = Σ_t ((r_t·w_t) mod p_t)·P/p_t mod P, taken in (−P/2, P/2), with w_t = (P/p_t)⁻¹ mod p_t.
///
/// Exact for every integer of absolute value < P/2; the caller guarantees that bound (Hadamard).
/// With few primes the sum is L word-by-L-word multiply-adds for L primes (GMP's addmul_1);
/// with many it is formed up a product tree over blocks of primes (`ProductTree`), whose large
/// products GMP does subquadratically: about half the time at 460 primes (28,000-bit values).
struct WordResidueBasis: Sendable {
    let moduli: [WordModulus]
    let product: BigInteger
    private let half: BigInteger
    /// P/p_t, for the plain sum (nil when the tree is used).
    private let cofactors: [BigInteger]?
    private let tree: ProductTree?
    /// w_t and its Shoup constant, per prime.
    let weights: [UInt64]
    let weightShoup: [UInt64]

    /// From this many primes on, the sum goes up the tree.
    static let treeThreshold = 64

    init(_ moduli: [WordModulus]) {
        self.moduli = moduli
        var product = BigInteger(1)
        for m in moduli { product = product.multiplied(byWord: UInt(m.p)) }
        self.product = product
        half = (product - BigInteger(1)).dividedExactly(byWord: 2) // P is odd
        let cofactors = moduli.map { product.dividedExactly(byWord: UInt($0.p)) }
        weights = zip(moduli, cofactors).map { m, c in m.inverse(m.residue(c)) }
        weightShoup = zip(moduli, weights).map { $0.shoup($1) }
        if moduli.count >= Self.treeThreshold {
            tree = ProductTree(moduli.map(\.p))
            self.cofactors = nil
        } else {
            tree = nil
            self.cofactors = cofactors
        }
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
        var sum: BigInteger
        if let tree {
            sum = tree.cofactorSum(term)
        } else {
            sum = BigInteger(0)
            for t in moduli.indices {
                let v = term(t)
                if v != 0 { sum.addProduct(cofactors![t], word: UInt(v)) }
            }
        }
        var x = sum.floorRemainder(dividingBy: product)
        if x > half { x -= product }
        return x
    }
}

/// A product tree over word-size factors p_0, …, p_{L−1} taken in blocks: the leaves are blocks
/// of consecutive factors (their products, and each factor's cofactor within its block), and
/// each node above is the product of its two children (a last odd node is carried up).
/// `cofactorSum` forms Σ_t c_t·P/p_t for words c_t: a block's sum directly, a node's as
/// S_left·P_right + S_right·P_left — the same integer as the plain sum, with the large products
/// balanced.
struct ProductTree: Sendable {
    private let blocks: [Range<Int>]
    /// p_block/p_t for each factor t (p_block the product of t's block).
    private let blockCofactors: [BigInteger]
    /// levels[0] holds the blocks' products; levels[h + 1][i] = levels[h][2i]·levels[h][2i + 1].
    private let levels: [[BigInteger]]

    static let blockSize = 16

    init(_ factors: [UInt64]) {
        precondition(!factors.isEmpty, "a product tree needs factors")
        blocks = stride(from: 0, to: factors.count, by: Self.blockSize).map { $0..<min($0 + Self.blockSize, factors.count) }
        var leaves: [BigInteger] = []
        var cofactors: [BigInteger] = []
        for block in blocks {
            var p = BigInteger(1)
            for t in block { p = p.multiplied(byWord: UInt(factors[t])) }
            leaves.append(p)
            for t in block { cofactors.append(p.dividedExactly(byWord: UInt(factors[t]))) }
        }
        blockCofactors = cofactors
        var levels = [leaves]
        while levels.last!.count > 1 {
            let below = levels.last!
            levels.append(stride(from: 0, to: below.count, by: 2).map { i in i + 1 < below.count ? below[i] * below[i + 1] : below[i] })
        }
        self.levels = levels
    }

    /// Σ_t term(t)·P/p_t, P the product of every factor.
    func cofactorSum(_ term: (Int) -> UInt64) -> BigInteger {
        var sums = blocks.map { block in
            var s = BigInteger(0)
            for t in block {
                let v = term(t)
                if v != 0 { s.addProduct(blockCofactors[t], word: UInt(v)) }
            }
            return s
        }
        for level in levels.dropLast() {
            sums = stride(from: 0, to: sums.count, by: 2).map { i in
                guard i + 1 < sums.count else { return sums[i] }
                var s = sums[i] * level[i + 1]
                s.addProduct(sums[i + 1], level[i])
                return s
            }
        }
        return sums[0]
    }
}
