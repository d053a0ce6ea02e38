import Foundation
import Testing

/// `dlnpath certify` and `dlnpath check`: exit codes 0 / 1 / 2, messages, --input, --json.
@Suite("dlnpath certify / check")
struct CertificateCLITests {
    /// Run from the repository root, `certify` reproduces the committed certificate exactly.
    @Test func certifyReproducesTheCommittedCertificate() throws {
        let run = try runDLNPath(["certify", "examples/berthier-example.json", "--stdout"], workingDirectory: packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let committed = try String(contentsOfFile: repositoryFile("proofs/certificates/berthier-example.cert.json"), encoding: .utf8)
        #expect(run.stdout == committed)
    }

    @Test func certifyThenCheckWithAndWithoutInput() throws {
        let example = repositoryFile("examples/orthogonal.json")
        let certificate = try temporaryInput("orthogonal.cert.json", "")
        let certify = try runDLNPath(["certify", example, "-o", certificate])
        #expect(certify.status == 0, "\(certify.stderr)")
        #expect(certify.stdout.contains("all verified by the independent checker"))
        let check = try runDLNPath(["check", certificate])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("VALID: every claim of the certificate holds\n"))
        #expect(check.stdout.contains("ok    verdict: the averaged limit equals the lasso path for every s > 0 (equivalent)"))
        let withInput = try runDLNPath(["check", certificate, "--input", example])
        #expect(withInput.status == 0, "\(withInput.stderr)")
        #expect(withInput.stdout.hasPrefix("ok    input: the input file has SHA-256 495abf930257… and its exact problem is the certificate's\n"))
        let wrongInput = try runDLNPath(["check", certificate, "--input", repositoryFile("examples/berthier-example.json")])
        #expect(wrongInput.status == 1)
        #expect(wrongInput.stderr.hasPrefix("error: certificate rejected: input: the input file's SHA-256 is 9f70db86"))
    }

    /// Options given to certify are recorded and re-applied by `check --input`.
    @Test func optionsAreRecordedForCheckInput() throws {
        let example = repositoryFile("examples/sklearn-2746-tie.json")
        let certify = try runDLNPath(["certify", example, "--stdout", "--positive", "--weight-decay", "1/10"])
        #expect(certify.status == 0, "\(certify.stderr)")
        let o = try jsonObject(certify.stdout)
        let input = try #require(o["input"] as? [String: Any])
        #expect(input["variant"] as? String == "positive")
        #expect(input["weightDecay"] as? String == "1/10")
        let problem = try #require(o["problem"] as? [String: Any])
        #expect(problem["weightDecay"] as? String == "1/10")
        let certificate = try temporaryInput("tie.cert.json", certify.stdout)
        let check = try runDLNPath(["check", certificate, "--input", example])
        #expect(check.status == 0, "\(check.stderr)")
    }

    /// A pandas CSV certified with --index-column records it, so check --input reads the file
    /// the same way (check has no such option to give).
    @Test func indexColumnIsRecordedForCheckInput() throws {
        let frame = try temporaryInput("indexed.csv", ",a,b,y\n0,1,2,1\n1,3,0,2\n2,5,4,6\n")
        let certify = try runDLNPath(["certify", frame, "--index-column", "--stdout"])
        #expect(certify.status == 0, "\(certify.stderr)")
        #expect((try jsonObject(certify.stdout)["input"] as? [String: Any])?["indexColumn"] as? Bool == true)
        let certificate = try temporaryInput("indexed.cert.json", certify.stdout)
        let check = try runDLNPath(["check", certificate, "--input", frame])
        #expect(check.status == 0 && check.stdout.contains("VALID"), "\(check.stderr)")
        let recordedFalse = try temporaryInput("false.cert.json", certify.stdout.replacingOccurrences(of: "\"indexColumn\": true", with: "\"indexColumn\": false"))
        let malformed = try runDLNPath(["check", recordedFalse, "--input", frame])
        #expect(malformed.status == 2 && malformed.stderr.hasSuffix("malformed certificate: input.indexColumn: expected true (recorded only when set)\n"), "\(malformed.stderr)")
        // Without the option the certificate has no such member.
        let plain = try runDLNPath(["certify", repositoryFile("examples/orthogonal.json"), "--stdout"])
        #expect((try jsonObject(plain.stdout)["input"] as? [String: Any])?["indexColumn"] == nil)
    }

    /// `check --input` names a recorded option that overrides the file; a bad one names its place.
    @Test func recordedOverrideIsNamedAndABadOneIsPlaced() throws {
        let example = repositoryFile("examples/weight-decay.json")
        let certify = try runDLNPath(["certify", example, "--stdout", "--weight-decay", "0"])
        #expect(certify.status == 0, "\(certify.stderr)")
        let certificate = try temporaryInput("wd0.cert.json", certify.stdout)
        let check = try runDLNPath(["check", certificate, "--input", example])
        #expect(check.status == 0, "\(check.stderr)")
        // (Text lines wrap at 160 characters: a continuation starts with spaces.)
        #expect(check.stdout.replacingOccurrences(of: "\n    ", with: " ").contains("read with the recorded option weight decay 0 (the file says 1/10) in place of the file's\n"))
        let bad = try temporaryInput("bad.cert.json", certify.stdout.replacingOccurrences(of: "\"weightDecay\": \"0\"\n  }", with: "\"weightDecay\": \"1e-1\"\n  }"))
        let run = try runDLNPath(["check", bad, "--input", example])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("malformed certificate: input.weightDecay: \"1e-1\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\"\n"))
    }

    @Test func tamperedCertificateExitsOneWithThePlainWordsClaim() throws {
        let committed = try String(contentsOfFile: repositoryFile("proofs/certificates/berthier-example.cert.json"), encoding: .utf8)
        let tampered = committed.replacingOccurrences(of: "\"-1/6\"", with: "\"-1/5\"")
        #expect(tampered != committed)
        let path = try temporaryInput("tampered.cert.json", tampered)
        let run = try runDLNPath(["check", path])
        #expect(run.status == 1)
        #expect(run.stderr == "error: certificate rejected: lasso KKT: knot 2 (λ = 4/3): x_1 = -1/5 is nonzero but c_1 = -1 ≠ λ·sign(x_1) = -4/3\n")
        #expect(run.stdout.contains("ok    problem: M is positive definite, as stated"))
        let json = try runDLNPath(["check", "--json", path])
        #expect(json.status == 1)
        let o = try jsonObject(json.stdout)
        #expect(o["valid"] as? Bool == false)
        let failure = try #require(o["failure"] as? [String: Any])
        #expect(failure["claim"] as? String == "lasso KKT")
    }

    @Test func malformedCertificateExitsTwo() throws {
        let committed = try String(contentsOfFile: repositoryFile("proofs/certificates/berthier-example.cert.json"), encoding: .utf8)
        let truncated = try temporaryInput("truncated.cert.json", String(committed.prefix(200)))
        let run = try runDLNPath(["check", truncated])
        #expect(run.status == 2)
        #expect(run.stderr.contains("malformed certificate: not valid JSON"))
        #expect(run.stdout.isEmpty, "nothing verified, nothing on stdout: \(run.stdout.debugDescription)")
        let wrongVersion = try temporaryInput("v1.cert.json", committed.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1"))
        let v1 = try runDLNPath(["check", wrongVersion])
        #expect(v1.status == 2)
        #expect(v1.stderr.contains("version: unknown version 1"))
        let missing = try runDLNPath(["check", "/nonexistent/cert.json"])
        #expect(missing.status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        let neither = try runDLNPath(["certify", repositoryFile("examples/orthogonal.json")])
        #expect(neither.status == 2)
        let yWithoutInput = try runDLNPath(["check", repositoryFile("proofs/certificates/orthogonal.cert.json"), "--y", "y.csv"])
        #expect(yWithoutInput.status == 2)
    }
}
