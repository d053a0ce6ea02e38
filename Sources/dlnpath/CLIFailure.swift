import ExactArithmetic

/// A failure a command reports on purpose, with the exit code it stands for.
enum CLIFailure: Error {
    /// Bad usage or bad input: exit 2.
    case badInput(String)
    /// A check or verdict failed: exit 1.
    case checkFailed(String)

    /// The message, with any long number in it shortened to its first digits and length.
    var message: String {
        switch self {
        case .badInput(let m), .checkFailed(let m): return NumberText.abbreviatingNumbers(in: m)
        }
    }

    var exitCode: Int32 {
        switch self {
        case .badInput: return 2
        case .checkFailed: return 1
        }
    }
}
