import ArgumentParser
import CertificateChecker
import Certificates
import JSONFormat
import ExactArithmetic
import Foundation
import ProblemDefinition
import DataFormats
import ProblemReading

/// `dlnpath certify FILE -o CERT.json`: writes a self-contained certificate of the lasso path, the
/// ε → 0 DLN limit and the verdict, after checking it with the independent checker.
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Write a certificate that `dlnpath check` re-verifies without trusting the solvers.",
        discussion: """
        The certificate records the exact problem and the SHA-256 of the input, the lasso knots \
        with the sign of every segment, whether the lasso solution is unique at each knot, inside \
        each segment and on the whole path, the DLN saddles with their dual q, face multipliers \
        and uniqueness, and the verdict (monotone, equivalent, divergence intervals, gap maxima, \
        z↓, η), with every witness the checker needs. Indices in it count from 0. Format: \
        proofs/certificate-format.md.

        Before writing, certify runs the independent checker on its own certificate and refuses \
        (exit 1, nothing written) if any claim fails.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Where to write the certificate.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("stdout"), help: "Print the certificate on standard output instead.")
    var toStandardOutput = false

    func validate() throws {
        if (output == nil) == !toStandardOutput { throw ValidationError("give exactly one of -o FILE and --stdout") }
    }

    func run() throws {
        let p = try problem.load()
        let input = Certificate.Input(
            name: problem.file, bytes: try readFileBytes(atPath: problem.file),
            variant: problem.variant, weightDecay: problem.weightDecay, scaling: problem.scaling,
            responseColumn: problem.responseColumn,
            response: try problem.responseFile.map { (name: $0, bytes: try readFileBytes(atPath: $0)) })
        let text: String
        do {
            text = try Certificate.make(problem: p, input: input).serialized(pretty: true) + "\n"
        } catch {
            throw CLIFailure.checkFailed("cannot certify \(problem.file): \(exitStatus(for: error).message)")
        }
        let report = CertificateChecker.check(certificateText: text, input: InputEvidence(p, bytes: input.bytes, responseBytes: input.response?.bytes))
        guard report.isValid else {
            throw CLIFailure.checkFailed("refusing to write a certificate that fails its own check: \(report.problem ?? "")")
        }
        guard let output else { return print(text, terminator: "") }
        try writeTextFile(text, toPath: output)
        print("wrote \(output): \(report.verified.count) claims, all verified by the independent checker")
    }
}

extension InputEvidence {
    /// What the checker needs to confirm a certificate is about problem `p` read from `bytes`.
    init(_ p: Problem, bytes: [UInt8], responseBytes: [UInt8]?) {
        self.init(bytes: bytes, responseBytes: responseBytes, variant: p.variant == .signed ? .signed : .positive,
                  weightDecay: p.weightDecay, M: p.M.rowArrays, r: p.r)
    }
}
