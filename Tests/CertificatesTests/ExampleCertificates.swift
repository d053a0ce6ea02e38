import CertificateChecker
import Certificates
import JSONFormat
import Foundation
import ProblemDefinition
import ProblemReading

/// The examples/ instances and their committed certificates under proofs/certificates/.
/// Regenerate with proofs/regenerate-certificates.sh (or DLNPATH_WRITE_CERTIFICATES=1 and the
/// ExampleCertificateTests), after a deliberate change to the format or the examples.
enum ExampleCertificates {
    /// examples/ files ProblemReader reads without extra options, sorted.
    static func files() throws -> [String] {
        let directory = repositoryRoot.appendingPathComponent("examples")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { ["json", "csv", "npz"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
            .sorted()
    }

    static func certificatePath(for file: String) -> String {
        "proofs/certificates/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".cert.json"
    }

    /// The problem as `check --input` reads it, and its evidence for the checker.
    static func problem(_ file: String) throws -> (problem: Problem, bytes: [UInt8], evidence: InputEvidence) {
        let path = repositoryRoot.appendingPathComponent("examples/\(file)").path
        let problem = try ProblemReader.read(ProblemSource(path: path))
        let bytes = try repositoryFile("examples/\(file)")
        let evidence = InputEvidence(
            bytes: bytes, variant: problem.variant == .signed ? .signed : .positive,
            weightDecay: problem.weightDecay, M: problem.M.rowArrays, r: problem.r)
        return (problem, bytes, evidence)
    }

    /// The certificate text `dlnpath certify examples/FILE -o …` writes from the repository root.
    static func make(_ file: String) throws -> String {
        let (problem, bytes, _) = try self.problem(file)
        return try Certificate.make(problem: problem, inputBytes: bytes, inputName: "examples/\(file)")
            .serialized(pretty: true) + "\n"
    }
}
