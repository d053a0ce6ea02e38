import CertificateChecker
import Certificates
import DataFormats
import ExactArithmetic
import Foundation
import ProblemDefinition
import ProblemReading
import Testing

/// The library side of `certify` and `check --input`: the certificate checked before it is
/// written, and the evidence read from the input file the way certify read it.
@Suite struct InputEvidenceTests {
    let example = repositoryRoot.appendingPathComponent("examples/berthier-example.json").path

    func certified(_ source: ProblemSource) throws -> (text: String, report: CheckReport) {
        try Certificate.checked(problem: try ProblemReader.read(source), input: try Certificate.Input(reading: source))
    }

    @Test func certifiedThenCheckedAgainstTheSameFile() throws {
        let source = ProblemSource(path: example)
        let input = try Certificate.Input(reading: source)
        let bytes = try readFileBytes(atPath: example)
        #expect(input.name == example && input.bytes == bytes && input.variant == nil)
        let (text, report) = try certified(source)
        #expect(report.isValid && report.verified.count > 10)
        // check --input: the file's bytes and exact problem (M = [[10, −4], [−4, 2]], r = (−3, 2)).
        let evidence = try #require(try InputEvidence(reading: example, responseFile: nil, limits: .default, for: text))
        #expect(evidence.M == [[Rational(10), Rational(-4)], [Rational(-4), Rational(2)]] && evidence.r == [Rational(-3), Rational(2)])
        #expect(evidence.fileVariant == nil && evidence.fileWeightDecay == nil)
        #expect(CertificateChecker.check(certificateText: text, input: evidence).isValid)
    }

    @Test func recordedOptionsAreAppliedAndTheFileAloneIsReported() throws {
        let source = ProblemSource(path: example, variant: .positive, weightDecay: Rational(1, 2))
        let (text, report) = try certified(source)
        #expect(report.isValid)
        let evidence = try #require(try InputEvidence(reading: example, responseFile: nil, limits: .default, for: text))
        #expect(evidence.variant == .positive && evidence.weightDecay == Rational(1, 2))
        #expect(evidence.fileVariant == .signed && evidence.fileWeightDecay == .zero && evidence.fileScaling == nil)
        #expect(CertificateChecker.check(certificateText: text, input: evidence).isValid)
        // Another file: the checker names the mismatch (a failed claim, exit 1).
        let other = repositoryRoot.appendingPathComponent("examples/orthogonal.json").path
        let wrong = try #require(try InputEvidence(reading: other, responseFile: nil, limits: .default, for: text))
        #expect(CertificateChecker.check(certificateText: text, input: wrong).exitCode == 1)
    }

    @Test func malformedCertificatesAndUnreadableInputs() throws {
        #expect(try InputEvidence(reading: example, responseFile: nil, limits: .default, for: "{") == nil)
        let (text, _) = try certified(ProblemSource(path: example))
        // The reader names the file that cannot be read.
        let missing = #expect(throws: ProblemError.self) {
            _ = try InputEvidence(reading: "/nonexistent/problem.json", responseFile: nil, limits: .default, for: text)
        }
        #expect(missing?.message.hasPrefix("/nonexistent/problem.json: cannot read file") == true)
        #expect(throws: ProblemError.self) {
            _ = try InputEvidence(reading: example, responseFile: nil, limits: NumberLimits(maximumDigits: 1), for: text)
        }
    }
}
