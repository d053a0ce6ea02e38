import CertificateChecker
import Certificates
import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SeededRandom
import Testing

/// The lasso's `unique` flags (proofs/lasso-uniqueness.md) — what `compare` prints as "the lasso
/// solution is not unique on part of the path" and as its knots' `unique` — written, checked,
/// and each kind of tampering rejected with the claim named.
@Suite("Lasso uniqueness") struct LassoUniquenessTests {
    /// examples/duplicate-columns.json: X = [[1, 1, 0], [2, 2, 1], [0, 0, 1]], y = (3, 1, 2), mean
    /// scaling, so M = [[5, 5, 2], [5, 5, 2], [2, 2, 2]]/3 and r = (5/3, 5/3, 1); null(M) = span(−1, 1, 0).
    /// - κ = 5/3 = λ_max: c = r, E = {1, 2} with signs (1, 1), both at 0: h = t(−1, 1, 0) needs
    ///   −t ≥ 0 and t ≥ 0, so x = 0 is unique; weights (1, 1, 0) pair to −1 + 1 = 0 with it.
    /// - Segment 1 (κ from 5/3 to 5/9): x = ((5/3 − κ)/4)(1, 1, 0) > 0 on {1, 2} = E: (−1, 1, 0) moves it.
    /// - κ = 5/9: x = (1/3, 1/3, 0), c = (5/9, 5/9, 5/9), E = {1, 2, 3}: (−1, 1, 0) keeps x_3 = 0.
    /// - Segment 2 and κ = 0 (signed: no sign is held there): (−1, 1, 0) again.
    @Test func duplicateColumnsExampleIsNotUnique() throws {
        let text = try ExampleCertificates.make("duplicate-columns.json")
        let document = try JSONValue.parse(text)
        let lasso = try #require(document["lasso"])
        let knots = try #require(lasso["knots"]?.asArray), segments = try #require(lasso["segments"]?.asArray)
        #expect(knots.map { $0["unique"] } == [true, false, false])
        #expect(knots[0]["weights"] == ["1", "1", "0"])
        #expect(knots[0]["direction"] == nil)
        #expect(knots[1]["direction"] == ["-1", "1", "0"])
        #expect(knots[2]["direction"] == ["-1", "1", "0"])
        #expect(segments.map { $0["unique"] } == [false, false])
        #expect(segments.map { $0["direction"] } == [["-1", "1", "0"], ["-1", "1", "0"]])
        #expect(lasso["unique"] == false)
        let report = CertificateChecker.check(certificateText: text)
        #expect(report.isValid)
        #expect(report.verified.contains("lasso: the lasso solution is not unique at knots 2, 3 and inside segments 1, 2 (witness directions verified); it is unique elsewhere"))

        let knot1: [Step] = [.key("lasso"), .key("knots"), .index(0)]
        let knot2: [Step] = [.key("lasso"), .key("knots"), .index(1)]
        let knot3: [Step] = [.key("lasso"), .key("knots"), .index(2)]
        let segment1: [Step] = [.key("lasso"), .key("segments"), .index(0)]
        let cases: [(JSONValue, String)] = [
            // A unique flag flipped (with and without its witness).
            (document.replacing(knot1 + [.key("unique")]) { _ in false },
             "lasso uniqueness: knot 1 (λ = 5/3): weights are given but unique is false"),
            (Self.claim(document, knot1, unique: false), "lasso uniqueness: knot 1 (λ = 5/3): unique is false but no direction witness is given"),
            (Self.claim(document, segment1, unique: true),
             "lasso uniqueness: segment 1 (λ from 5/3 down to 5/9): unique is true but M on the equicorrelation set {1, 2} is singular and no coordinate of it is held at 0 by a sign, so x can move along its null direction (-1, 1, 0)"),
            (Self.claim(document, knot2, unique: true),
             "lasso uniqueness: knot 2 (λ = 5/9): unique is true but M on the equicorrelation set {1, 2, 3} is singular and no weights witness is given"),
            (Self.claim(document, knot3, unique: true),
             "lasso uniqueness: knot 3 (λ = 0): unique is true but M on the coordinates {1, 2, 3} is singular and no coordinate of it is held at 0 by a sign, so x can move along its null direction (-1, 1, 0)"),
            // A non-uniqueness direction altered.
            (Self.claim(document, segment1, unique: false, direction: ["-1", "2", "0"]),
             "lasso uniqueness: segment 1 (λ from 5/3 down to 5/9): the direction d = (-1, 2, 0) has M·d ≠ 0"),
            (Self.claim(document, segment1, unique: false, direction: ["-1", "1", "1"]),
             "lasso uniqueness: segment 1 (λ from 5/3 down to 5/9): the direction moves coordinate 3, which is not in the equicorrelation set {1, 2}"),
            (Self.claim(document, knot2, unique: false, direction: ["0", "0", "0"]), "lasso uniqueness: knot 2 (λ = 5/9): the direction witness is zero"),
            // A uniqueness witness altered.
            (Self.claim(document, knot1, unique: true, weights: ["2", "1", "0"]),
             "lasso uniqueness: knot 1 (λ = 5/3): the weights are not orthogonal to the null direction (-1, 1, 0) of M on the equicorrelation set {1, 2}"),
            (Self.claim(document, knot1, unique: true, weights: ["1", "1", "1"]),
             "lasso uniqueness: knot 1 (λ = 5/3): weight 3 is 1; weights must be > 0 on the coordinates held at 0 and 0 elsewhere"),
            (Self.claim(document, knot1, unique: true, weights: ["0", "0", "0"]),
             "lasso uniqueness: knot 1 (λ = 5/3): weight 1 is 0; weights must be > 0 on the coordinates held at 0 and 0 elsewhere"),
            // The path-wide statement.
            (document.replacing([.key("lasso"), .key("unique")]) { _ in true },
             "lasso uniqueness: the path's unique is true but the solution is not unique at knots 2, 3 and inside segments 1, 2"),
        ]
        for (mutant, message) in cases {
            #expect(expectFailure(mutant.serialized(), message)?.description == message)
        }
    }

    /// A positive problem with singular M whose solution is unique for every κ
    /// (HandCertificates.positiveSingularUnique): the writer gives exactly the hand-derived
    /// certificate, and a direction along the null space (1, −1, 1) of M is refused in both signs.
    @Test func positiveSingularInstanceIsUnique() throws {
        let problem = try Problem(M: Matrix([[1, 1, 0], [1, 2, 1], [0, 1, 1]].map { $0.map { Rational($0) } }),
                                  r: [0, 2, 2].map { Rational($0) }, variant: .positive)
        #expect(!problem.isPositiveDefinite)
        let hand = try JSONValue.parse(HandCertificates.positiveSingularUnique)
        let made = try Certificate.make(problem: problem, inputBytes: Array(HandCertificates.positiveSingularUniqueFile.utf8),
                                        inputName: "positive-singular.json")
        for key in ["input", "problem", "lasso", "limit", "verdict"] { #expect(made[key] == hand[key], "\(key)") }
        let report = CertificateChecker.check(certificateText: made.serialized())
        #expect(report.isValid)
        #expect(report.verified.contains("lasso: the lasso solution is unique for every κ ≥ 0"))

        let knot2: [Step] = [.key("lasso"), .key("knots"), .index(1)]
        let cases: [(JSONValue, String)] = [
            (Self.claim(hand, knot2, unique: false, direction: ["-1", "1", "-1"]),
             "lasso uniqueness: knot 2 (λ = 0): the direction leaves the sign cone at coordinate 1 (x_1 = 0 must keep the sign 1)"),
            (Self.claim(hand, knot2, unique: false, direction: ["1", "-1", "1"]),
             "lasso uniqueness: knot 2 (λ = 0): the direction leaves the sign cone at coordinate 2 (x_2 = 0 must keep the sign 1)"),
            (Self.claim(hand, knot2, unique: true, weights: ["1", "2", "0"]),
             "lasso uniqueness: knot 2 (λ = 0): the weights are not orthogonal to the null direction (1, -1, 1) of M on the equicorrelation set {1, 2, 3}"),
            (Self.claim(hand, knot2, unique: true),
             "lasso uniqueness: knot 2 (λ = 0): unique is true but M on the equicorrelation set {1, 2, 3} is singular and no weights witness is given"),
            (Self.claim(hand, [.key("lasso"), .key("knots"), .index(0)], unique: true, weights: ["0", "1", "1"]),
             "lasso uniqueness: knot 1 (λ = 2): weights are given but M on the equicorrelation set {2, 3} is nonsingular, so none are needed"),
            (Self.claim(hand, [.key("lasso"), .key("segments"), .index(0)], unique: false),
             "lasso uniqueness: segment 1 (λ from 2 down to 0): unique is false but no direction witness is given"),
            (hand.replacing([.key("lasso"), .key("unique")]) { _ in false },
             "lasso uniqueness: the path's unique is false but the solution is unique at every knot and inside every segment"),
        ]
        for (mutant, message) in cases {
            #expect(expectFailure(mutant.serialized(), message)?.description == message)
        }
    }

    /// `compare` prints the homotopy's flags (its knots include those where only E changes, which
    /// the certificate merges into a segment): each equals the certificate's flag at its κ — the
    /// knot's, or the segment's it lies in — and the path-wide flag equals `lasso.unique`. On the
    /// examples and a seeded sweep of singular problems (duplicated columns, fewer samples than
    /// features), signed and positive.
    @Test func solverFlagsAreTheCertifiedOnes() throws {
        var problems: [Problem] = try ExampleCertificates.files().map { try ExampleCertificates.problem($0).problem }
        var generator = SplitMix64(seed: 14)
        for trial in 0..<40 {
            let d = 2 + trial % 3, n = trial % 2 == 0 ? d - 1 : d + 1
            var X = (0..<n).map { _ in (0..<d).map { _ in Rational(Int(generator.next() % 5) - 2) } }
            if trial % 2 == 1 { for i in 0..<n { X[i][d - 1] = (trial % 4 == 1 ? Rational(1) : Rational(-1)) * X[i][0] } }
            let y = (0..<n).map { _ in Rational(Int(generator.next() % 7) - 3) }
            problems.append(try Problem(X: Matrix(X), y: y, scaling: .sum, variant: trial % 3 == 0 ? .positive : .signed))
        }
        var nonUnique = 0, weighted = 0
        for problem in problems {
            let path = try LassoPath(problem: problem)
            let lasso = try #require(try Certificate.make(problem: problem, inputBytes: [], inputName: "sweep")["lasso"])
            let knots = try #require(lasso["knots"]?.asArray), segments = try #require(lasso["segments"]?.asArray)
            let lambdas = knots.map { $0["lambda"]!.rational }
            func certified(at kappa: Rational) -> JSONValue? {
                if let k = lambdas.firstIndex(of: kappa) { return knots[k]["unique"] }
                guard let k = lambdas.indices.dropLast().first(where: { lambdas[$0] > kappa && kappa > lambdas[$0 + 1] }) else { return nil }
                return segments[k]["unique"]
            }
            for knot in path.knots { #expect(certified(at: knot.kappa) == .bool(knot.isUnique), "κ = \(knot.kappa)") }
            for segment in path.segments {
                #expect(certified(at: (segment.upper + segment.lower) / Rational(2)) == .bool(segment.isUnique))
            }
            #expect(lasso["unique"] == .bool(path.isUnique))
            if !path.isUnique { nonUnique += 1 }
            weighted += (knots + segments).filter { $0["weights"] != nil }.count
        }
        #expect(nonUnique >= 10)
        #expect(weighted >= 1)
    }

    /// `document` with the object at `path` claiming `unique` with exactly the given witness.
    static func claim(_ document: JSONValue, _ path: [Step], unique: Bool, direction: [String]? = nil, weights: [String]? = nil) -> JSONValue {
        document.replacing(path) { old in
            var o = old.asObject!
            o["unique"] = .bool(unique)
            o["direction"] = direction.map { .array($0.map { .string($0) }) }
            o["weights"] = weights.map { .array($0.map { .string($0) }) }
            return .object(o)
        }
    }
}
