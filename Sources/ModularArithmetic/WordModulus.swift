import ExactArithmetic

/// Arithmetic modulo one prime 2⁶¹ < p < 2⁶², on `UInt64` words (residues are < p, so a sum of
/// two fits a word and 2p < 2⁶⁴ keeps `PrimeModulus`'s Shoup multiplication exact).
struct WordModulus: PrimeModulus {
    let p: UInt64
    /// ⌊2⁶⁴/p⌋ (the Shoup constant of 1), 2⁶⁴ mod p and its Shoup constant: `reduce(high:low:)`
    /// with multiplications only (a 128-by-64-bit division is a library call, ~50 cycles).
    private let oneShoup: UInt64, radix: UInt64, radixShoup: UInt64

    init(p: UInt64) {
        self.p = p
        oneShoup = p.dividingFullWidth((high: 1, low: 0)).quotient
        radix = p.dividingFullWidth((high: 1, low: 0)).remainder
        radixShoup = p.dividingFullWidth((high: radix, low: 0)).quotient
    }

    /// a + b mod p for residues (branch-free, `reduceOnce`).
    @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 { reduceOnce(a &+ b) }

    /// a − b mod p for residues, branch-free: a − b wraps to a word with its top bit set exactly
    /// when a < b (both are below 2⁶²), and that bit adds p back.
    @inline(__always) func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let d = a &- b
        return d &+ (p & UInt64(bitPattern: Int64(bitPattern: d) >> 63))
    }

    /// a·b mod p for residues a, b.
    @inline(__always) func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return reduce(high: high, low: low)
    }

    /// Shoup's precomputed w' = ⌊w·2⁶⁴/p⌋ for a residue w < p, without a division: with
    /// 2⁶⁴ = ⌊2⁶⁴/p⌋·p + (2⁶⁴ mod p), w' = w·⌊2⁶⁴/p⌋ + ⌊w·(2⁶⁴ mod p)/p⌋, whose last quotient is
    /// Shoup's estimate q or q + 1 (the remainder estimate lies in [0, 2p)).
    @inline(__always) func shoup(_ w: UInt64) -> UInt64 {
        let q = w.multipliedFullWidth(by: radixShoup).high
        let d = w &* radix &- q &* p &- p // ≥ 0 (top bit clear) exactly when the quotient is q + 1
        return w &* oneShoup &+ q &+ (1 &- (d >> 63))
    }

    /// t mod p for any word t (Shoup's multiplication by 1).
    @inline(__always) func reduce(_ t: UInt64) -> UInt64 { multiply(t, by: 1, shoup: oneShoup) }

    /// (high·2⁶⁴ + low) mod p for any words: high·(2⁶⁴ mod p) + low, each reduced by Shoup's
    /// multiplication, which is exact for any word t.
    @inline(__always) func reduce(high: UInt64, low: UInt64) -> UInt64 {
        add(multiply(high, by: radix, shoup: radixShoup), reduce(low))
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
