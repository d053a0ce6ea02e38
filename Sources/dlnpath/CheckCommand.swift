import ArgumentParser
import CertificateChecker
import DataFormats
import Certificates

/// `dlnpath check CERT.json [--input FILE]`: re-verifies a certificate with the independent
/// checker (Sources/CertificateChecker), which shares no solving code with the solvers.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a certificate written by `dlnpath certify`, independently of the solvers.",
        discussion: """
        Every claim of the certificate (lasso KKT on every segment, whether the lasso solution is \
        unique at each knot and inside each segment, the ε → 0 limit's dual conditions and \
        uniqueness at every saddle, the verdict with its divergence intervals, the gap maxima, z↓ \
        and η) is re-checked in exact rational arithmetic by a small checker that shares no code with the \
        homotopy or the face solver. The format and the proofs behind each check are in proofs/.

        With --input FILE, the checker also confirms that the certificate is about FILE: the \
        SHA-256 of its bytes, and the exact problem read from it (with the options the certificate \
        records) equals the certificate's M, r, variant and weight decay; a recorded option that \
        differs from what FILE says is named with both values.

        Exit codes: 0 every claim holds; 1 a claim fails (the first one is printed in plain \
        words, counting knots, segments and coordinates from 1, while the certificate counts \
        from 0); 2 the certificate is malformed or a file cannot be read.
        """
    )

    @Argument(help: ArgumentHelp("The certificate (JSON) to check.", valueName: "certificate"))
    var certificate: String

    @Option(help: ArgumentHelp("The problem file the certificate claims to be about.", valueName: "file"))
    var input: String?

    @Option(name: .customLong("y"), help: ArgumentHelp("With --input: the separate response file the certificate was made with.", valueName: "file"))
    var responseFile: String?

    @OptionGroup var inputLimits: InputLimitOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if responseFile != nil && input == nil { throw ValidationError("--y needs --input") }
    }

    func run() throws {
        let bytes = try readFileBytes(atPath: certificate)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CLIFailure.badInput("\(certificate): malformed certificate: not UTF-8 text") }
        let evidence = try input.flatMap { try InputEvidence(reading: $0, responseFile: responseFile, limits: inputLimits.limits, for: text) }
        let report = CertificateChecker.check(certificateText: text, input: evidence)
        // The claims are the checker's own sentences, exact numbers included: text shows long
        // numbers rounded (--exact: in full); --json keeps them exact.
        let format = output.numberFormat
        if output.json {
            report.json.writeDocument()
        } else if report.isValid || !report.verified.isEmpty {
            let text = report.isValid ? report.text : report.verified.map { "ok    " + $0 }.joined(separator: "\n")
            print(format.layout.wrap(format.readable(text)))
        }
        switch report.outcome {
        case .valid: return
        case .failed(let failure): throw failure
        case .malformed(let error): throw CLIFailure.badInput("\(certificate): malformed certificate: \(error.description)")
        }
    }
}
