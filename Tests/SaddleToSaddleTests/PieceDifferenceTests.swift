import ExactArithmetic
import SeededRandom
import Testing
@testable import LimitVerdict

extension PieceDifference {
    /// The difference as rationals (constant and inverse parts).
    var rational: InverseAffine {
        InverseAffine(constant: constant.0.rationals.subtracting(constant.1.rationals),
                      inverse: inverse.0.rationals.subtracting(inverse.1.rationals))
    }
}

extension VerdictFilterTests {
    /// What a piece's comparison reads of `d` against its definition on the rational difference
    /// `expected` = c + u·v: zero, the nonzero components, the one root u > 0 where every
    /// component vanishes, and whether it is nonzero at a few times s = 1/u.
    static func expectComparison(_ d: PieceDifference, of expected: InverseAffine, _ label: String) {
        let differing = expected.constant.indices.filter { !expected.constant[$0].isZero || !expected.inverse[$0].isZero }
        #expect(d.isZero == differing.isEmpty, "\(label)")
        #expect(d.differingComponents == differing, "\(label)")
        // Each differing component vanishes at u = −c/v (none when v = 0); the root is common to all.
        let roots = differing.map { i in expected.inverse[i].isZero ? nil : -expected.constant[i] / expected.inverse[i] }
        var root: Rational? = nil
        if let first = roots.first, let u = first, roots.allSatisfy({ $0 == u }), u.signum > 0 { root = u }
        // The time s = 1/u of the root, only strictly inside the interval asked for.
        let s = root.map { $0.reciprocal }
        #expect(d.commonRoot(inside: .zero, nil) == s, "\(label)")
        if let s {
            let half = s / Rational(2), twice = s * Rational(2)
            #expect(d.commonRoot(inside: half, twice) == s, "\(label)")
            #expect(d.commonRoot(inside: half, nil) == s && d.commonRoot(inside: .zero, twice) == s, "\(label)")
            #expect(d.commonRoot(inside: s, twice) == nil && d.commonRoot(inside: half, s) == nil, "\(label): an end")
            #expect(d.commonRoot(inside: twice, nil) == nil && d.commonRoot(inside: .zero, half) == nil, "\(label): outside")
            #expect(d.commonRoot(inside: s - Rational(BigInteger(1), s.denominator * s.denominator), s + Rational(BigInteger(1), s.denominator * s.denominator)) == s, "\(label): a narrow piece")
        }
        var times = [Rational(1, 3), Rational(2), Rational(7, 5)]
        if let root { times.append(root.reciprocal) }
        for s in times {
            #expect(d.isNonzero(at: s) == !expected.value(at: s).allSatisfy(\.isZero), "\(label), s = \(s)")
        }
    }

    /// A difference given as four vectors in any form (as the image comparison builds it, over
    /// unreduced denominators) compares as the same vectors in the unique form and as the rational
    /// definition: equal entries, entries equal only after reduction, differences with one common
    /// root, several roots, or a constant part alone; numbers of a few to ~2,000 bits.
    @Test func unreducedDifferencesCompareAsTheRationalOnes() {
        var g = SplitMix64(seed: 313)
        var zero = 0, rooted = 0
        for round in 0..<240 {
            let bits = [3, 90, 700, 2000][round % 4], d = 1 + round % 5
            func value() -> Rational { g.nextInt(in: 0...4) == 0 ? .zero : Self.rational(&g, bits: bits) }
            let a = (0..<d).map { _ in value() }, b = (0..<d).map { _ in value() }
            // The other side: equal to this one (everywhere or in some entries), or with one root
            // u = t shared by all entries (a' = a + t·w, b' = b − w), or unrelated.
            let t = Self.rational(&g, bits: bits).magnitude + Rational(1, 5)
            let w = (0..<d).map { _ in value() }
            let (a2, b2): ([Rational], [Rational]) = switch round % 4 {
            case 0: (a, b)
            case 1: (a.indices.map { g.nextInt(in: 0...1) == 0 ? a[$0] : value() }, b.indices.map { g.nextInt(in: 0...1) == 0 ? b[$0] : value() })
            case 2: (a.adding(w.map { t * $0 }), b.subtracting(w))
            default: ((0..<d).map { _ in value() }, round % 8 == 3 ? b : (0..<d).map { _ in value() })
            }
            let expected = InverseAffine(constant: a.subtracting(a2), inverse: b.subtracting(b2))
            if expected.isZero { zero += 1 }
            // The same vectors over a denominator times a random factor (not the unique form).
            func spread(_ v: [Rational]) -> IntegerVector {
                let u = IntegerVector(v), f = VerdictIntegerFormTests.big(&g, bits: [1, 40, 300][round % 3])
                return IntegerVector(numerators: u.numerators.map { $0 * f }, denominator: u.denominator * f)
            }
            let unique = PieceDifference(a: IntegerAffine(constant: IntegerVector(a), inverse: IntegerVector(b)),
                                         b: IntegerAffine(constant: IntegerVector(a2), inverse: IntegerVector(b2)))
            let spread = PieceDifference(constant: (spread(a), spread(a2)), inverse: (spread(b), spread(b2)))
            #expect(spread.rational == expected && unique.rational == expected)
            Self.expectComparison(unique, of: expected, "round \(round), unique forms")
            Self.expectComparison(spread, of: expected, "round \(round), spread")
            if spread.commonRoot(inside: .zero, nil) != nil { rooted += 1 }
        }
        #expect(zero >= 40 && rooted >= 20)
    }
}

extension VerdictIntegerFormTests {
    /// A vector of the given values over their common denominator times a random factor (not
    /// the unique form, as M·B and M·b are kept).
    static func spread(_ values: [Rational], _ g: inout SplitMix64, bits: Int) -> IntegerVector {
        let u = IntegerVector(values), f = Self.big(&g, bits: bits)
        return IntegerVector(numerators: u.numerators.map { $0 * f }, denominator: u.denominator * f)
    }

    /// `entriesEqual` against equality of the rational entries, on near ties above all: equal
    /// integers (the shortcut) and equal fractions over unrelated long denominators, neighbours
    /// one unit apart, and integers against fractions near them.
    @Test func entriesEqualIsRationalEquality() {
        var g = SplitMix64(seed: 907)
        var equal = 0, integers = 0
        for round in 0..<500 {
            let bits = [3, 100, 900, 2500][round % 4]
            let x: Rational = switch round % 5 {
            case 0, 1: Rational(g.nextInt(in: -3...3))
            case 2: Rational(BigInteger(g.nextInt(in: -5...5)) * Self.big(&g, bits: bits))
            default: VerdictFilterTests.rational(&g, bits: bits)
            }
            let tiny = Rational(BigInteger(1), Self.big(&g, bits: bits + 64))
            let y: Rational = switch round % 3 {
            case 0: x
            case 1: x + (g.nextInt(in: 0...1) == 0 ? tiny : -tiny)
            default: g.nextInt(in: 0...1) == 0 ? x : VerdictFilterTests.rational(&g, bits: bits)
            }
            let u = Self.spread([x, y], &g, bits: [1, 64, 3000][round % 3]), v = Self.spread([y, x], &g, bits: [2000, 5, 70][round % 3])
            #expect(IntegerVector.entriesEqual(u, v, 0) == (x == y), "round \(round)")
            #expect(IntegerVector.entriesEqual(v, u, 1) == (x == y), "round \(round)")
            if x == y { equal += 1 }
            if x == y && x.isInteger { integers += 1 }
        }
        #expect(equal >= 150 && integers >= 60)
    }

    /// `halfQuadratic` against ½Σ b_i v_i in rationals, with v's entries integers (some, all or
    /// none) or fractions, over spread denominators of up to ~3,000 bits.
    @Test func halfQuadraticIsTheRationalOne() {
        var g = SplitMix64(seed: 419)
        for round in 0..<120 {
            let bits = [4, 200, 1500][round % 3], d = 1 + round % 7
            let b = (0..<d).map { _ in g.nextInt(in: 0...4) == 0 ? Rational.zero : VerdictFilterTests.rational(&g, bits: bits) }
            let v = (0..<d).map { _ -> Rational in
                switch (round / 3 + g.nextInt(in: 0...2)) % 4 {
                case 0: .zero
                case 1: Rational(g.nextInt(in: -2...2))
                case 2: Rational(Self.big(&g, bits: 130)) // an integer too long for a one-word quotient
                default: VerdictFilterTests.rational(&g, bits: bits)
                }
            }
            var expected = Rational.zero
            for i in 0..<d { expected += b[i] * v[i] }
            let (n, den) = VerdictProducts.halfQuadratic(Self.spread(b, &g, bits: 30), Self.spread(v, &g, bits: [1, 90, 2500][round % 3]))
            #expect(Rational(n, den) == Rational(1, 2) * expected, "round \(round)")
        }
    }
}

extension VerdictFilterTests {
    /// By hand, in one dimension of two (the first agrees): a difference −u on (0, 1], 1 − 2u on
    /// [1, 3] (apart at s = 1, meeting at s = 2 inside), u on [3, ∞): divergences [0, 2] and
    /// [2, ∞), each with coordinate 1 — the second starts inside a piece that is apart at its
    /// start, so that piece's coordinates are kept; the third piece's are not needed.
    @Test func divergenceStartingInsideAPieceApartAtItsStart() {
        func difference(_ c: Int, _ v: Int) -> PieceDifference {
            PieceDifference(a: IntegerAffine(constant: IntegerVector([.zero, Rational(c)]), inverse: IntegerVector([.one, Rational(v)])),
                            b: IntegerAffine(constant: IntegerVector([.zero, .zero]), inverse: IntegerVector([.one, .zero])))
        }
        let ends: [(Rational, Rational?)] = [(.zero, Rational(1)), (Rational(1), Rational(3)), (Rational(3), nil)]
        let parts = [difference(0, -1), difference(1, -2), difference(0, 1)]
        let compared = zip(parts, ends).map { PieceComparison($0, from: $1.0, to: $1.1) }
        #expect(compared.map(\.root) == [nil, Rational(2), nil])
        #expect(compared.map(\.apartAtStart) == [false, true, true])
        #expect(compared.map(\.coordinates) == [[1], [1], []])
        let pieces = ends.map { CommonPiece(from: $0.0, to: $0.1, saddle: 0, segment: nil, averagedFormula: .zero(2), lassoFormula: .zero(2)) }
        #expect(divergences(pieces, compared: compared) == [Divergence(from: .zero, to: Rational(2), coordinates: [1]),
                                                            Divergence(from: Rational(2), to: nil, coordinates: [1])])
    }
}
