import SeededRandom
import Testing
@testable import ExactArithmetic

/// `gcdMagnitude`, the one binary gcd at both word widths, against Euclid's algorithm written here.
@Suite struct GCDTests {
    static func euclid<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// A value of a random bit length up to `bits` (so that small and large operands meet).
    static func value<T: FixedWidthInteger & UnsignedInteger>(_ rng: inout SplitMix64, bits: Int, as: T.Type) -> T {
        let length = rng.nextInt(in: 0...bits)
        var v: T = 0
        for _ in 0..<((length + 63) / 64) { v = v << 64 | T(truncatingIfNeeded: rng.next()) }
        return length == T.bitWidth ? v : v & ((T(1) << length) &- 1)
    }

    @Test func edgesAtBothWidths() {
        #expect(gcdMagnitude(UInt64(0), 0) == 0 && gcdMagnitude(UInt64(0), 12) == 12 && gcdMagnitude(UInt64(12), 0) == 12)
        #expect(gcdMagnitude(UInt64(12), 18) == 6 && gcdMagnitude(UInt64(1) << 63, 1 << 40) == 1 << 40)
        #expect(gcdMagnitude(UInt64.max, UInt64.max - 1) == 1 && gcdMagnitude(UInt64.max, 3 * 5 * 17) == 3 * 5 * 17)
        let two64 = UInt128(1) << 64
        #expect(gcdMagnitude(two64, two64 + 2) == 2 && gcdMagnitude(UInt128(1) << 127, two64) == two64)
        #expect(gcdMagnitude(UInt128.max, UInt128.max) == UInt128.max && gcdMagnitude(UInt128(0), UInt128.max) == UInt128.max)
        // 2¹²⁸ − 1 = (2⁶⁴ − 1)(2⁶⁴ + 1), odd, and 2⁶⁴ + 1 is prime to 6.
        #expect(gcdMagnitude(UInt128.max, two64 + 1) == two64 + 1 && gcdMagnitude(UInt128.max, UInt128(UInt64.max) * 6) == UInt128(UInt64.max))
    }

    /// Seeded pairs with a random common factor (powers of two included), sizes from 0 bits to the
    /// full width: equal to Euclid's gcd.
    @Test func agreesWithEuclid() {
        var rng = SplitMix64(seed: 5_0812)
        var nontrivial = 0
        for _ in 0..<20_000 {
            let g = Self.value(&rng, bits: 20, as: UInt64.self) | 1 << UInt64(rng.nextInt(in: 0...3))
            let a = Self.value(&rng, bits: 44, as: UInt64.self) * g, b = Self.value(&rng, bits: 44, as: UInt64.self) * g
            #expect(gcdMagnitude(a, b) == Self.euclid(a, b), "\(a), \(b)")
            let h = Self.value(&rng, bits: 40, as: UInt128.self) | 1 << UInt128(rng.nextInt(in: 0...9))
            let c = Self.value(&rng, bits: 88, as: UInt128.self) * h, d = Self.value(&rng, bits: 88, as: UInt128.self) * h
            let e = gcdMagnitude(c, d)
            #expect(e == Self.euclid(c, d), "\(c), \(d)")
            if e > UInt128(UInt64.max) { nontrivial += 1 }
            let x = Self.value(&rng, bits: 64, as: UInt64.self), y = Self.value(&rng, bits: 64, as: UInt64.self)
            #expect(gcdMagnitude(x, y) == Self.euclid(x, y), "\(x), \(y)")
            let u = Self.value(&rng, bits: 128, as: UInt128.self), v = Self.value(&rng, bits: 128, as: UInt128.self)
            #expect(gcdMagnitude(u, v) == Self.euclid(u, v), "\(u), \(v)")
        }
        #expect(nontrivial > 300)
    }
}
