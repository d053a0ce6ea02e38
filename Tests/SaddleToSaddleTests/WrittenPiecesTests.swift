import ExactArithmetic
import JSONFormat
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import SeededRandom
import Testing
@testable import LimitVerdict

/// What `compare --json` writes for its z↓ and gap pieces: the text of recurring values converted
/// once, against the plain conversion, and z↓'s coefficients on a worked example.
@Suite struct WrittenPiecesTests {
    /// A seeded value: small, 128-bit, or a few hundred bits; negative, integer or not.
    static func value(_ g: inout SplitMix64) -> Rational {
        var n = BigInteger(Int(g.next() >> 34) - (1 << 28)), d = BigInteger(Int(g.next() >> 40) + 1)
        for _ in 0..<g.nextInt(in: 0...6) { n = n * BigInteger(Int(g.next() >> 2)) + BigInteger(Int(g.next() >> 50)) }
        for _ in 0..<g.nextInt(in: 0...6) { d = d * BigInteger(Int(g.next() >> 2) + 1) }
        return g.nextInt(in: 0...3) == 0 ? Rational(n, BigInteger(1)) : Rational(n, d)
    }

    /// Every text is exact(q), whatever was kept, for values that recur at random (and nil).
    @Test(arguments: [UInt64(1), 2, 3])
    func recentTextsAreTheExactTexts(_ seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let pool: [Rational?] = (0..<10).map { _ in Self.value(&g) } + [nil, .zero, Rational(-3, 4)]
        for exact in [ExactJSON.exactStrings, .nearestDouble] {
            for capacity in [1, 2, 4, 8] {
                var texts = RecentTexts(exact, capacity: capacity)
                var hits = 0
                for _ in 0..<600 {
                    let q = pool[g.nextInt(in: 0..<pool.count)]
                    if let q, texts.kept.contains(q) { hits += 1 }
                    #expect(texts.text(q) == exact.optional(q), "seed \(seed), capacity \(capacity)")
                    #expect(texts.kept.count <= capacity)
                }
                #expect(hits > 20, "values recur: \(hits)")
            }
        }
    }

    /// Least recently used first out, by value (equal values from different sums are one).
    @Test func recentTextsKeepTheLastUsed() {
        var texts = RecentTexts(.exactStrings, capacity: 2)
        let a = Rational(1, 3), b = Rational(-2, 5), c = Rational(7)
        _ = texts.text(a)
        _ = texts.text(b)
        #expect(texts.text(Rational(1, 6) + Rational(1, 6)) == .string("1/3"))
        #expect(texts.kept == [b, a])
        #expect(texts.text(c) == .string("7"))
        #expect(texts.kept == [a, c]) // b was the least recently used
        #expect(texts.text(nil) == .null && texts.kept == [a, c])
        #expect(texts.text(b) == .string("-2/5") && texts.kept == [c, b])
    }

    /// docs/math.md §4's worked example: on μ ∈ [3/4, 1] the rate is 1/2, so
    /// c₀ = 0 − (1/2)(3/4 + 9/32) = −33/64 and z↓(1) = −33/64 + (1/2)(1 + 1/2) = 15/64.
    @Test func workedExampleConstants() throws {
        let problem = try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"))
        let path = LassoPathInTime(try LassoPath(problem: problem))
        var builder = DownwardVariation.Builder(horizon: nil)
        builder.add(through: path)
        let pieces = builder.finish().pieces
        #expect(pieces.map(\.from) == [q("0"), q("3/4"), q("1")])
        #expect(pieces.map(\.coefficients.c0) == [q("0"), q("-33/64"), q("15/64")])
        #expect(pieces.map(\.valueAtFrom) == [q("0"), q("0"), q("15/64")])
        #expect(pieces[1].value(at: q("7/8")) == q("-33/64") + q("1/2") * (q("7/8") + q("49/128")))
    }
}
