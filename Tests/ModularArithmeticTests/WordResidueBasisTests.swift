import SeededRandom
import ExactArithmetic
@testable import ModularArithmetic
import Testing

/// Chinese remaindering over 62-bit primes: the product-tree sum (many primes) and the plain sum
/// (few) give back every integer below P/2 from its residues, and the tree's Σ c_t·P/p_t is the
/// plain sum.
@Suite struct WordResidueBasisTests {
    @Test(arguments: [1, 5, 63, 64, 65, 100, 213])
    func reconstructsEveryIntegerBelowHalfTheProduct(primes count: Int) {
        let basis = WordResidueBasis(WordModulus.primes(count: count))
        var g = SplitMix64(seed: UInt64(count))
        let half = basis.product.dividedExactly(byWord: 2) // P is odd: ⌊P/2⌋
        var values = [BigInteger(0), BigInteger(1), BigInteger(-1), half, -half]
        for _ in 0..<40 {
            var v = BigInteger(0)
            for _ in 0..<g.nextInt(in: 0...count) { v = v.shiftedLeft(62) + BigInteger(Int(g.next() >> 2)) }
            v = v.floorRemainder(dividingBy: half + BigInteger(1))
            values.append(g.nextInt(in: 0...1) == 0 ? v : -v)
        }
        for v in values {
            let x = basis.reconstruct { t in basis.moduli[t].residue(v) }
            #expect(x == v)
        }
    }

    @Test func treeSumIsThePlainSum() {
        let moduli = WordModulus.primes(count: 150)
        let tree = ProductTree(moduli.map(\.p))
        var product = BigInteger(1)
        for m in moduli { product = product.multiplied(byWord: UInt(m.p)) }
        var g = SplitMix64(seed: 9)
        for _ in 0..<5 {
            let c = moduli.map { g.nextInt(in: 0...3) == 0 ? 0 : g.next() % $0.p }
            var plain = BigInteger(0)
            for (t, m) in moduli.enumerated() { plain.addProduct(product.dividedExactly(byWord: UInt(m.p)), word: UInt(c[t])) }
            #expect(tree.cofactorSum { c[$0] } == plain)
        }
    }
}
