import ExactArithmetic

/// Arithmetic modulo one prime 2⁶¹ < p < 2⁶², on `UInt64` words (residues are < p, so a sum of
/// two fits a word and 2p < 2⁶⁴ keeps Shoup's multiplication exact).
///
/// `multiply(_:by:shoup:)` multiplies by a fixed residue w with the precomputed
/// w' = ⌊w·2⁶⁴/p⌋: two word multiplications and no division (the result before the final
/// correction lies in [0, 2p) for every t < 2⁶⁴).
struct WordModulus: Sendable {
    let p: UInt64

    @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let s = a &+ b
        return s >= p ? s &- p : s
    }

    @inline(__always) func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a &- b : a &+ (p &- b) }

    @inline(__always) func negate(_ a: UInt64) -> UInt64 { a == 0 ? 0 : p &- a }

    /// a·b mod p for residues a, b (one 128-by-64-bit division).
    @inline(__always) func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return p.dividingFullWidth((high: high, low: low)).remainder
    }

    /// Shoup's w' for a residue w < p.
    @inline(__always) func shoup(_ w: UInt64) -> UInt64 { p.dividingFullWidth((high: w, low: 0)).quotient }

    @inline(__always) func multiply(_ t: UInt64, by w: UInt64, shoup ws: UInt64) -> UInt64 {
        let q = t.multipliedFullWidth(by: ws).high
        let r = t &* w &- q &* p
        return r >= p ? r &- p : r
    }

    func power(_ a: UInt64, _ e: UInt64) -> UInt64 {
        var result: UInt64 = 1, base = a % p, e = e
        while e > 0 {
            if e & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            e >>= 1
        }
        return result
    }

    /// a⁻¹ mod p for a ≢ 0 (Fermat).
    func inverse(_ a: UInt64) -> UInt64 { power(a, p - 2) }

    /// x mod p in [0, p).
    @inline(__always) func residue(_ x: BigInteger) -> UInt64 { UInt64(x.residue(modulo: UInt(p))) }

    /// x mod p for a small signed integer.
    @inline(__always) func residue(_ x: Int) -> UInt64 {
        x >= 0 ? UInt64(x) % p : negate(UInt64(x.magnitude) % p)
    }

    /// Deterministic Miller–Rabin for n < 2⁶⁴ (the first twelve primes as bases suffice).
    static func isPrime(_ n: UInt64) -> Bool {
        let bases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
        if n < 2 { return false }
        for b in bases where n % b == 0 { return n == b }
        for small: UInt64 in [41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97] where n % small == 0 { return n == small }
        var d = n - 1, r = 0
        while d & 1 == 0 { d >>= 1; r += 1 }
        let m = WordModulus(p: n)
        witnesses: for a in bases {
            var x = m.power(a, d)
            if x == 1 || x == n - 1 { continue }
            for _ in 0..<max(r - 1, 0) {
                x = m.multiply(x, x)
                if x == n - 1 { continue witnesses }
            }
            return false
        }
        return true
    }

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
