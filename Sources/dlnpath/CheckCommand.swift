import ArgumentParser
import CertificateChecker
import DataFormats
import ExactArithmetic
import ProblemInput

/// `dlnpath check CERT.json [--input FILE]`: re-verifies a certificate with the independent
/// checker (Sources/CertificateChecker), which shares no solving code with the solvers.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a certificate written by `dlnpath certify`, independently of the solvers.",
        discussion: """
        Every claim of the certificate (lasso KKT on every segment, the ε → 0 limit's dual \
        conditions at every saddle, the verdict and its divergence intervals, the gap samples) is \
        re-checked in exact rational arithmetic by a small checker that shares no code with the \
        homotopy or the face solver. The format and the proofs behind each check are in proofs/.

        With --input FILE, the checker also confirms that the certificate is about FILE: the \
        SHA-256 of its bytes, and the exact problem read from it (with the options the certificate \
        records) equals the certificate's M, r, variant and weight decay.

        Exit codes: 0 every claim holds; 1 a claim fails (the first one is printed in plain \
        words); 2 the certificate is malformed or a file cannot be read.
        """
    )

    @Argument(help: ArgumentHelp("The certificate (JSON) to check.", valueName: "certificate"))
    var certificate: String

    @Option(help: ArgumentHelp("The problem file the certificate claims to be about.", valueName: "file"))
    var input: String?

    @Option(name: .customLong("y"), help: ArgumentHelp("With --input: the separate response file the certificate was made with.", valueName: "file"))
    var responseFile: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if responseFile != nil && input == nil { throw ValidationError("--y needs --input") }
    }

    func run() throws {
        let bytes = try readFileBytes(atPath: certificate)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CLIFailure.badInput("\(certificate): malformed certificate: not UTF-8 text") }
        let evidence = try input.flatMap { try inputEvidence(for: text, input: $0) }
        let report = CertificateChecker.check(certificateText: text, input: evidence)
        // The claims are the checker's own sentences, exact numbers included: text shows long
        // numbers rounded (--exact: in full); --json keeps them exact.
        let format = output.numberFormat
        if output.json {
            print(report.json.serialized(pretty: true))
        } else {
            let text = report.isValid ? report.text : report.verified.map { "ok    " + $0 }.joined(separator: "\n")
            print(format.layout.wrap(format.readable(text)))
        }
        switch report.outcome {
        case .valid: return
        case .failed(let failure): throw failure
        case .malformed(let error): throw CLIFailure.badInput("\(certificate): malformed certificate: \(error.description)")
        }
    }

    /// Reads FILE the way `certify` did (the options the certificate records) and hands its
    /// bytes and exact problem to the checker. nil when the certificate itself is malformed:
    /// the checker then reports that.
    func inputEvidence(for text: String, input: String) throws -> InputEvidence? {
        guard let recorded = (try? CertificateParser.parse(text))?.input else { return nil }
        func option<T: RawRepresentable<String>>(_ name: String?, _ what: String) throws -> T? {
            guard let name else { return nil }
            guard let value = T(rawValue: name) else { throw CLIFailure.badInput("\(certificate): unknown \(what) option '\(name)'") }
            return value
        }
        let source = ProblemSource(
            path: input, responsePath: responseFile, responseColumn: recorded.responseColumn,
            variant: try option(recorded.variant, "variant"),
            weightDecay: try recorded.weightDecay.map { try Rational(parsing: $0) }, scaling: try option(recorded.scaling, "scaling"))
        return InputEvidence(try ProblemReader.read(source), bytes: try readFileBytes(atPath: input),
                             responseBytes: try responseFile.map { try readFileBytes(atPath: $0) })
    }
}
