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
        #expect(report.verified.count == 20)
        #expect(report.verified.contains("verdict: the averaged limit and the lasso path differ exactly on [3/4, 3]"))
        #expect(report.verified.contains("verdict: μ·x(μ) is not monotone: first break at segment 2, coordinate 1, μ ∈ (3/4, 1)"))
    }

    @Test func positiveWithWeightDecayAndDuplicateColumnsHold() {
        for text in [HandCertificates.positiveWithDecay, HandCertificates.duplicateColumns] {
            let report = CertificateChecker.check(certificateText: text)
            #expect(report.outcome == .valid, "\(report.text)")
        }
        let report = CertificateChecker.check(certificateText: HandCertificates.duplicateColumns)
        #expect(report.verified.contains("limit: 1 of 2 face minimisers are not unique (witness directions verified); the others are"))
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

    /// The failure messages name the place and the exact values.
    @Test func plainWordsFailures() {
        let text = HandCertificates.berthier
        let cases: [(String, String, String)] = [
            (#"{"lambda": "4/3", "x": ["-1/6", "0"]}"#, #"{"lambda": "4/3", "x": ["-1/5", "0"]}"#,
             "lasso KKT: knot 2 (λ = 4/3): x_1 = -1/5 is nonzero but c_1 = -1 ≠ λ·sign(x_1) = -4/3"),
            (#"{"lambda": "1", "x": ["0", "1/2"]}"#, #"{"lambda": "1", "x": ["0", "1/4"]}"#,
             "lasso KKT: knot 3 (λ = 1): coordinate 1 has |c_1| = 2 > λ"),
            (#""monotone": false"#, #""monotone": true"#,
             "verdict monotone: monotone is true but on segment 2, coordinate 1, μ ∈ (3/4, 1) the μ-slope 1/2 has the opposite sign of x"),
            (#"{"from": "3/4", "to": "3"}"#, #"{"from": "3/4", "to": "11/4"}"#,
             "verdict divergence: divergence is [3/4, 11/4] but the certified paths differ exactly on [3/4, 3]"),
            (#"{"s": "2", "gap": "9/256"}"#, #"{"s": "2", "gap": "9/257"}"#,
             "verdict gap: gap sample 2 at s = 2 records 9/257 but the exact gap is 9/256"),
            (#""multipliers": ["1", "0"]"#, #""multipliers": ["0", "0"]"#,
             "limit optimality: saddle 3 (s = 3/4): the multiplier of coordinate 1 is recorded as 0 but λwd − σ_1c_1 gives 1"),
            (#"{"signs": [0, 1]}"#, #"{"signs": [1, 1]}"#,
             "lasso segment: segment 3 (λ from 1 down to 1/3): coordinate 1 has sign 1 but x_1 = 0 at the midpoint"),
        ]
        for (old, new, message) in cases {
            #expect(expectFailure(tampered(text, old, new), message)?.description == message)
        }
    }

    /// A missing knot leaves a segment whose ends satisfy KKT but whose interpolation does not.
    @Test func missingAndExtraKnots() {
        let text = HandCertificates.berthier
        let missing = tampered(tampered(text, #"{"lambda": "1", "x": ["0", "1/2"]},"#, ""),
                               #"{"signs": [-1, 1]}, {"signs": [0, 1]}"#, #"{"signs": [-1, 1]}"#)
        #expect(expectFailure(missing, "missing knot")?.description
            == "lasso segment: segment 2 (λ from 4/3 down to 1/3): coordinate 1 has sign -1 but c_1 = 1/3 ≠ -1/3 at knot 3")
        let extra = tampered(tampered(text, #"{"lambda": "0", "x": ["1/2", "2"]}"#,
                                      #"{"lambda": "1/6", "x": ["1/4", "17/12"]}, {"lambda": "0", "x": ["1/2", "2"]}"#),
                             #"{"signs": [1, 1]}"#, #"{"signs": [1, 1]}, {"signs": [1, 1]}"#)
        #expect(expectFailure(extra, "extra knot")?.description
            == "lasso knots: knot 5 (λ = 1/6) is not a breakpoint: the path has slope (-3/2, -7/2) on both sides")
    }

    @Test func everyMutantOfEveryHandCertificateIsRejected() throws {
        let files = [(HandCertificates.berthier, try repositoryFile("examples/berthier-example.json")),
                     (HandCertificates.positiveWithDecay, Array(HandCertificates.positiveWithDecayFile.utf8)),
                     (HandCertificates.duplicateColumns, Array(HandCertificates.duplicateColumnsFile.utf8))]
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
