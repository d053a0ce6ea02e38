import SHA256Digest
import ExactArithmetic

/// What `dlnpath check --input FILE` knows about FILE: its bytes (and those of a separate
/// response file) and the problem ProblemReader reads from it with the options the certificate
/// records. The checker compares; it never parses problem files itself.
public struct InputEvidence: Sendable {
    public var bytes: [UInt8]
    public var responseBytes: [UInt8]?
    public var variant: ParsedCertificate.Variant
    public var weightDecay: Rational
    public var M: [[Rational]]
    public var r: [Rational]
    /// What the file itself says, read without the options the certificate records (nil: not
    /// read, or no option recorded), so the report can say where a recorded option overrides it.
    public var fileVariant: ParsedCertificate.Variant?
    public var fileWeightDecay: Rational?
    /// "mean" or "sum"; nil for a problem given as M, r.
    public var fileScaling: String?

    public init(bytes: [UInt8], responseBytes: [UInt8]? = nil, variant: ParsedCertificate.Variant,
                weightDecay: Rational, M: [[Rational]], r: [Rational],
                fileVariant: ParsedCertificate.Variant? = nil, fileWeightDecay: Rational? = nil, fileScaling: String? = nil) {
        self.bytes = bytes
        self.responseBytes = responseBytes
        self.variant = variant
        self.weightDecay = weightDecay
        self.M = M
        self.r = r
        self.fileVariant = fileVariant
        self.fileWeightDecay = fileWeightDecay
        self.fileScaling = fileScaling
    }
}

/// The certificate is about this input: same SHA-256, same exact problem
/// (proofs/certificate-format.md, `input`).
enum InputCheck {
    static func check(_ c: CheckContext, _ evidence: InputEvidence) throws(ClaimFailure) -> String {
        let claim = "input"
        let input = c.certificate.input
        let digest = SHA256.hexDigest(evidence.bytes)
        guard digest == input.sha256 else {
            throw ClaimFailure(claim, "the input file's SHA-256 is \(digest) but the certificate records \(input.sha256)")
        }
        if let recorded = input.responseSHA256 {
            guard let bytes = evidence.responseBytes else { throw ClaimFailure(claim, "the certificate was made with a response file \(input.responseFile ?? "") that was not given") }
            let responseDigest = SHA256.hexDigest(bytes)
            guard responseDigest == recorded else {
                throw ClaimFailure(claim, "the response file's SHA-256 is \(responseDigest) but the certificate records \(recorded)")
            }
        }
        let p = c.problem
        guard evidence.variant == p.variant else {
            throw ClaimFailure(claim, "the input is the \(evidence.variant.rawValue) problem but the certificate is about the \(p.variant.rawValue) one")
        }
        guard evidence.weightDecay == p.weightDecay else {
            throw ClaimFailure(claim, "the input has weight decay \(evidence.weightDecay) but the certificate has \(p.weightDecay)")
        }
        guard evidence.r.count == p.dimension, evidence.M.count == p.dimension else {
            throw ClaimFailure(claim, "the input has d = \(evidence.r.count) but the certificate has d = \(p.dimension)")
        }
        if let i = (0..<p.dimension).first(where: { evidence.r[$0] != p.r[$0] }) {
            throw ClaimFailure(claim, "r_\(i + 1) is \(evidence.r[i]) in the input but \(p.r[i]) in the certificate")
        }
        for i in 0..<p.dimension {
            if let j = (0..<p.dimension).first(where: { evidence.M[i][$0] != p.M[i][$0] }) {
                throw ClaimFailure(claim, "M_\(i + 1),\(j + 1) is \(evidence.M[i][j]) in the input but \(p.M[i][j]) in the certificate")
            }
        }
        return "the input file has SHA-256 \(digest.prefix(12))… and its exact problem is the certificate's" + overrides(input, evidence)
    }

    /// The recorded options that differ from what the file says, in words ("" when none do): the
    /// certificate is then about the file read with those options, not the file alone.
    static func overrides(_ input: ParsedCertificate.Input, _ evidence: InputEvidence) -> String {
        var notes: [String] = []
        if let v = input.variant, let f = evidence.fileVariant, v != f { notes.append("variant \(v.rawValue) (the file says \(f.rawValue))") }
        if let w = input.weightDecay, let f = evidence.fileWeightDecay, w != f { notes.append("weight decay \(w) (the file says \(f))") }
        if let s = input.scaling, let f = evidence.fileScaling, s != f { notes.append("scaling \(s) (the file says \(f))") }
        return notes.isEmpty ? "" : ", read with the recorded option\(notes.count == 1 ? "" : "s") " + notes.joined(separator: ", ") + " in place of the file's"
    }
}
