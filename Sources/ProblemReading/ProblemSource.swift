import ExactArithmetic
import ProblemDefinition

/// What the command line adds to a problem file: the pieces some formats cannot carry
/// (a separate response file, the response column) and overrides of the file's options.
public struct ProblemSource: Sendable {
    /// The main input: `.json`, `.csv`, `.npy` or `.npz`.
    public var path: String
    /// A separate response vector y (CSV or `.npy`), when `path` holds X alone.
    public var responsePath: String?
    /// The response column of a CSV file with a header (default: the last column).
    public var responseColumn: String?
    /// Overrides of the options a JSON file may carry; nil keeps the file's (or the default).
    public var variant: Variant?
    public var weightDecay: Rational?
    public var scaling: Scaling?

    public init(
        path: String, responsePath: String? = nil, responseColumn: String? = nil,
        variant: Variant? = nil, weightDecay: Rational? = nil, scaling: Scaling? = nil
    ) {
        self.path = path
        self.responsePath = responsePath
        self.responseColumn = responseColumn
        self.variant = variant
        self.weightDecay = weightDecay
        self.scaling = scaling
    }
}
