import JSONFormat
import ExactArithmetic
import Foundation
import NumericFlow
import ProgressReporting
import RunCheck

// Parsing and formatting shared by `flow`, `plot` and `check-run`; the work is in RunCheck.

/// Parses `--epsilon 1e-5,1e-10` (`FlowEpsilon.parseList`); a refused entry is bad input naming the option.
func parseEpsilonList(_ text: String, option: String) throws -> [FlowEpsilon] {
    do { return try FlowEpsilon.parseList(text) } catch FlowError.invalidInput(let message) { throw CLIFailure.badInput("\(option): \(message)") }
}

/// Parses a positive number (exact text such as 9/2, 4.5 or 1e1).
/// Used as a double, so a value a double cannot hold is refused as such.
func parsePositiveValue(_ text: String, option: String) throws -> Rational {
    let value: Rational
    do { value = try Rational(parsing: text) } catch { throw CLIFailure.badInput("\(option): \(error)") }
    guard value.signum > 0 else { throw CLIFailure.badInput("\(option) must be positive, got \(NumberText.quote(text))") }
    do { _ = try value.checkedDouble(writtenAs: text) } catch { throw CLIFailure.badInput("\(option): \(error)") }
    return value
}

/// Integrator tolerances from `--rtol`/`--atol` (defaults: `FlowOptions()`).
func flowOptions(rtol: String?, atol: String?) throws -> FlowOptions {
    var options = FlowOptions()
    if let rtol { options.relativeTolerance = try parsePositiveValue(rtol, option: "--rtol").doubleValue }
    if let atol { options.absoluteTolerance = try parsePositiveValue(atol, option: "--atol").doubleValue }
    return options
}

extension OutputOptions {
    /// `emit` for reports of floating-point measurements (flow, check-run): the JSON document,
    /// or the text wrapped to the layout's width, whose second line says what the numbers are.
    @discardableResult
    func emitMeasured<Result>(_ compute: () throws -> Result, json document: (Result, ExactJSON) throws -> JSONValue,
                              text report: (Result, NumberFormat) throws -> String) throws -> Result {
        let result = try compute()
        if json {
            printJSON(try document(result, exactJSON))
            return result
        }
        var lines = try report(result, numberFormat).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let exact = numberFormat.style == .exact ? "in full" : "fractions ≤ \(NumberFormat.shortLength) characters, else \(numberFormat.digits) digits"
        lines.insert("(deviations, times, fits: floating-point measurements to 4 digits; exact values: \(exact); --json: all)", at: min(1, lines.count))
        print(numberFormat.layout.wrap(lines.joined(separator: "\n")))
        return result
    }
}
