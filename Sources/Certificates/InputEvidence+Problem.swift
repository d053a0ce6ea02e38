import CertificateChecker
import DataFormats
import ExactArithmetic
import ProblemDefinition
import ProblemReading

// The writer hands its evidence to the independent checker; the checker itself reads no problem
// file (it depends on no solving or reading module).

extension InputEvidence {
    /// What the checker needs to confirm a certificate is about problem `p` read from `bytes`.
    public init(_ p: Problem, bytes: [UInt8], responseBytes: [UInt8]?) {
        self.init(bytes: bytes, responseBytes: responseBytes, variant: p.variant == .signed ? .signed : .positive,
                  weightDecay: p.weightDecay, M: p.M.rowArrays, r: p.r)
    }

    /// `dlnpath check --input FILE`: reads FILE the way `certify` did (the options the certificate
    /// records) and gives the checker its bytes and exact problem; with recorded options, also
    /// what the file says alone, so the report names any override. nil when the certificate
    /// itself is malformed: the checker then reports that. A file that cannot be read or does not
    /// hold a problem is a `ProblemError` naming it (bad input).
    public init?(reading input: String, responseFile: String?, limits: NumberLimits, for certificateText: String) throws {
        guard let recorded = (try? CertificateParser.parse(certificateText))?.input else { return nil }
        let source = ProblemSource(
            path: input, responsePath: responseFile, responseColumn: recorded.responseColumn,
            variant: recorded.variant.flatMap { Variant(rawValue: $0.rawValue) }, weightDecay: recorded.weightDecay,
            scaling: recorded.scaling.flatMap(Scaling.init(rawValue:)), limits: limits, indexColumn: recorded.indexColumn)
        let problem = try ProblemReader.read(source)
        self.init(problem, bytes: try readFileBytes(atPath: input), responseBytes: try responseFile.map { try readFileBytes(atPath: $0) })
        if recorded.variant != nil || recorded.weightDecay != nil || recorded.scaling != nil,
           let own = try? ProblemReader.read(ProblemSource(path: input, responsePath: responseFile, responseColumn: recorded.responseColumn,
                                                           limits: limits, indexColumn: recorded.indexColumn)) {
            fileVariant = own.variant == .signed ? .signed : .positive
            fileWeightDecay = own.weightDecay
            fileScaling = own.data?.scaling.rawValue
        }
    }
}

extension Certificate {
    /// The certificate of `problem` as the text `certify` writes, once the independent checker
    /// has verified every claim (with the input's bytes and problem as evidence), and its report.
    /// Throws what `make` throws, and `CertificateError` if the checker rejects a claim: a
    /// certificate that fails its own check is never returned.
    public static func checked(problem: Problem, input: Input) throws -> (text: String, report: CheckReport) {
        let text = try make(problem: problem, input: input).serialized(pretty: true) + "\n"
        let evidence = InputEvidence(problem, bytes: input.bytes, responseBytes: input.response?.bytes)
        let report = CertificateChecker.check(certificateText: text, input: evidence)
        guard report.isValid else {
            throw CertificateError("refusing a certificate that fails its own check: \(report.problem ?? "")")
        }
        return (text, report)
    }
}
