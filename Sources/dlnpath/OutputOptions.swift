import ArgumentParser
import ExactArithmetic
import ProgressReporting
import JSONFormat

/// How a command prints exact results; one option group that every reporting command adds with
/// `@OptionGroup var output: OutputOptions`, then `try output.emit(json: …, text: …)`.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON: every exact value as a \"p/q\" string, coordinates and knots counted from 0.")
    var json = false

    @Flag(help: "With --json: every exact value as the nearest double, a JSON number (for numpy).")
    var float = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Significant digits of the decimals in text, rounded from the exact values (1…1000).", valueName: "N"))
    var digits = 6

    @Flag(help: "Text: print every fraction in full instead of rounding long ones.")
    var exact = false

    @Flag(help: "Text: print every row and coordinate (lines can get long).")
    var all = false

    @Flag(help: Self.quietHelp)
    var quiet = false

    /// Also `plot`'s, which prints no report.
    static let quietHelp: ArgumentHelp = "No progress on standard error (shown only when it is a terminal)."

    func validate() throws {
        if float && !json { throw ValidationError("--float changes the numbers of --json; give both") }
        guard (1...1000).contains(digits) else { throw ValidationError("--digits must be between 1 and 1000, got \(digits)") }
    }

    /// How exact values appear in text.
    var numberFormat: NumberFormat { NumberFormat(exact: exact, all: all, digits: digits) }

    /// How exact values go into JSON.
    var exactJSON: ExactJSON { float ? .nearestDouble : .exactStrings }

    /// Runs `body` with progress ("lasso path: knots 1200, κ = 0.0123, 57 of 200 active") on standard error when
    /// it is a terminal and --quiet is not given; the progress line is erased afterwards.
    func withProgress<T>(_ body: () throws -> T) rethrows -> T { try ProgressLine.showing(quiet: quiet, body) }

    /// Computes the result, builds the whole output (nothing reaches stdout until it is known to
    /// be right), then prints the JSON document or the text report (`NumberFormat.page`), whose
    /// second line says how the numbers shown relate to the exact values (`NumberFormat.note`). Reports of
    /// floating-point measurements (flow, check-run) pass their own `note`; they show their own
    /// progress, and their text is printed as written. Returns the result.
    @discardableResult
    func emit<Result>(
        _ compute: () throws -> Result, note measured: ((NumberFormat) -> String)? = nil,
        json document: (Result, ExactJSON) throws -> JSONValue,
        text report: (Result, NumberFormat) throws -> String
    ) throws -> Result {
        let result = measured == nil ? try withProgress(compute) : try compute()
        if json {
            try document(result, exactJSON).writeDocument()
            return result
        }
        let format = numberFormat
        print(format.page(try report(result, format), measured: measured?(format)))
        return result
    }
}
