import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict
import Testing

/// docs/math.md §4's worked example against its lasso path (knots 3, 4/3, 1, 1/3, 0).
///
/// Lasso by hand: x = ((−3 + κ)/10, 0) on [4/3, 3]; x = ((1 − κ)/2, 2 − 3κ/2) on [1, 4/3];
/// x = (0, (2 − κ)/2) on [1/3, 1]; x = ((1 − 3κ)/2, 2 − 7κ/2) on [0, 1/3]. The z-slopes a are
/// (−3/10, 0), (1/2, 2), (0, 1), (1/2, 2): on [1, 4/3] (μ ∈ [3/4, 1]) a₁ = 1/2 > 0 while x₁ < 0,
/// so z is not monotone, and z↓ = ∫_{3/4}^{1} (1 + u)·(1/2) du = 15/64.
/// With κ = 1/s: x̄ = (−1/(8s), 1 − 3/(4s)) on [3/4, 11/4] and (1/2 − 3/(2s), 2 − 7/(2s)) after,
/// which equals the lasso (1/2 − 3/(2s), 2 − 7/(2s)) exactly for s ≥ 3 and differs on (3/4, 3).
@Suite struct WorkedExampleVerdictTests {
    static func verdict() throws -> Verdict {
        try Verdict(problem: Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2")))
    }

    @Test func knotsAndVerdict() throws {
        let v = try Self.verdict()
        #expect(v.path.kappa == vector("3", "4/3", "1", "1/3", "0"))
        #expect(v.limit.saddles.map(\.s) == vector("0", "1/3", "3/4", "11/4"))
        #expect(!v.monotone)
        #expect(!v.equivalent)
        #expect(v.divergence == [Divergence(from: q("3/4"), to: q("3"), coordinates: [0, 1])])
        #expect(v.contradiction == nil)
        #expect(!v.comparesImages)
    }

    @Test func monotonicityBreak() throws {
        let b = try #require(try Self.verdict().monotonicityBreak)
        #expect(b.segment == 1)
        #expect(b.coordinate == 0)
        #expect((b.kappaFrom, b.kappaTo) == (q("4/3"), q("1")))
        #expect((b.muFrom, b.muTo) == (q("3/4"), q("1")))
        #expect(b.slope == q("1/2"))
        #expect(b.valueAtStart == q("-1/6"))
        #expect((b.decreasingFrom, b.decreasingTo) == (q("3/4"), q("1")))
    }

    @Test func downwardVariationAndEta() throws {
        let v = try Self.verdict()
        #expect(v.downwardVariation.total == q("15/64"))
        #expect(v.downwardVariation.value(at: q("1/2")) == 0)
        // On [3/4, 1]: z↓(μ) = (1/2)[(μ − 3/4) + (μ² − 9/16)/2]; at μ = 7/8: (1/2)(1/8 + 13/128) = 29/256.
        #expect(v.downwardVariation.value(at: q("7/8")) == q("29/256"))
        #expect(v.downwardVariation.value(at: q("10")) == q("15/64"))
        let eta = try v.eta(at: q("2"))
        #expect(eta.zDown == q("15/64"))
        #expect(eta.squareRoot == nil) // √(15/64) = √15/8 is irrational
        #expect(eta.expression == "√(15/64)/2 + (15/64)/4")
        #expect(abs(eta.approximate - (15.0.squareRoot() / 16 + 15.0 / 256)) < 1e-12)
        // A rational case: z↓ = 1/4 gives η(1) = 1/2 + 1/4 (checked through the formula).
        #expect(q("1/4").exactSquareRoot == q("1/2"))
    }

    /// Lasso(x̄(s), 1/s) − Lasso*(1/s), by hand at s = 2: x̄ = (−1/16, 5/8) gives −135/256 and the
    /// lasso x = (0, 3/4) gives −144/256, a gap of 9/256.
    @Test func exactGaps() throws {
        let v = try Self.verdict()
        #expect(try v.gap(at: q("1/2")) == 0)
        #expect(try v.gap(at: q("3/4")) == 0)
        #expect(try v.gap(at: q("1")) == q("1/64"))
        #expect(try v.gap(at: q("2")) == q("9/256"))
        #expect(try v.gap(at: q("5/2")) == q("13/400"))
        #expect(try v.gap(at: q("3")) == 0)
        #expect(try v.gap(at: q("7")) == 0)
        // On [1, 11/4] the gap is u/8 − 7u²/64 (u = 1/s), largest at u = 4/7: 1/28 at s = 7/4.
        let piece = try #require(v.gap.first { $0.from == 1 })
        #expect(piece.parts.map { [$0.g0, $0.g1, $0.g2] } == [vector("0", "1/8", "-7/64")])
        #expect(piece.maximum == q("1/28"))
        #expect(piece.maximiser == q("7/4"))
        #expect(v.maximumGap(from: q("3/4"), to: q("3"))?.maximum == q("1/28"))
        // The piece formulas agree with the direct evaluation.
        for part in v.gap.flatMap(\.parts) {
            let inside = part.to.map { (part.from + $0) / 2 } ?? part.from + 1
            #expect(try v.gap(at: inside) == part.value(at: inside))
        }
    }

    @Test func linkAndStatements() throws {
        let v = try Self.verdict()
        #expect(v.link.matched == 1)
        #expect(v.link.mismatch == .position(saddle: 2, s: q("3/4"), knot: 1, saddleX: vector("0", "1"), slope: vector("1/2", "2")))
        #expect(v.statements.contains("they part at s = 3/4 (coordinates 1, 2 leave the path) and rejoin at s = 3; the gap is 1/28 at s = 7/4"))
        #expect(v.statements.contains("the downward variation is z↓ = 15/64 for μ ≥ 1"))
        #expect(!v.statements.contains { $0.contains("CONTRADICTION") })
    }

    /// Two uncoupled copies of the example, the second with r/4: its knots are the first's / 4,
    /// so its times are 4×: two divergence intervals, [3/4, 3] in coordinates 0, 1 and [3, 12] in
    /// 2, 3, which touch at s = 3 and must not be glued into one.
    @Test func touchingDivergenceIntervalsStayApart() throws {
        let B = [[10, -4], [-4, 2]]
        let M = matrix([B[0] + [0, 0], B[1] + [0, 0], [0, 0] + B[0], [0, 0] + B[1]])
        let v = try Verdict(problem: Problem(M: M, r: vector("-3", "2", "-3/4", "1/2")))
        #expect(v.divergence == [Divergence(from: q("3/4"), to: q("3"), coordinates: [0, 1]),
                                 Divergence(from: q("3"), to: q("12"), coordinates: [2, 3])])
    }

    /// The second copy with M and r both × 3/4: its z decreases on μ ∈ [1, 4/3] at the same rate
    /// 1/2, right after the first's [3/4, 1]. The pieces keep their coordinates apart:
    /// z↓ = 15/64 at μ = 1, then + (1/2)[(4/3 − 1) + (16/9 − 1)/2] = 13/36, so 343/576.
    @Test func equalRatesOfOtherCoordinatesAreSeparatePieces() throws {
        let M = Matrix([vector("10", "-4", "0", "0"), vector("-4", "2", "0", "0"), vector("0", "0", "15/2", "-3"), vector("0", "0", "-3", "3/2")])
        let v = try Verdict(problem: Problem(M: M, r: vector("-3", "2", "-9/4", "3/2")))
        let pieces = v.downwardVariation.pieces
        #expect(pieces.map(\.from) == vector("0", "3/4", "1", "4/3"))
        #expect(pieces.map(\.rate) == vector("0", "1/2", "1/2", "0"))
        #expect(pieces.map(\.coordinates) == [[], [0], [2], []])
        #expect(v.downwardVariation.total == q("343/576"))
    }
}
