import JSONFormat

/// The outcome of checking a certificate: the claims verified, in order, and the first one that
/// failed (or why the certificate could not be read at all).
public struct CheckReport: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Every claim holds.
        case valid
        /// A claim fails; checking stopped there.
        case failed(ClaimFailure)
        /// Not a readable version-2 certificate.
        case malformed(MalformedCertificate)
    }

    /// Plain-words statements of the claims that were verified, in checking order.
    public var verified: [String]
    public var outcome: Outcome

    public var isValid: Bool { outcome == .valid }

    /// The CLI's exit code: 0 valid, 1 a claim fails, 2 malformed.
    public var exitCode: Int32 {
        switch outcome {
        case .valid: return 0
        case .failed: return 1
        case .malformed: return 2
        }
    }

    /// The failed claim or the malformation, in plain words; nil when valid.
    public var problem: String? {
        switch outcome {
        case .valid: return nil
        case .failed(let failure): return failure.description
        case .malformed(let error): return "malformed certificate: \(error.description)"
        }
    }

    /// The report as text: one line per verified claim, then the verdict line.
    public var text: String {
        var lines = verified.map { "ok    " + $0 }
        switch outcome {
        case .valid: lines.append("VALID: every claim of the certificate holds")
        case .failed(let failure): lines.append("FAIL  " + failure.description)
        case .malformed(let error): lines.append("MALFORMED  " + error.description)
        }
        return lines.joined(separator: "\n")
    }

    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("valid", .bool(isValid)),
            ("verified", .array(verified.map { .string($0) })),
        ]
        switch outcome {
        case .valid:
            o.append(("failure", .null))
        case .failed(let failure):
            o.append(("failure", .object(JSONObject([("claim", .string(failure.claim)), ("message", .string(failure.message))]))))
        case .malformed(let error):
            o.append(("failure", .null))
            o.append(("malformed", .object(JSONObject([("path", .string(error.path)), ("message", .string(error.message))]))))
        }
        return .object(JSONObject(o))
    }
}
