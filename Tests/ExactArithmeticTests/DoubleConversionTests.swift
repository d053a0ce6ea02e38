import SeededRandom
import Testing
import ExactArithmetic

@Suite("Double conversion")
struct DoubleConversionTests {
    @Test func exactFromDouble() {
        #expect(Rational(exactly: 0.1) == Rational(3_602_879_701_896_397, 36_028_797_018_963_968))
        #expect(Rational(exactly: -2.5) == Rational(-5, 2))
        #expect(Rational(exactly: -0.0) == .zero && Rational(exactly: 0.0)!.isSmall)
        #expect(Rational(exactly: 0x1p63) == Rational(pow2(63)) && !Rational(exactly: 0x1p63)!.isSmall)
        #expect(Rational(exactly: -0x1p63) == Rational(Int.min))
        #expect(Rational(exactly: 1e300) == Self.dyadic(1e300))
        #expect(Rational(exactly: 1e300)!.description == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160")
        #expect(Rational(exactly: Double.leastNonzeroMagnitude) == Rational(BigInteger(1), pow2(1074)))
        #expect(Rational(exactly: .nan) == nil)
        #expect(Rational(exactly: .infinity) == nil)
        #expect(Rational(exactly: -.infinity) == nil)
        #expect(Rational(exactly: .signalingNaN) == nil)
    }

    static let knownCases: [(Rational, Double)] = [
        (Rational(1, 3), 1.0 / 3.0),
        (Rational(2, 3), 2.0 / 3.0),
        (Rational(-1, 3), -1.0 / 3.0),
        (Rational(1, 10), 0.1),
        (Rational(pow2(53) + 1), 0x1p53),                            // tie → even (2^53)
        (Rational(pow2(53) + 3), 0x1p53 + 4),                        // tie → even (2^53 + 4)
        (Rational(pow2(53) + 5), 0x1p53 + 4),                        // tie → even (2^53 + 4)
        (Rational(-(pow2(53) + 3)), -(0x1p53 + 4)),
        (Rational(pow2(54) + 3), 0x1p54 + 4),                        // 3/4 ulp → up
        (Rational(pow2(53) + 1, pow2(60)), 0x1p-7),                  // same tie in a fraction
        (Rational(pow2(53) + 1, pow2(60) - 1), Double(sign: .plus, exponent: -7, significand: 1.0).nextUp),
        (Rational(BigInteger(1), pow2(1074)), Double.leastNonzeroMagnitude),
        (Rational(BigInteger(3), pow2(1076)), Double.leastNonzeroMagnitude), // 0.75 · 2^-1074 → 1 · 2^-1074
        (Rational(BigInteger(5), pow2(1076)), Double.leastNonzeroMagnitude), // 1.25 → 1
        (Rational(BigInteger(3), pow2(1075)), 2 * Double.leastNonzeroMagnitude), // 1.5 → 2 (tie, even)
        (Rational(BigInteger(5), pow2(1075)), 2 * Double.leastNonzeroMagnitude), // 2.5 → 2 (tie, even)
        (Rational(BigInteger(1), pow2(1075)), 0.0),                  // 0.5 → 0 (tie, even)
        (Rational(pow2(1075) + 1, pow2(2150)), Double.leastNonzeroMagnitude), // just above the tie
        (Rational(BigInteger(1), pow2(1076)), 0.0),
        (Rational(pow2(53) - 1, pow2(1075)), Double.leastNormalMagnitude), // tie at the subnormal top → 2^-1022
        (Rational(pow2(52) - 1, pow2(1074)), Double.leastNormalMagnitude.nextDown),
        (Rational((pow2(54) - 1) * pow2(970) - 1), Double.greatestFiniteMagnitude), // just below the tie
        (Rational((pow2(54) - 1) * pow2(970)), Double.infinity),     // the tie rounds to 2^1024
        (Rational(pow2(1024) - 1), Double.infinity),
        (Rational(-(pow2(1024) - 1)), -Double.infinity),
        (Rational(pow10(400)), Double.infinity),
        (Rational(pow2(1023) * 3, BigInteger(2)), 0x1.8p1023),
        (Rational(Int(Int64.max)), 0x1p63),
        (Rational(Int(Int64.max), Int(Int64.max) - 1), 1.0),
        (Rational.zero, 0.0),
    ]

    @Test("correctly rounded known cases", arguments: knownCases)
    func knownCase(q: Rational, expected: Double) {
        let d = q.doubleValue
        #expect(d.bitPattern == expected.bitPattern, "\(q) → \(d), want \(expected)")
    }

    /// The value of a finite double from its bits, by hand: ±significand · 2^(exponent − 1075).
    static func dyadic(_ x: Double) -> Rational {
        let biased = Int(x.exponentBitPattern)
        let significand = BigInteger(Int(x.significandBitPattern) + (biased == 0 ? 0 : 1 << 52))
        let shift = Swift.max(biased, 1) - 1075
        let magnitude = shift >= 0 ? Rational(significand.shiftedLeft(shift)) : Rational(significand, pow2(-shift))
        return x.sign == .minus ? -magnitude : magnitude
    }

    @Test func tinyNegativeRoundsToNegativeZero() throws {
        let d = try Rational(parsing: "-1e-400").doubleValue
        #expect(d == 0 && d.sign == .minus)
        #expect(try Rational(parsing: "1e-400").doubleValue.bitPattern == 0)
        #expect(try Rational(parsing: "-1e400").doubleValue == -.infinity)
    }

    @Test func randomDoublesRoundTrip() {
        var rng = SplitMix64(seed: 0x5EED_0003)
        var checked = 0
        while checked < 20_000 {
            var x = Double(bitPattern: rng.next())
            if rng.next() % 4 == 0 { x = Double(bitPattern: rng.next() >> 12) } // subnormals and tiny
            if rng.next() % 4 == 0 { x = Double(Int64(bitPattern: rng.next()) >> rng.next() % 64) } // integers
            guard x.isFinite else { continue }
            let q = Rational(exactly: x)!
            expectCanonical(q)
            #expect(q == Self.dyadic(x), "\(x)")
            #expect(q.doubleValue == x, "\(x) → \(q) → \(q.doubleValue)")
            checked += 1
        }
    }

    /// For random rationals across the whole exponent range, `d = q.doubleValue` is a nearest
    /// double: no neighbour is closer, computed exactly in Rational, and an exact tie picks the even one.
    @Test func randomRationalsRoundToNearest() {
        var rng = SplitMix64(seed: 0x5EED_0004)
        let overflowTie = Rational((pow2(54) - 1) * pow2(970))
        for _ in 0..<1_500 {
            var n = rng.bigInteger(bits: rng.nextInt(in: 1...130))
            var d = rng.bigInteger(bits: rng.nextInt(in: 1...130))
            switch rng.nextInt(in: 0...3) {
            case 0: n = n.shiftedLeft(rng.nextInt(in: 0...1_100))          // up to overflow
            case 1: d = d.shiftedLeft(rng.nextInt(in: 0...1_100))          // down to subnormals and zero
            case 2: n = n.shiftedLeft(54) + BigInteger(rng.nextInt(in: -2...2)); d = d.shiftedLeft(rng.nextInt(in: 0...60)) // near ties
            default: break
            }
            if rng.next() & 1 == 0 { n = -n }
            let q = Rational(n, d)
            let x = q.doubleValue
            if x.isInfinite {
                #expect(q.magnitude >= overflowTie, "\(q) → \(x)")
                #expect((x < 0) == (q < .zero))
                continue
            }
            if !q.isZero { #expect(x.sign == (q < .zero ? .minus : .plus), "sign of \(q) → \(x)") }
            let error = (q - Rational(exactly: x)!).magnitude
            for neighbour in [x.nextUp, x.nextDown] {
                guard let r = Rational(exactly: neighbour) else {
                    #expect(q.magnitude < overflowTie, "\(q) → \(x)")
                    continue
                }
                let other = (q - r).magnitude
                #expect(error <= other, "\(q) → \(x), but \(neighbour) is closer")
                if error == other && !x.isZero {
                    #expect(x.bitPattern & 1 == 0, "tie \(q) → \(x) is not even")
                }
            }
        }
    }
}
