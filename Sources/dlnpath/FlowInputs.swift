import JSONFormat
import ExactArithmetic
import Foundation
import NumericFlow
import ProgressReporting
import RunCheck

// Parsing and formatting shared by `flow`, `plot` and `check-run`; the work is in RunCheck.

/// A progress bar that appears only once a run has taken a second (and only on a terminal,
/// as `ProgressBar` decides).
final class DelayedProgressBar {
    private let bar: ProgressBar
    private let start = ContinuousClock.now
    private var shown = false

    /// `quiet`: never shown (--quiet).
    init(label: String, quiet: Bool = false) {
        bar = ProgressBar(label: label)
        self.quiet = quiet
    }

    private let quiet: Bool

    func update(_ fraction: Double) {
        guard bar.enabled, !quiet else { return }
        if !shown {
            guard ContinuousClock.now - start >= .seconds(1) else { return }
            shown = true
        }
        bar.update(fraction)
    }

    func finish() {
        if shown { bar.finish() }
    }
}

/// Parses `--epsilon 1e-5,1e-10`: each entry in (0, 1), exponents beyond Double's range allowed.
func parseEpsilonList(_ text: String, option: String) throws -> [FlowEpsilon] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard !items.isEmpty, !(items.count == 1 && items[0].isEmpty) else { throw CLIFailure.badInput("\(option): no ε given") }
    return try items.map { item in
        guard !item.isEmpty else { throw CLIFailure.badInput("\(option): empty entry in '\(text)'") }
        if let epsilon = try? FlowEpsilon(parsing: item) { return epsilon }
        // Say why: not a number, not positive, or not below 1.
        let parts = item.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let mantissa = Double(parts[0]), mantissa.isFinite,
              parts.count == 1 || Int(parts[1]) != nil else {
            throw CLIFailure.badInput("\(option): '\(item)' is not a number")
        }
        if mantissa <= 0 { throw CLIFailure.badInput("\(option): ε must be positive, got '\(item)'") }
        throw CLIFailure.badInput("\(option): ε must be below 1 (ε ∈ (0, 1)), got '\(item)'")
    }
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

/// `%.4g` for tables.
func flowNumber(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : (x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞"))
}

extension OutputOptions {
    /// `emit` for reports of floating-point measurements (flow, check-run): the JSON document,
    /// or the text wrapped to the layout's width, whose second line says what the numbers are.
    @discardableResult
    func emitMeasured<Result>(_ compute: () throws -> Result, json document: (Result, ExactJSON) throws -> JSONValue,
                              text report: (Result, NumberFormat) throws -> String) throws -> Result {
        let result = try compute()
        if json {
            print(try document(result, exactJSON).serialized(pretty: true))
            return result
        }
        var lines = try report(result, numberFormat).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let exact = numberFormat.style == .exact ? "in full" : "fractions ≤ \(NumberFormat.shortLength) characters, else \(numberFormat.digits) digits"
        lines.insert("(deviations, times, fits: floating-point measurements to 4 digits; exact values: \(exact); --json: all)", at: min(1, lines.count))
        print(numberFormat.layout.wrap(lines.joined(separator: "\n")))
        return result
    }
}
