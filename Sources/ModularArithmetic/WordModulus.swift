import ExactArithmetic

/// Arithmetic modulo one prime 2⁶¹ < p < 2⁶², on `UInt64` words (residues are < p, so a sum of
/// two fits a word and 2p < 2⁶⁴ keeps `PrimeModulus`'s Shoup multiplication exact).
struct WordModulus: PrimeModulus {
    let p: UInt64

    @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let s = a &+ b
        return s >= p ? s &- p : s
    }

    @inline(__always) func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a &- b : a &+ (p &- b) }

    /// a·b mod p for residues a, b (one 128-by-64-bit division).
    @inline(__always) func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((high: high, low: low)).remainder
    }

    /// x mod p in [0, p).
    @inline(__always) func residue(_ x: BigInteger) -> UInt64 { UInt64(x.residue(modulo: UInt(p))) }

    /// x mod p for a small signed integer.
    @inline(__always) func residue(_ x: Int) -> UInt64 {
        x >= 0 ? UInt64(x) % p : negate(UInt64(x.magnitude) % p)
    }

    /// Miller–Rabin with the first twelve primes as bases is deterministic for n < 2⁶⁴.
    static let witnesses: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    static let smallPrimes: [UInt64] = witnesses + [41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]

    /// `count` primes in (2⁶¹, start), largest first.
    static func primes(count: Int, below start: UInt64 = 1 << 62) -> [WordModulus] {
        var found: [WordModulus] = []
        var candidate = start - 1
        if candidate & 1 == 0 { candidate -= 1 }
        while found.count < count {
            precondition(candidate > 1 << 61, "ran out of word primes")
            if isPrime(candidate) { found.append(WordModulus(p: candidate)) }
            candidate -= 2
        }
        return found
    }
}
