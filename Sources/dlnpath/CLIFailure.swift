import CertificateChecker
import Certificates
import ExactArithmetic
import FaceSolver
import Foundation
import LassoHomotopy
import NumericFlow
import ProblemDefinition
import RunCheck
import SaddleToSaddle

/// The CLI's one error type: a failure a command reports on purpose.
enum CLIFailure: Error {
    /// Bad usage or bad input: exit 2.
    case badInput(String)
    /// A check or verdict failed: exit 1.
    case checkFailed(String)
}

/// The one mapping from any error a command throws to its exit code and the one line printed
/// after "error: " (0 success, 1 a check or verdict failed, 2 bad usage or bad input).
///
/// A check failed (1): `CLIFailure.checkFailed`, a solver's own certificate or self-check
/// (`LassoPathError`, `LimitError`, `FaceSolverError`, `CertificateError`), a certificate claim
/// (`ClaimFailure`), an integration that cannot go on (`FlowError.integrationFailed`), a run
/// check that could not be computed (`RunCheckError.failed`).
/// Everything else is bad input (2): the problem (`ProblemError`; a number beyond the input
/// limits names the option that raises them, `withLimitHint`), files and their formats
/// (`DataFormatError`, `SolverFileError`, `MalformedCertificate`), numbers (`RationalParseError`),
/// options (`SearchError`), and any file-system error.
func exitStatus(for error: Error) -> (code: Int32, message: String) {
    let (code, message): (Int32, String) = switch error {
    case CLIFailure.badInput(let m): (2, m)
    case CLIFailure.checkFailed(let m): (1, m)
    case let e as LimitError: (1, "the ε → 0 limit failed a check: \(e.message)")
    case let e as ClaimFailure: (1, "certificate rejected: \(e)")
    case let e as MalformedCertificate: (2, "malformed certificate: \(e)")
    case let e as FlowError: (e.isIntegrationFailure ? 1 : 2, e.description)
    case let e as RunCheckError: (e.isCheckFailure ? 1 : 2, e.message)
    case is LassoPathError, is FaceSolverError, is CertificateError: (1, "\(error)")
    case let e as ProblemError: (2, e.withLimitHint.message)
    case is CocoaError: (2, error.localizedDescription)
    default: (2, "\(error)")
    }
    // One human line: a library message never spills a multi-line dump onto the terminal.
    return (code, NumberText.oneLine(message))
}
