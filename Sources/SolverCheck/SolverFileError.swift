import ExactArithmetic

/// A solver output file that cannot be read as one: not parsable, wrong shapes, missing members,
/// a λ list and a coefficient matrix that do not fit together, or the wrong number of coordinates
/// for the problem. The message names the file and the member, row or column at fault.
/// (`dlnpath check-solver` exits 2 on it; a solver's *wrong numbers* are a failure, exit 1.)
public struct SolverFileError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = NumberText.abbreviatingNumbers(in: message) }
    public var description: String { message }
}
