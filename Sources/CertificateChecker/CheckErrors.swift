import ExactArithmetic

/// A claim of the certificate that does not hold: `dlnpath check` exits 1 and prints `message`.
///
/// `claim` names the check (e.g. "lasso KKT"); `message` says, in plain words and with exact
/// values, where it fails ("knot 3 (λ = 4/3): coordinate 2 has |c_2| = 5/3 > λ").
public struct ClaimFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let claim: String
    public let message: String

    public init(_ claim: String, _ message: String) {
        self.claim = claim
        self.message = NumberText.abbreviatingNumbers(in: message) // a 100,000-digit value stays one line
    }

    public var description: String { "\(claim): \(message)" }
}

/// The certificate cannot be read as a version-2 certificate (not JSON, wrong types, wrong
/// sizes, missing or unknown fields, numbers not written "p/q"): `dlnpath check` exits 2.
public struct MalformedCertificate: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `lasso.knots[3].x` (0-based array indices, as in JSON Pointer).
    public let path: String
    public let message: String

    public init(at path: String, _ message: String) {
        self.path = path
        self.message = NumberText.abbreviatingNumbers(in: message)
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
