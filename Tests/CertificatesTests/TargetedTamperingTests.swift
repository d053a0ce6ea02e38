import CertificateChecker
import Certificates
import ExactArithmetic
import ExactLinearAlgebra
import JSONFormat
import ProblemDefinition
import Testing

/// Tampering that only one check can catch, each found by a hand mutation of that check (the
/// checker with the check weakened accepted it): the blanket mutants of `Mutations` break other
/// claims too, so they do not show that this check holds on its own.
@Suite("certificate checker: targeted tampering") struct TargetedTamperingTests {
    static func berthier() throws -> JSONValue {
        let text = String(decoding: try repositoryFile("proofs/certificates/berthier-example.cert.json"), as: UTF8.self)
        return try JSONValue.parse(text)
    }

    /// A fourth z↓ piece after the last, with the right value: the lasso knots give three.
    @Test func anExtraDownwardVariationPiece() throws {
        let doc = try Self.berthier()
        let pieces: [Step] = [.key("verdict"), .key("downwardVariation"), .key("pieces")]
        let extra = doc.replacing(pieces) { v in
            .array(v.asArray! + [["from": "5", "to": .null, "rate": "0", "valueAtFrom": "15/64", "coordinates": []]])
        }
        let failure = expectFailure(extra.serialized(), "extra z↓ piece")
        #expect(failure?.description.hasPrefix("verdict z↓ pieces: z↓ has 4 pieces but the lasso knots give 3") == true, "\(String(describing: failure))")
    }

    /// On [11/4, 3] the gap is u(8 − 7u)/64 in u = 1/s: u = 60/77 (s = 77/60, outside) gives
    /// the same maximum 15/484 as the recorded s = 11/4.
    @Test func aMaximiserOutsideItsInterval() throws {
        let doc = try Self.berthier()
        let maxima = try #require(doc["verdict"]?["gapMaxima"]?.asArray)
        let k = try #require(maxima.firstIndex { $0["from"] == "11/4" && $0["to"] == "3" })
        #expect(maxima[k]["maximum"] == "15/484")
        let moved = doc.replacing([.key("verdict"), .key("gapMaxima"), .index(k), .key("maximiser")]) { _ in "77/60" }
        let failure = expectFailure(moved.serialized(), "maximiser outside")
        #expect(failure?.description.contains("77/60") == true && failure?.description.contains("outside") == true, "\(String(describing: failure))")
    }

    /// η's enclosure widened to [upper − upper/2⁹⁹, upper]: it still holds η (the certified one
    /// is narrower than η/2¹⁰⁰, so upper ≤ η(1 + 2⁻¹⁰⁰)), but it is wider than η/2¹⁰⁰.
    @Test func anEtaEnclosureJustTooWide() throws {
        let doc = try Self.berthier()
        let samples = try #require(doc["verdict"]?["samples"]?.asArray)
        let k = try #require(samples.firstIndex { $0["eta"]?["lower"] != nil })
        let wider = doc.replacing([.key("verdict"), .key("samples"), .index(k), .key("eta"), .key("lower")]) { _ in
            let upper = samples[k]["eta"]!["upper"]!.rational
            return .string((upper - upper / Rational(BigInteger(1).shiftedLeft(99))).description)
        }
        let failure = expectFailure(wider.serialized(), "η too wide")
        #expect(failure?.description.contains("wider than η/2^100") == true, "\(String(describing: failure))")
    }

    /// With weight decay 2 > 24/13 no verdict claim reads the path below κ = 24/13. Dropping the
    /// knots 40/87 and 4/37 joins three segments into one from 24/13 to 0 whose signs hold at
    /// 24/13 only: x₁ = 5/32 at κ = 0 against sign −1 (and at κ = 4/37 the chord's x₁ = 283/2368
    /// > 0 with c₁ = −4/37, so the chord is not optimal there).
    @Test func aSegmentSignWrongAtItsLowerEnd() throws {
        let M = Matrix([[12, -12, -1], [-12, 28, 19], [-1, 19, 23]].map { $0.map { Rational($0) } })
        let problem = try Problem(M: M, r: [-9, 11, 1].map { Rational($0) }, weightDecay: Rational(2))
        let doc = try Certificate.make(problem: problem, inputBytes: [], inputName: "wd")
        #expect(doc["lasso"]?["knots"]?.asArray?.map { $0["lambda"]! } == ["11", "15/2", "24/13", "40/87", "4/37", "0"])
        let joined = doc.replacing([.key("lasso"), .key("knots")]) { .array($0.asArray!.enumerated().filter { ![3, 4].contains($0.offset) }.map(\.element)) }
            .replacing([.key("lasso"), .key("segments")]) { .array(Array($0.asArray!.prefix(3))) }
        #expect(expectFailure(joined.serialized(), "segment sign")?.description
            == "lasso segment: segment 3 (λ from 24/13 down to 0): coordinate 1 has sign -1 but x_1 = 5/32 at knot 4")
    }

    /// The problem claims on their own: r moved off M's range (duplicate columns: rows 1 and 2
    /// of M are equal, so r_1 must equal r_2), M made indefinite, the definiteness flag flipped.
    @Test func theProblemClaims() throws {
        let text = String(decoding: try repositoryFile("proofs/certificates/duplicate-columns.cert.json"), as: UTF8.self)
        let duplicate = try JSONValue.parse(text)
        let r1: [Step] = [.key("problem"), .key("r"), .index(0)]
        let offRange = duplicate.replacing(r1) { .string(($0.rational + Rational(1)).description) }
        #expect(expectFailure(offRange.serialized(), "r off the range")?.description
            == "problem: r is not in the range of M, so the loss is unbounded below")
        let flag = duplicate.replacing([.key("problem"), .key("positiveDefinite")]) { _ in .bool(true) }
        #expect(expectFailure(flag.serialized(), "definiteness flag")?.description
            == "problem: positiveDefinite is true but M is not positive definite")
        // M = [[10, −4], [−4, 1]]: the second pivot is 1 − 16/10 = −3/5 (the elimination is
        // fraction-free; the message gives the Schur complement's own value).
        let indefinite = try Self.berthier().replacing([.key("problem"), .key("M"), .index(1), .index(1)]) { _ in "1" }
        #expect(expectFailure(indefinite.serialized(), "indefinite M")?.description
            == "problem: M is not positive semidefinite: pivot 2 of the symmetric elimination is -3/5 < 0")
        // M_11 = 0 beside M_12 = 5/3: a zero pivot whose row is not zero.
        let zeroPivot = duplicate.replacing([.key("problem"), .key("M"), .index(0), .index(0)]) { _ in "0" }
        #expect(expectFailure(zeroPivot.serialized(), "zero pivot")?.description
            == "problem: M is not positive semidefinite: pivot 1 of the symmetric elimination is 0 but entry (1, 2) of its Schur complement is 5/3")
    }
}
