import ArgumentParser
import ExactArithmetic
import ProblemDefinition
import ProblemReading

/// The problem file and the options that complete or override it, shared by every command
/// that reads a problem.
struct ProblemOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The problem: .json ({\"X\",\"y\"} or {\"M\",\"r\"}), .csv (header; last column = y), .npy (X, with --y) or .npz.",
        valueName: "file"))
    var file: String

    @Option(name: .customLong("y"), help: ArgumentHelp("The response y in its own file (CSV or .npy), when FILE holds X only.", valueName: "file"))
    var responseFile: String?

    @Option(name: .customLong("response"), help: ArgumentHelp("The CSV column that holds y (default: the last one).", valueName: "name"))
    var responseColumn: String?

    @Flag(name: .customLong("positive"), help: "Nonnegative lasso / the weight-tied network x = u∘u (overrides the file).")
    var positive = false

    @Flag(name: .customLong("signed"), help: "Signed lasso / the network x = u∘v (overrides the file).")
    var signed = false

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: ArgumentHelp("Weight decay λwd ≥ 0, exact (e.g. 1/10); overrides the file.", valueName: "value"))
    var weightDecay: Rational?

    @Option(help: ArgumentHelp("How M, r come from X, y: mean (M = XᵀX/n, scikit-learn's alpha) or sum (M = XᵀX).", valueName: "mean|sum"))
    var scaling: Scaling?

    @Flag(name: .customLong("index-column"), help: "The CSV files start with a pandas index column (unnamed, 0, 1, 2, …): drop it.")
    var indexColumn = false

    @OptionGroup var inputLimits: InputLimitOptions

    func validate() throws {
        if positive && signed { throw ValidationError("--positive and --signed exclude each other") }
        if let weightDecay, weightDecay.signum < 0 { throw ValidationError("--weight-decay must be ≥ 0, got \(NumberText.quote(weightDecay))") }
    }

    /// The variant the options force, if any.
    var variant: Variant? { positive ? .positive : (signed ? .signed : nil) }

    /// What to read and how.
    var source: ProblemSource {
        ProblemSource(path: file, responsePath: responseFile, responseColumn: responseColumn,
                      variant: variant, weightDecay: weightDecay, scaling: scaling, limits: inputLimits.limits,
                      indexColumn: indexColumn)
    }

    /// Reads and validates the problem; any failure is bad input (exit 2).
    func load() throws -> Problem { try ProblemReader.read(source) }
}

/// Exact option values: "1/10", "-3", "2.5e-3" (read exactly, never through Double).
extension Rational: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

extension Scaling: ExpressibleByArgument {}

/// `--max-digits`, `--max-exponent`, `--max-bits`: the input limits (`NumberLimits`) of every
/// command that reads a problem.
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-digits"), parsing: .unconditional, help: ArgumentHelp(
        "Refuse numbers with more significant digits (a fraction: in its numerator or denominator).", valueName: "n"))
    var maximumDigits = NumberLimits.defaultDigits

    @Option(name: .customLong("max-exponent"), parsing: .unconditional, help: ArgumentHelp(
        "Refuse decimals beyond 10^±n (the power of ten of their leading digit).", valueName: "n"))
    var maximumExponent = NumberLimits.defaultExponent

    @Option(name: .customLong("max-bits"), parsing: .unconditional, help: ArgumentHelp(
        "Refuse problems whose numbers, over one common denominator, need integers of more bits (default: enough for any decimals within --max-digits and --max-exponent).",
        valueName: "n"))
    var maximumBits: Int?

    /// The input limits, from `--max-digits`, `--max-exponent`, `--max-bits`.
    var limits: NumberLimits {
        NumberLimits(maximumDigits: maximumDigits, maximumExponent: maximumExponent, maximumBits: maximumBits)
    }

    func validate() throws {
        for (name, value) in [("--max-digits", maximumDigits), ("--max-exponent", maximumExponent), ("--max-bits", maximumBits ?? 1)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
    }
}
