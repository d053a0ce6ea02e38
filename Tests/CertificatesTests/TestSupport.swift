import CertificateChecker
import DataFormats
import ExactArithmetic
import Foundation
import Testing

/// The repository root, found from this file's path (Tests/CertificatesTests/TestSupport.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func repositoryFile(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(relative)))
}

/// What `check --input` would hand the checker for a file whose problem is the certificate's
/// own (the CLI reads it with ProblemReader; here the certificate's problem stands in for it).
func evidence(for certificateText: String, bytes: [UInt8]) throws -> InputEvidence {
    let p = try CertificateParser.parse(certificateText).problem
    return InputEvidence(bytes: bytes, variant: p.variant, weightDecay: p.weightDecay, M: p.M, r: p.r)
}

/// Asserts that `text` fails with a claim failure (exit 1), and returns the failure.
@discardableResult
func expectFailure(_ text: String, input: InputEvidence? = nil, _ what: String,
                   sourceLocation: SourceLocation = #_sourceLocation) -> ClaimFailure? {
    let report = CertificateChecker.check(certificateText: text, input: input)
    guard case .failed(let failure) = report.outcome else {
        Issue.record("\(what): expected a failed claim, got \(report.outcome)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(report.exitCode == 1, sourceLocation: sourceLocation)
    return failure
}

/// Asserts that `text` is malformed (exit 2), and returns the error.
@discardableResult
func expectMalformed(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> MalformedCertificate? {
    let report = CertificateChecker.check(certificateText: text)
    guard case .malformed(let error) = report.outcome else {
        Issue.record("\(what): expected malformed, got \(report.outcome)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(report.exitCode == 2, sourceLocation: sourceLocation)
    return error
}

/// Replaces the first occurrence of `old` (which must occur) in a certificate text.
func tampered(_ text: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(text.contains(old), "'\(old)' not in the certificate", sourceLocation: sourceLocation)
    guard let range = text.range(of: old) else { return text }
    return text.replacingCharacters(in: range, with: new)
}
