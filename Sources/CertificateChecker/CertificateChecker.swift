import DataFormats
import ExactArithmetic

/// The independent certificate checker (DRAT/VIPR style): it re-verifies every claim of a
/// `dlnpath certify` certificate with exact rational arithmetic only, sharing no solving code
/// with the homotopy, the face solver or the saddle-to-saddle computation.
/// Format: proofs/certificate-format.md; why each check suffices: proofs/README.md.
public enum CertificateChecker {
    /// Parses and checks a certificate. Never traps on bad input: malformed text gives
    /// `.malformed`, a false claim `.failed` with the first failure in plain words.
    public static func check(certificateText: String, input: InputEvidence? = nil) -> CheckReport {
        do {
            return check(try CertificateParser.parse(certificateText), input: input)
        } catch {
            return CheckReport(verified: [], outcome: .malformed(error))
        }
    }

    /// Checks an already parsed certificate.
    public static func check(_ certificate: ParsedCertificate, input: InputEvidence? = nil) -> CheckReport {
        let context = CheckContext(certificate)
        var verified: [String] = []
        do {
            for (group, check) in checks(input) {
                verified.append("\(group): " + (try check(context)))
            }
            return CheckReport(verified: verified, outcome: .valid)
        } catch {
            return CheckReport(verified: verified, outcome: .failed(error))
        }
    }

    typealias Check = (CheckContext) throws(ClaimFailure) -> String

    /// Every check, in the order they run. The problem comes first because every later
    /// argument needs a convex loss; the verdict last because it compares certified paths.
    static func checks(_ input: InputEvidence?) -> [(String, Check)] {
        var list: [(String, Check)] = []
        if let input { list.append(("input", { (c) throws(ClaimFailure) in try InputCheck.check(c, input) })) }
        list += [
            ("problem", ProblemChecks.convexity),
            ("problem", ProblemChecks.definiteness),
            ("lasso", LassoChecks.knotSequence),
            ("lasso", LassoChecks.knotKKT),
            ("lasso", LassoChecks.segments),
            ("lasso", LassoChecks.breakpoints),
            ("lasso", LassoUniquenessCheck.check),
            ("limit", SaddleChecks.start),
            ("limit", SaddleChecks.continuity),
            ("limit", SaddleChecks.box),
            ("limit", SaddleChecks.faceMembership),
            ("limit", SaddleChecks.faceOptimality),
            ("limit", SaddleChecks.events),
            ("limit", SaddleChecks.final),
            ("limit", UniquenessCheck.check),
            ("verdict", VerdictChecks.monotone),
            ("verdict", DivergenceCheck.check),
            ("verdict", VerdictChecks.monotoneIffEquivalent),
            ("verdict", VerdictChecks.jumpTimes),
            ("verdict", VerdictChecks.saddlesEqualSlopes),
            ("verdict", DownwardVariationCheck.check),
            ("verdict", GapMaximaCheck.check),
            ("verdict", VerdictChecks.samples),
        ]
        return list
    }
}
