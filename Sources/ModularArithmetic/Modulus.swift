import ExactArithmetic

/// Arithmetic modulo one prime p < 2³⁰, on `UInt64` words: a product of two residues is < 2⁶⁰,
/// so sums of a few products fit a word before one reduction.
///
/// `multiply(_:by:shoup:)` is Shoup's multiplication by a fixed residue w with the precomputed
/// w' = ⌊w·2⁶⁴/p⌋: for any t < 2⁶⁴ it returns t·w mod p with two multiplications and no division.
struct Modulus: Sendable {
    let p: UInt64

    @inline(__always) func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 { a * b % p }

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

    /// Shoup's precomputed w' for a residue w < p.
    func shoup(_ w: UInt64) -> UInt64 { p.dividingFullWidth((high: w, low: 0)).quotient }

    @inline(__always) func multiply(_ t: UInt64, by w: UInt64, shoup ws: UInt64) -> UInt64 {
        let q = t.multipliedFullWidth(by: ws).high
        let r = t &* w &- q &* p // the exact value t·w − q·p lies in [0, 2p)
        return r >= p ? r - p : r
    }

    /// −a mod p for a residue a.
    @inline(__always) func negate(_ a: UInt64) -> UInt64 { a == 0 ? 0 : p - a }

    /// x mod p in [0, p).
    func residue(_ x: BigInteger) -> UInt64 {
        if let v = x.intValue { return UInt64((v % Int(p) + Int(p)) % Int(p)) }
        return UInt64(x.floorDivided(by: BigInteger(Int(p))).remainder.intValue!)
    }

    /// Deterministic Miller–Rabin for n < 2³² (bases 2, 7, 61 suffice).
    static func isPrime(_ n: UInt64) -> Bool {
        if n < 2 { return false }
        for small: UInt64 in [2, 3, 5, 7, 11, 13, 61] where n % small == 0 { return n == small }
        var d = n - 1, r = 0
        while d & 1 == 0 { d >>= 1; r += 1 }
        let m = Modulus(p: n)
        witnesses: for a: UInt64 in [2, 7, 61] {
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
