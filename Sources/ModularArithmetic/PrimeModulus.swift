/// Arithmetic modulo one prime p on `UInt64` residues in [0, p) that only needs p < 2⁶³, and a
/// deterministic Miller–Rabin test whose witnesses the conforming type chooses for its range
/// (`WordModulus`: 2⁶¹ < p < 2⁶²).
protocol PrimeModulus: Sendable {
    var p: UInt64 { get }
    init(p: UInt64)
    /// a·b mod p for residues a, b.
    func multiply(_ a: UInt64, _ b: UInt64) -> UInt64
    /// Witnesses that make Miller–Rabin deterministic on the type's range.
    static var witnesses: [UInt64] { get }
    /// Primes tried by trial division first (they include the witnesses).
    static var smallPrimes: [UInt64] { get }
}

extension PrimeModulus {
    /// −a mod p for a residue a.
    @inline(__always) func negate(_ a: UInt64) -> UInt64 { a == 0 ? 0 : p &- a }

    /// r mod p for r < 2p, without a branch: residues are random, so a branch on r ≥ p
    /// mispredicts about half the time (it doubled the bordering's cost). r − p wraps to a
    /// word with its top bit set exactly when r < p (p < 2⁶³), and that bit selects p back.
    @inline(__always) func reduceOnce(_ r: UInt64) -> UInt64 {
        let d = r &- p
        return d &+ (p & UInt64(bitPattern: Int64(bitPattern: d) >> 63))
    }

    /// t·w mod p for any t < 2⁶⁴ with two multiplications and no division (Shoup): the exact
    /// value t·w − q·p lies in [0, 2p).
    @inline(__always) func multiply(_ t: UInt64, by w: UInt64, shoup ws: UInt64) -> UInt64 {
        let q = t.multipliedFullWidth(by: ws).high
        return reduceOnce(t &* w &- q &* p)
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

    /// a⁻¹ mod p for a ≢ 0 (0 for a ≡ 0), by the extended Euclidean algorithm on (p, a mod p):
    /// about 40 word divisions where Fermat's a^(p−2) took ~90 dependent products. The
    /// coefficients stay within p in absolute value, so they fit an `Int64`.
    func inverse(_ a: UInt64) -> UInt64 {
        var (r0, r1) = (p, a % p)
        var (t0, t1): (Int64, Int64) = (0, 1)
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 &- q &* r1)
            (t0, t1) = (t1, t0 &- Int64(bitPattern: q) &* t1)
        }
        return t0 < 0 ? UInt64(bitPattern: t0 &+ Int64(bitPattern: p)) : UInt64(bitPattern: t0)
    }

    /// Deterministic Miller–Rabin for n in the type's range.
    static func isPrime(_ n: UInt64) -> Bool {
        if n < 2 { return false }
        for small in smallPrimes where n % small == 0 { return n == small }
        var d = n - 1, r = 0
        while d & 1 == 0 { d >>= 1; r += 1 }
        let m = Self(p: n)
        witnesses: for a in witnesses {
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
}
