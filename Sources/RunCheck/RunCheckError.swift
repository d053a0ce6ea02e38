import NumericFlow

/// The one error type of RunCheck: bad input (a run file, an option, a problem the
/// floating-point code cannot take) or a computation that failed (an exact check, an
/// integration that cannot continue). The CLI maps the first to exit 2, the second to exit 1.
public enum RunCheckError: Error, Equatable, CustomStringConvertible, Sendable {
    case badInput(String)
    case failed(String)

    public var message: String {
        switch self {
        case .badInput(let m), .failed(let m): return m
        }
    }

    public var description: String { message }

    /// A computation that failed (exit 1 in the CLI), as opposed to bad input (exit 2).
    public var isCheckFailure: Bool { if case .failed = self { true } else { false } }
}


extension RunCheckError {
    /// Bad data is bad input; an integration that cannot continue is a failed computation.
    public init(_ error: FlowError, context: String) {
        switch error {
        case .invalidInput(let m): self = .badInput("\(context): \(m)")
        case .integrationFailed(let m): self = .failed("\(context): integration failed: \(m)")
        }
    }
}
