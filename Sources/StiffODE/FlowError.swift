/// Errors of the numeric flow (the integrator here and the DLN systems of NumericFlow).
/// Messages are meant for a CLI user.
public enum FlowError: Error, Equatable, CustomStringConvertible {
    /// Malformed problem data or arguments.
    case invalidInput(String)
    /// The integrator could not continue (step size underflow, too many steps, non-finite state).
    case integrationFailed(String)

    public var description: String {
        switch self {
        case .invalidInput(let m): return "invalid input: \(m)"
        case .integrationFailed(let m): return "integration failed: \(m)"
        }
    }

    /// The integrator could not go on (a failed computation, not bad input).
    public var isIntegrationFailure: Bool { if case .integrationFailed = self { true } else { false } }
}
