/// Why no path was returned.
public enum LassoPathError: Error, Equatable, CustomStringConvertible {
    /// The path failed its own exact certificate (docs/math.md §1); it is never returned in that case.
    case certificateFailed(String)
    /// An internal consistency check failed (a bug).
    case internalError(String)

    public var description: String {
        switch self {
        case .certificateFailed(let message): return "the lasso path failed its certificate: \(message)"
        case .internalError(let message): return "internal error in the lasso homotopy (a bug, please report): \(message)"
        }
    }
}
