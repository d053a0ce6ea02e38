import ArgumentParser
import CertificateChecker
import Certificates
import DataFormats

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
        let (text, report) = try Certificate.checked(problem: try problem.load(), input: try Certificate.Input(reading: problem.source))
        guard let output else { return print(text, terminator: "") }
        try writeTextFile(text, toPath: output)
        print("wrote \(output): \(report.verified.count) claims, all verified by the independent checker")
    }
}
