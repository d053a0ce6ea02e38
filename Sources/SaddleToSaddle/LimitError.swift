/// A failure of the ε → 0 limit computation, in plain words with the place it happened.
///
/// None of these should occur on a validated problem; each one is a guard that turns a would-be
/// wrong answer or endless loop into a message (docs/math.md §3: the objective strictly decreases from
/// saddle to saddle, so a saddle that does not decrease it means something is wrong).
public struct LimitError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
