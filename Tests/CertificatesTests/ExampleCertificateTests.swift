import CertificateChecker
import Certificates
import JSONFormat
import Foundation
import Testing

/// Every examples/ instance has a committed certificate that the writer reproduces byte for byte
/// and the checker accepts, with and without --input; every mutant of it is rejected.
@Suite("Example certificates") struct ExampleCertificateTests {
    @Test func eachExampleIsCertifiedCheckedAndCommitted() throws {
        let files = try ExampleCertificates.files()
        #expect(files.count >= 3)
        let regenerate = ProcessInfo.processInfo.environment["DLNPATH_WRITE_CERTIFICATES"] == "1"
        for file in files {
            let text = try ExampleCertificates.make(file)
            let evidence = try ExampleCertificates.problem(file).evidence
            let report = CertificateChecker.check(certificateText: text, input: evidence)
            #expect(report.isValid, "\(file): \(report.problem ?? "")")
            let committed = repositoryRoot.appendingPathComponent(ExampleCertificates.certificatePath(for: file))
            if regenerate { try Data(text.utf8).write(to: committed) }
            guard let stored = try? String(contentsOf: committed, encoding: .utf8) else {
                Issue.record("\(file) has no committed certificate; run proofs/regenerate-certificates.sh")
                continue
            }
            #expect(stored == text, "\(file): the committed certificate is stale; run proofs/regenerate-certificates.sh")
        }
    }

    /// No certificate is left behind for an example that no longer exists.
    @Test func noStaleCertificates() throws {
        let expected = Set(try ExampleCertificates.files().map(ExampleCertificates.certificatePath))
        let stored = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("proofs/certificates").path)
            .filter { $0.hasSuffix(".cert.json") }.map { "proofs/certificates/" + $0 }
        #expect(Set(stored) == expected)
    }

    /// The solver's certificate of docs/math.md §4's worked example has exactly the hand-derived knots,
    /// saddles and verdict (HandCertificates.berthier), samples aside (the writer samples other times).
    @Test func solverAgreesWithTheHandDerivation() throws {
        let made = try JSONValue.parse(try ExampleCertificates.make("berthier-example.json"))
        let hand = try JSONValue.parse(HandCertificates.berthier)
        for key in ["input", "problem", "lasso", "limit"] { #expect(made[key] == hand[key], "\(key)") }
        var madeVerdict = try #require(made["verdict"]?.asObject), handVerdict = try #require(hand["verdict"]?.asObject)
        madeVerdict["samples"] = nil
        handVerdict["samples"] = nil
        #expect(madeVerdict == handVerdict)
        let samples = try #require(made["verdict"]?["samples"]?.asArray)
        #expect(samples.map { [$0["s"], $0["gap"], $0["zDown"]] } == [["15/8", "8/225", "15/64"], ["7/4", "1/28", "15/64"]])
    }

    /// The claim that must reject a mutant of a `unique` flag or its witness (Mutations.uniqueness).
    static func uniquenessClaim(_ mutant: String) -> String? {
        if mutant == "lasso unique flipped" || mutant.contains(/^(knot|segment) [0-9]+ (unique|direction|weights)/) { return "lasso uniqueness" }
        if mutant.contains(/^saddle [0-9]+ (unique|direction|weights)/) { return "limit uniqueness" }
        return nil
    }

    @Test func everyMutantOfEveryExampleCertificateIsRejected() throws {
        for file in try ExampleCertificates.files() {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(ExampleCertificates.certificatePath(for: file)), encoding: .utf8)
            let evidence = try ExampleCertificates.problem(file).evidence
            let all = Mutations.all(try JSONValue.parse(text))
            #expect(all.count > 30)
            let mutants = all.count > 400 ? Mutations.sample(all, perKind: 4) : all   // large examples: every kind, sampled
            var uniquenessMutants = 0
            for mutant in mutants {
                let failure = expectFailure(mutant.text, input: mutant.needsInput ? evidence : nil, "\(file): \(mutant.name)")
                // A tampered uniqueness claim is rejected by the uniqueness check, which names it.
                if let claim = Self.uniquenessClaim(mutant.name) {
                    #expect(failure?.claim == claim, "\(file): \(mutant.name): \(failure?.description ?? "")")
                    uniquenessMutants += 1
                }
            }
            #expect(uniquenessMutants >= 4, "\(file)")
        }
    }
}
