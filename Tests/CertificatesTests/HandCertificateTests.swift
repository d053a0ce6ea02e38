import CertificateChecker
import JSONFormat
import ExactArithmetic
import Testing

/// The checker against certificates derived by hand (HandCertificates), independent of the solvers.
@Suite("Checker on hand-made certificates") struct HandCertificateTests {
    @Test func workedExampleHolds() {
        let report = CertificateChecker.check(certificateText: HandCertificates.berthier)
        #expect(report.outcome == .valid)
        #expect(report.exitCode == 0)
        #expect(report.verified.count == 23)
        #expect(report.verified.contains("lasso: the lasso solution is unique for every κ ≥ 0"))
        #expect(report.verified.contains("verdict: the averaged limit and the lasso path differ exactly on [3/4, 3]"))
        #expect(report.verified.contains("verdict: μ·x(μ) is not monotone: first break at segment 2, coordinate 1, μ ∈ (3/4, 1)"))
        #expect(report.verified.contains("verdict: z↓ re-derived from the knots on 3 pieces: total 15/64"))
        #expect(report.verified.contains("verdict: gap maxima proved on 3 pieces and 1 divergence interval"))
    }

    @Test func positiveWithWeightDecayDuplicateColumnsAndPositiveSingularHold() {
        for text in [HandCertificates.positiveWithDecay, HandCertificates.duplicateColumns, HandCertificates.positiveSingularUnique] {
            let report = CertificateChecker.check(certificateText: text)
            #expect(report.outcome == .valid, "\(report.text)")
        }
        let report = CertificateChecker.check(certificateText: HandCertificates.duplicateColumns)
        #expect(report.verified.contains("lasso: the lasso solution is not unique at knot 2 and inside segment 1 (witness directions verified); it is unique elsewhere"))
        #expect(report.verified.contains("limit: 1 of 2 face minimisers are not unique (witness directions verified); the others are"))
        let unique = CertificateChecker.check(certificateText: HandCertificates.positiveSingularUnique)
        #expect(unique.verified.contains("lasso: the lasso solution is unique for every κ ≥ 0"))
        #expect(unique.verified.contains("problem: M is not positive definite, as stated"))
    }

    @Test func workedExampleMatchesItsInputFile() throws {
        let bytes = try repositoryFile("examples/berthier-example.json")
        let text = HandCertificates.berthier
        #expect(CertificateChecker.check(certificateText: text, input: try evidence(for: text, bytes: bytes)).outcome == .valid)
        var changed = try evidence(for: text, bytes: bytes)
        changed.M[0][1] = Rational(-3)
        changed.M[1][0] = Rational(-3)
        let failure = expectFailure(text, input: changed, "changed M entry")
        #expect(failure?.description == "input: M_1,2 is -3 in the input but -4 in the certificate")
        let other = expectFailure(text, input: try evidence(for: text, bytes: bytes + [10]), "changed bytes")
        #expect(other?.message.hasPrefix("the input file's SHA-256 is ") == true)
    }

    /// `check --input` says when a recorded option overrides what the file says, naming both values.
    @Test func recordedOverridesAreNamed() throws {
        let bytes = try repositoryFile("examples/berthier-example.json")
        let text = tampered(HandCertificates.berthier, #""sha256": "9f70"#, #""weightDecay": "0", "variant": "signed", "sha256": "9f70"#)
        var input = try evidence(for: text, bytes: bytes)
        input.fileWeightDecay = Rational(1, 10)
        input.fileVariant = .signed
        let report = CertificateChecker.check(certificateText: text, input: input)
        #expect(report.outcome == .valid)
        #expect(report.verified.first == "input: the input file has SHA-256 9f70db862631… and its exact problem is the certificate's, read with the recorded option weight decay 0 (the file says 1/10) in place of the file's")
        input.fileWeightDecay = .zero
        #expect(CertificateChecker.check(certificateText: text, input: input).verified.first == "input: the input file has SHA-256 9f70db862631… and its exact problem is the certificate's")
    }

    /// The failure messages name the place and the exact values.
    @Test func plainWordsFailures() {
        let text = HandCertificates.berthier
        let cases: [(String, String, String)] = [
            (#"{"lambda": "4/3", "x": ["-1/6", "0"]"#, #"{"lambda": "4/3", "x": ["-1/5", "0"]"#,
             "lasso KKT: knot 2 (λ = 4/3): x_1 = -1/5 is nonzero but c_1 = -1 ≠ λ·sign(x_1) = -4/3"),
            (#"{"lambda": "1", "x": ["0", "1/2"]"#, #"{"lambda": "1", "x": ["0", "1/4"]"#,
             "lasso KKT: knot 3 (λ = 1): coordinate 1 has |c_1| = 2 > λ"),
            (#""monotone": false"#, #""monotone": true"#,
             "verdict monotone: monotone is true but on segment 2, coordinate 1, μ ∈ (3/4, 1) the μ-slope 1/2 has the opposite sign of x"),
            (#"{"from": "3/4", "to": "3", "#, #"{"from": "3/4", "to": "11/4", "#,
             "verdict divergence: divergence is [3/4, 11/4] but the certified paths differ exactly on [3/4, 3]"),
            (#"{"s": "2", "gap": "9/256""#, #"{"s": "2", "gap": "9/257""#,
             "verdict gap: sample 2 at s = 2 records the gap 9/257 but the exact gap is 9/256"),
            (#""multipliers": ["1", "0"]"#, #""multipliers": ["0", "0"]"#,
             "limit optimality: saddle 3 (s = 3/4): the multiplier of coordinate 1 is recorded as 0 but λwd − σ_1c_1 gives 1"),
            (#"{"signs": [0, 1]"#, #"{"signs": [1, 1]"#,
             "lasso segment: segment 3 (λ from 1 down to 1/3): coordinate 1 has sign 1 but x_1 = 0 at the midpoint"),
        ]
        for (old, new, message) in cases {
            #expect(expectFailure(tampered(text, old, new), message)?.description == message)
        }
    }

    /// The claims beyond the two paths (z↓, η, gap maxima), each changed, are rejected with the
    /// claim named and the hand-derived value (HandCertificates.berthier).
    @Test func newClaimsAreProved() {
        let text = HandCertificates.berthier
        let cases: [(String, String, String)] = [
            // A z↓ piece with another rate: (1/2)(1/4 + 7/32) = 15/64 needs rate 1/2.
            (#""rate": "1/2""#, #""rate": "1/3""#,
             "verdict z↓ pieces: z↓ piece 2 records μ ∈ [3/4, 1), rate 1/3, z↓ = 0 at its start, decreasing coordinates 1 but the lasso knots give μ ∈ [3/4, 1), rate 1/2, z↓ = 0 at its start, decreasing coordinates 1"),
            (#""total": "15/64""#, #""total": "1/4""#,
             "verdict z↓ total: z↓ total is recorded as 1/4 but the lasso knots give 15/64"),
            (#""total": "15/64""#, #""total": null"#,
             "verdict z↓ total: z↓ total is recorded as unbounded but the lasso knots give 15/64"),
            // η(1) = √15/8 + 15/64 ≈ 0.71850: an enclosure at 0.72 is above it.
            (#""lower": "7640380383084358966040920610899743007/10633823966279326983230456482242756608""#, #""lower": "18/25""#,
             "verdict η: sample 1 at s = 1 records η ∈ [18/25, ≈ 0.718498 (exactly a 36-digit/36-digit fraction)] but η = 1·√(15/64) + 15/64 is below it"),
            (#""zDown": "15/64", "eta": {"#, #""zDown": "1/4", "eta": {"#,
             "verdict z↓: sample 1 at s = 1 records z↓ = 1/4 but the lasso knots give 15/64"),
            // The vertex u = 4/7 of u(8 − 7u)/64: the maximum 1/28 is at s = 7/4, not at s = 2 (9/256).
            (#""maximum": "1/28", "maximiser": "7/4""#, #""maximum": "1/28", "maximiser": "2""#,
             "verdict gap maxima: on [1, 11/4] the gap at the recorded maximiser s = 2 is 9/256, not the maximum 1/28 (reached at s = 7/4)"),
            (#""maximum": "1/28""#, #""maximum": "9/256""#,
             "verdict gap maxima: on [1, 11/4] the recorded maximum 9/256 is too low: the gap reaches 1/28 at s = 7/4"),
            (#""maximum": "1/64""#, #""maximum": "1/32""#,
             "verdict gap maxima: on [3/4, 1] the recorded maximum 1/32 is too high: the gap never exceeds 1/64 (reached at s = 1)"),
            (#""gapMaximum": "1/28""#, #""gapMaximum": "15/484""#,
             "verdict divergence gap: on divergence interval 1 [3/4, 3] the recorded maximum 15/484 is too low: the gap reaches 1/28 at s = 7/4"),
            (#""gapMaximiser": "7/4""#, #""gapMaximiser": "11/4""#,
             "verdict divergence gap: on divergence interval 1 [3/4, 3] the gap at the recorded maximiser s = 11/4 is 15/484, not the maximum 1/28 (reached at s = 7/4)"),
            (#"{"from": "11/4", "to": "3", "maximum": "15/484", "maximiser": "11/4"}"#, #"{"from": "11/4", "to": "4", "maximum": "15/484", "maximiser": "11/4"}"#,
             "verdict gap maxima: entry 3 is for [11/4, 4] but the 3rd common piece where the gap is not 0 is [11/4, 3] (it reaches 15/484 at s = 11/4)"),
        ]
        for (old, new, message) in cases {
            #expect(expectFailure(tampered(text, old, new), message)?.description == message)
        }
    }

    /// A missing knot leaves a segment whose ends satisfy KKT but whose interpolation does not.
    @Test func missingAndExtraKnots() {
        let text = HandCertificates.berthier
        let missing = tampered(tampered(text, #"{"lambda": "1", "x": ["0", "1/2"], "unique": true},"#, ""),
                               #"{"signs": [0, 1], "unique": true}, "#, "")
        #expect(expectFailure(missing, "missing knot")?.description
            == "lasso segment: segment 2 (λ from 4/3 down to 1/3): coordinate 1 has sign -1 but c_1 = 1/3 ≠ -1/3 at knot 3")
        let extra = tampered(tampered(text, #"{"lambda": "0", "x": ["1/2", "2"]"#,
                                      #"{"lambda": "1/6", "x": ["1/4", "17/12"], "unique": true}, {"lambda": "0", "x": ["1/2", "2"]"#),
                             #"{"signs": [1, 1]"#, #"{"signs": [1, 1], "unique": true}, {"signs": [1, 1]"#)
        #expect(expectFailure(extra, "extra knot")?.description
            == "lasso knots: knot 5 (λ = 1/6) is not a breakpoint: the path has slope (-3/2, -7/2) on both sides")
    }

    @Test func everyMutantOfEveryHandCertificateIsRejected() throws {
        let files = [(HandCertificates.berthier, try repositoryFile("examples/berthier-example.json")),
                     (HandCertificates.positiveWithDecay, Array(HandCertificates.positiveWithDecayFile.utf8)),
                     (HandCertificates.duplicateColumns, Array(HandCertificates.duplicateColumnsFile.utf8)),
                     (HandCertificates.positiveSingularUnique, Array(HandCertificates.positiveSingularUniqueFile.utf8))]
        for (text, bytes) in files {
            let original = try JSONValue.parse(text)
            let input = try evidence(for: text, bytes: bytes)
            #expect(CertificateChecker.check(certificateText: text, input: input).outcome == .valid)
            let mutants = Mutations.all(original)
            #expect(mutants.count > 30)
            for mutant in mutants {
                expectFailure(mutant.text, input: mutant.needsInput ? input : nil, mutant.name)
            }
        }
    }
}

@Suite("Mutation sampling") struct MutationSamplingTests {
    /// Sampling keeps every kind of tampering and caps each kind.
    @Test func sampleKeepsEveryKind() throws {
        let all = Mutations.all(try JSONValue.parse(HandCertificates.berthier))
        let sampled = Mutations.sample(all, perKind: 2)
        func kinds(_ m: [Mutant]) -> Set<String> { Set(m.map { $0.name.replacing(/[0-9]+/, with: "#") }) }
        #expect(kinds(sampled) == kinds(all))
        #expect(sampled.count < all.count)
        #expect(Dictionary(grouping: sampled) { $0.name.replacing(/[0-9]+/, with: "#") }.values.allSatisfy { $0.count <= 2 })
    }
}
