import ExactArithmetic

/// Arithmetic modulo one prime p < 2³⁰, on `UInt64` words: a product of two residues is < 2⁶⁰,
/// so sums of a few products fit a word before one reduction (the rest is `PrimeModulus`).
struct Modulus: PrimeModulus {
    let p: UInt64

    @inline(__always) func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 { a * b % p }

    /// x mod p in [0, p).
    func residue(_ x: BigInteger) -> UInt64 {
        if let v = x.intValue { return UInt64((v % Int(p) + Int(p)) % Int(p)) }
        return UInt64(x.floorDivided(by: BigInteger(Int(p))).remainder.intValue!)
    }

    /// Miller–Rabin with bases 2, 7, 61 is deterministic for n < 2³².
    static let witnesses: [UInt64] = [2, 7, 61]
    static let smallPrimes: [UInt64] = [2, 3, 5, 7, 11, 13, 61]

    /// The largest prime below n (n ≤ 2³²), if any.
    static func prime(below n: UInt64) -> Modulus? {
        var candidate = n - 1
        while candidate >= 2 {
            if isPrime(candidate) { return Modulus(p: candidate) }
            candidate -= 1
        }
        return nil
    }
}
