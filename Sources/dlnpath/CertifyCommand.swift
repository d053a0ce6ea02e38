import ArgumentParser
import CertificateChecker
import Certificates
import DataFormats
import ExactArithmetic
import Foundation
import ProblemInput

/// `dlnpath certify FILE -o CERT.json`: writes a self-contained certificate of the lasso path, the
/// ε → 0 DLN limit and the verdict, after checking it with the independent checker.
struct CertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Write a certificate that `dlnpath check` re-verifies without trusting the solvers.",
        discussion: """
        The certificate records the exact problem and the SHA-256 of the input, the lasso knots \
        with the sign of every segment, the DLN saddles with their dual q and face multipliers, \
        and the verdict (monotone, equivalent, divergence intervals, gap maxima, z↓, η), with every \
        witness the checker needs. Format: proofs/certificate-format.md.

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
            name: problem.file, bytes: try bytes(problem.file),
            variant: problem.positive ? .positive : (problem.signed ? .signed : nil),
            weightDecay: try problem.weightDecay.map { try Rational(parsing: $0) },
            scaling: problem.scaling.flatMap(Scaling.init(rawValue:)),
            responseColumn: problem.responseColumn,
            response: try problem.responseFile.map { (name: $0, bytes: try bytes($0)) })
        let text: String
        do {
            text = try Certificate.make(problem: p, input: input).serialized(pretty: true) + "\n"
        } catch {
            throw CLIFailure.checkFailed("cannot certify \(problem.file): \(error)")
        }
        let evidence = InputEvidence(
            bytes: input.bytes, responseBytes: input.response?.bytes, variant: p.variant == .signed ? .signed : .positive,
            weightDecay: p.weightDecay, M: p.M.rowArrays, r: p.r)
        let report = CertificateChecker.check(certificateText: text, input: evidence)
        guard report.isValid else {
            throw CLIFailure.checkFailed("refusing to write a certificate that fails its own check: \(report.problem ?? "")")
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
                throw CLIFailure.badInput("\(output): cannot write the certificate")
            }
            print("wrote \(output): \(report.verified.count) claims, all verified by the independent checker")
        } else {
            print(text, terminator: "")
        }
    }

    private func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure.badInput("\(path): cannot read the file") }
        return [UInt8](data)
    }
}
