import ExactArithmetic
import ExactLinearAlgebra
import SeededRandom
import Testing
@testable import LassoHomotopy

/// The certificate's machine-word correlation (`WordCorrelation`) against the same relations
/// over GMP integers, at the edges of its words: δ at 2⁶⁴, X̃ and C at 2¹²⁷, a·q and b·n at 2¹²⁸.
@Suite struct WordCorrelationTests {
    /// t_j = a_j·q·C_j against b_j·n·(L·δ), C from `ScaledProblem.correlation` (GMP).
    static func reference(_ scaled: ScaledProblem, a: [BigInteger], b: [BigInteger], xt: [Rational], kappa: Rational) -> [CorrelationRelation] {
        let (C, den) = scaled.correlation(xt)
        return (0..<scaled.d).map { j in
            let t = a[j] * kappa.denominator * C[j], bound = b[j] * kappa.numerator * den
            return CorrelationRelation(sign: Int8(t.signum), magnitude: Int8(t.compareMagnitude(to: bound)))
        }
    }

    /// A random integer of exactly `bits` bits (0 for 0 bits).
    static func integer(bits: Int, _ random: inout SplitMix64) -> BigInteger {
        if bits == 0 { return 0 }
        var v = BigInteger.power(base: 2, exponent: bits - 1)
        let low = (UInt128(random.next()) << 64 | UInt128(random.next())) & ((UInt128(1) << (bits - 1)) &- 1)
        v += BigInteger(decimalDigits: String(low))!
        return v
    }

    static func signed(bits: Int, _ random: inout SplitMix64) -> BigInteger {
        let v = integer(bits: bits, &random)
        return random.next() & 1 == 0 ? v : -v
    }

    @Test func agreesWithGMPAtTheWordEdges() throws {
        var random = SplitMix64(seed: 0x5EED_C0DE)
        let d = 3
        var accepted = 0, rejected = 0, equalities = 0, noWords = 0
        for _ in 0..<3000 {
            func pick(_ options: [Int]) -> Int { options[random.nextInt(in: 0..<options.count)] }
            let l = Self.integer(bits: pick([1, 1, 8, 40]), &random)
            let mBits = pick([1, 5, 30, 62, 63, 64]), rBits = pick([1, 5, 40, 63, 64])
            var M = Matrix(rows: d, columns: d)
            for i in 0..<d { for j in i..<d {
                let v = Rational(Self.signed(bits: random.nextInt(in: 1...mBits), &random), l)
                M[i, j] = v
                M[j, i] = v
            } }
            let r = (0..<d).map { _ in Rational(Self.signed(bits: random.nextInt(in: 1...rBits), &random), l) }
            let scaled = ScaledProblem(M: M, r: r)
            let ab = pick([1, 32, 63, 64, 65])
            let a = (0..<d).map { _ in Self.integer(bits: random.nextInt(in: 1...ab), &random) }
            let b = (0..<d).map { _ in Self.integer(bits: random.nextInt(in: 1...ab), &random) }
            guard let words = WordCorrelation(scaled: scaled, numerators: a, denominators: b) else {
                // Only entries beyond their words refuse.
                #expect(scaled.M.contains { $0.intValue == nil } || scaled.r.contains { $0.intValue == nil }
                        || (a + b + [scaled.scale]).contains { $0.intValue == nil })
                noWords += 1
                continue
            }
            let numeratorBits = pick([1, 30, 63, 64, 100, 126, 127, 128]), denominatorBits = pick([1, 20, 32, 33, 63, 64, 65])
            var xt = (0..<d).map { _ in
                Rational(Self.signed(bits: random.nextInt(in: 1...numeratorBits), &random),
                         Self.integer(bits: random.nextInt(in: 1...denominatorBits), &random))
            }
            if random.next() % 4 == 0 { xt[random.nextInt(in: 0..<d)] = .zero }
            var kappa = Rational(Self.integer(bits: pick([0, 1, 45, 63, 64, 65]), &random),
                                 Self.integer(bits: pick([1, 63, 64, 65]), &random))
            if random.next() % 2 == 0 {
                // κ = |c_j| for some j: the equality the certificate tests.
                let j = random.nextInt(in: 0..<d)
                let (C, den) = scaled.correlation(xt)
                kappa = Rational(C[j].magnitude * a[j], den * b[j])
            }
            let expected = Self.reference(scaled, a: a, b: b, xt: xt, kappa: kappa)
            var out: [CorrelationRelation] = []
            if words.relations(xt, kappa: kappa, into: &out) {
                #expect(out == expected)
                accepted += 1
                equalities += out.filter { $0.magnitude == 0 }.count
            } else {
                rejected += 1
            }
        }
        #expect(accepted > 300)
        #expect(rejected > 300)
        #expect(noWords > 100)
        #expect(equalities > 100)
    }

    /// δ = 2⁶⁴ − 1 fits, 2⁶⁴ does not; C just inside and just outside 2¹²⁷.
    @Test func exactEdges() throws {
        let M = Matrix([[Rational(1)]])
        let big = Rational(Int(Int64.max))
        let one = [BigInteger(1)]
        let scaled = ScaledProblem(M: M, r: [big])
        let words = try #require(WordCorrelation(scaled: scaled, numerators: one, denominators: one))
        let maxWord = BigInteger(decimalDigits: String(UInt64.max))!
        var out: [CorrelationRelation] = []
        for (xt, kappa, fits) in [
            (Rational(BigInteger(1), maxWord), Rational(1), true),               // δ = 2⁶⁴ − 1: C = (2⁶³ − 1)δ − 1 < 2¹²⁷
            (Rational(BigInteger(1), maxWord + 1), Rational(1), false),           // δ = 2⁶⁴
            (Rational(BigInteger.power(base: 2, exponent: 126)), Rational(1), true),
            (Rational(BigInteger.power(base: 2, exponent: 127)), Rational(1), false),
            (Rational(1), Rational(BigInteger(1), maxWord), true),                 // a·q = 2⁶⁴ − 1
            (Rational(1), Rational(BigInteger(1), BigInteger.power(base: 2, exponent: 128)), false),
        ] {
            let done = words.relations([xt], kappa: kappa, into: &out)
            #expect(done == fits)
            if done { #expect(out == Self.reference(scaled, a: one, b: one, xt: [xt], kappa: kappa)) }
        }
        // c = r − x = κ exactly: equal magnitudes.
        #expect(words.relations([Rational(5)], kappa: big - Rational(5), into: &out))
        #expect(out == [CorrelationRelation(sign: 1, magnitude: 0)])
    }

    /// `relations(x:)`, which forms x̃ = s∘x in words from the knot's x, against `relations(_:)` on
    /// x̃ formed as `Rational`s: the same acceptance and the same relations (s in lowest terms, as
    /// the certificate's scales are), from small x to entries past the words.
    @Test func fromXEqualsFromScaledX() throws {
        var random = SplitMix64(seed: 0x5EED_0812)
        let d = 3
        var accepted = 0, rejected = 0
        for _ in 0..<2000 {
            func pick(_ options: [Int]) -> Int { options[random.nextInt(in: 0..<options.count)] }
            var M = Matrix(rows: d, columns: d)
            for i in 0..<d { for j in i..<d {
                let v = Rational(Self.signed(bits: random.nextInt(in: 1...6), &random))
                M[i, j] = v
                M[j, i] = v
            } }
            let r = (0..<d).map { _ in Rational(Self.signed(bits: random.nextInt(in: 1...6), &random)) }
            let scaled = ScaledProblem(M: M, r: r)
            let ab = pick([1, 20, 45, 63])
            let s = (0..<d).map { _ in Rational(Self.integer(bits: random.nextInt(in: 1...ab), &random), Self.integer(bits: random.nextInt(in: 1...ab), &random)) }
            let words = try #require(WordCorrelation(scaled: scaled, numerators: s.map(\.numerator), denominators: s.map(\.denominator)))
            let numeratorBits = pick([1, 30, 63, 64, 100, 127]), denominatorBits = pick([1, 20, 40, 63, 64])
            var x = (0..<d).map { _ in
                Rational(Self.signed(bits: random.nextInt(in: 1...numeratorBits), &random),
                         Self.integer(bits: random.nextInt(in: 1...denominatorBits), &random))
            }
            if random.next() % 4 == 0 { x[random.nextInt(in: 0..<d)] = .zero }
            let xt = zip(x, s).map { $0 * $1 }
            var kappa = Rational(Self.integer(bits: pick([1, 20, 45]), &random), Self.integer(bits: pick([1, 40, 63]), &random))
            if random.next() % 2 == 0 {
                let j = random.nextInt(in: 0..<d)
                let (C, den) = scaled.correlation(xt)
                kappa = Rational(C[j].magnitude * s[j].numerator, den * s[j].denominator)
            }
            var fromXt: [CorrelationRelation] = [], fromX: [CorrelationRelation] = []
            let a = words.relations(xt, kappa: kappa, into: &fromXt), b = words.relations(x: x, kappa: kappa, into: &fromX)
            #expect(a == b, "\(x) ∘ \(s)")
            if a && b {
                #expect(fromX == fromXt)
                accepted += 1
            } else {
                rejected += 1
            }
        }
        #expect(accepted > 300 && rejected > 300, "\(accepted) accepted, \(rejected) rejected")
    }
}
