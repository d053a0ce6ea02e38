import ArgumentParser
import DataFormats
import ExactArithmetic
import Foundation
import ProgressReporting
import PlainText
import JSONFormat

/// How a command prints exact results; one option group that every reporting command adds with
/// `@OptionGroup var output: OutputOptions`, then `try output.emit(json: …, text: …)`.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON: every exact value as a \"p/q\" string, coordinates and knots counted from 0.")
    var json = false

    @Flag(help: "With --json: every exact value as the nearest double, a JSON number (for numpy).")
    var float = false

    @Option(help: ArgumentHelp("Significant digits of the decimals in text, rounded from the exact values (1…1000).", valueName: "N"))
    var digits = 6

    @Flag(help: "Text: print every fraction in full instead of rounding long ones.")
    var exact = false

    @Flag(help: "Text: print every row and coordinate (lines can get long).")
    var all = false

    @Flag(help: "No progress on standard error (shown only when it is a terminal).")
    var quiet = false

    func validate() throws {
        if float && !json { throw ValidationError("--float changes the numbers of --json; give both") }
        guard (1...1000).contains(digits) else { throw ValidationError("--digits must be between 1 and 1000, got \(digits)") }
    }

    /// The bounds of default text: no line over 160 characters, at most 40 rows per table.
    static let summaryLayout = TextLayout(maxWidth: 160, maxRows: 40, omissionHint: "--all prints every row, --json everything exactly")

    /// How exact values appear in text.
    var numberFormat: NumberFormat {
        let isDefault = !exact && !all && digits == 6
        let layout = all ? .unbounded : isDefault ? Self.summaryLayout : TextLayout(maxRows: Self.summaryLayout.maxRows, omissionHint: Self.summaryLayout.omissionHint)
        return NumberFormat(style: exact ? .exact : .readable, digits: digits, layout: layout)
    }

    /// How exact values go into JSON.
    var exactJSON: ExactJSON { float ? .nearestDouble : .exactStrings }

    /// Runs `body` with progress ("lasso path: knots 1200, κ = 0.0123") on standard error when
    /// it is a terminal and --quiet is not given; the progress line is erased afterwards.
    func withProgress<T>(_ body: () throws -> T) rethrows -> T {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return try body() }
        let line = ProgressLine()
        defer { line.finish() }
        return try ProgressReport.$handler.withValue({ stage, count, detail in line.show(stage, count, detail) }, operation: body)
    }

    /// Computes the result (with progress), builds the whole output (nothing reaches stdout
    /// until it is known to be right), then prints the JSON document or the text report, whose
    /// second line says how the numbers shown relate to the exact values. Returns the result.
    @discardableResult
    func emit<Result>(
        _ compute: () throws -> Result,
        json document: (Result, ExactJSON) throws -> JSONValue,
        text report: (Result, NumberFormat) throws -> String
    ) throws -> Result {
        try emit(compute, streamed: { .value(try document($0, $1)) }, text: report)
    }

    /// `emit` for a large JSON document, written element by element as it is rendered.
    @discardableResult
    func emit<Result>(
        _ compute: () throws -> Result,
        streamed document: (Result, ExactJSON) throws -> JSONDocument,
        text report: (Result, NumberFormat) throws -> String
    ) throws -> Result {
        let result = try withProgress(compute)
        if json {
            try printJSON(try document(result, exactJSON))
            return result
        }
        let format = numberFormat
        var lines = try report(result, format).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("(\(format.note))", at: min(1, lines.count))
        print(format.layout.wrap(format.readable(lines.joined(separator: "\n"))))
        return result
    }
}
