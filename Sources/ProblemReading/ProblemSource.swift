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
    /// Bounds on the numbers read (digits, decimal exponents, bits over one common denominator),
    /// checked as the file is read; beyond them the reader throws a `ProblemError` naming the
    /// number and the bound (`exceeded`).
    public var limits: NumberLimits
    /// CSV files start with a pandas index column (unnamed, 0, 1, 2, …) to drop; without it such
    /// a column is refused rather than read as a feature.
    public var indexColumn: Bool

    public init(
        path: String, responsePath: String? = nil, responseColumn: String? = nil,
        variant: Variant? = nil, weightDecay: Rational? = nil, scaling: Scaling? = nil,
        limits: NumberLimits = .default, indexColumn: Bool = false
    ) {
        self.indexColumn = indexColumn
        self.path = path
        self.responsePath = responsePath
        self.responseColumn = responseColumn
        self.variant = variant
        self.weightDecay = weightDecay
        self.scaling = scaling
        self.limits = limits
    }
}
