import Foundation
import StiffODE

/// The initialisation scale ε of a diagonal linear network, stored as `L = log(1/ε)`.
///
/// The Z-ODE of docs/math.md §2 depends on ε only through `L` (every exponential is evaluated in the log
/// domain), so storing `L` instead of ε lets the flow run at ε = 1e-300 and even below the
/// smallest Double (`FlowEpsilon(parsing: "1e-1000")`). The label keeps the caller's spelling
/// for JSON output (`"epsilon": "1e-10"`).
public struct FlowEpsilon: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `log(1/ε) > 0`.
    public let logInverse: Double
    /// Human-readable ε, e.g. `"1e-10"`.
    public let label: String

    /// ε as a Double (underflows to 0 below ~1e-308; only the direct (u, v) flow and gradient
    /// descent need it, and those are meant for moderate ε).
    public var value: Double { exp(-logInverse) }

    public var description: String { label }

    /// From a Double ε with 0 < ε < 1.
    public init(_ epsilon: Double) throws {
        guard epsilon > 0, epsilon < 1, epsilon.isFinite else {
            throw FlowError.invalidInput("epsilon must lie in (0, 1), got \(epsilon)")
        }
        self.logInverse = -log(epsilon)
        self.label = FlowEpsilon.shortLabel(epsilon)
    }

    /// From `L = log(1/ε) > 0` directly.
    public init(logInverse: Double, label: String? = nil) throws {
        guard logInverse > 0, logInverse.isFinite else {
            throw FlowError.invalidInput("log(1/epsilon) must be positive and finite, got \(logInverse)")
        }
        self.logInverse = logInverse
        self.label = label ?? "exp(-\(logInverse))"
    }

    /// Parses `"1e-5"`, `"2.5E-400"`, `"0.001"`. Mantissa and exponent are combined in the log
    /// domain, so exponents beyond Double's range are fine.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        var logValue: Double
        if parts.count == 1, let v = Double(parts[0]), v > 0 {
            logValue = log(v)
        } else if parts.count == 2, let m = Double(parts[0]), m > 0, let e = Int(parts[1]) {
            logValue = log(m) + Double(e) * log(10.0)
        } else {
            throw FlowError.invalidInput("cannot read epsilon '\(text)'")
        }
        guard logValue < 0, logValue.isFinite else {
            throw FlowError.invalidInput("epsilon must lie in (0, 1), got '\(text)'")
        }
        self.logInverse = -logValue
        self.label = t
    }

    /// Parses a comma-separated list such as `"1e-5,1e-10,1e-20"`.
    public static func parseList(_ text: String) throws -> [FlowEpsilon] {
        try text.split(separator: ",").map { try FlowEpsilon(parsing: String($0)) }
    }

    /// `1e-05` → `1e-5`: Swift's shortest round-trip spelling without exponent padding.
    static func shortLabel(_ x: Double) -> String {
        let d = "\(x)"
        guard let e = d.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return d }
        var mantissa = String(d[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(d[d.index(after: e)...])
        var sign = ""
        if exponent.hasPrefix("-") || exponent.hasPrefix("+") {
            if exponent.hasPrefix("-") { sign = "-" }
            exponent.removeFirst()
        }
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "e" + sign + exponent
    }
}
