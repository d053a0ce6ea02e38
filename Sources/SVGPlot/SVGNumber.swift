import Foundation

/// Deterministic number formatting for SVG output (no locale, no platform `printf`), so the same
/// figure always produces byte-identical files and golden-file tests are stable.
public enum SVGNumber {
    /// `x` rounded to `decimals` places in plain notation, trailing zeros kept; `-0` prints `0`.
    /// Non-finite values print as `0` (callers drop them before drawing).
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "0" }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9.0e15 else { return "\(x)" }  // beyond exact integers: not for plots
        let n = UInt64(scaled)
        if n == 0 { return d == 0 ? "0" : "0." + String(repeating: "0", count: d) }
        var digits = String(n)
        if digits.count <= d { digits = String(repeating: "0", count: d - digits.count + 1) + digits }
        let sign = x < 0 ? "-" : ""
        if d == 0 { return sign + digits }
        let split = digits.index(digits.endIndex, offsetBy: -d)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// Coordinates: two decimals (1/100 px), trailing zeros trimmed.
    public static func coordinate(_ x: Double) -> String { trimmed(fixed(x, decimals: 2)) }

    /// Removes trailing zeros and a trailing decimal point: `1.50` → `1.5`, `2.00` → `2`.
    static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    /// A tick label for `value` on a grid of spacing `step = m·10^k` (m ∈ {1, 2, 5}): as many
    /// decimals as the step needs; scientific (`2e-6`, `1.5e7`) for very small or large scales.
    public static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite, step > 0, step.isFinite else { return "0" }
        let k = floorLog10(step)
        let scientific = k < -4 || max(abs(value), step) >= 1e6
        if abs(value) < step * 1e-9 { return scientific ? "0" : fixed(0, decimals: max(0, -k)) }
        if scientific {
            let e = floorLog10(abs(value))
            let mantissa = value / pow(10, Double(e))
            return trimmed(fixed(mantissa, decimals: min(max(0, e - k), 6))) + "e" + String(e)
        }
        return fixed(value, decimals: max(0, -k))
    }

    /// A log-axis tick (m·10^k, m ∈ {1, 2, 5}): plain decimal from 0.001 to 10⁵, else `1e-6`.
    public static func logTick(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return "0" }
        let e = floorLog10(value)
        let m = (value / pow(10, Double(e))).rounded()
        if e >= -3 && e < 5 { return trimmed(fixed(value, decimals: max(0, -e))) }
        return trimmed(fixed(m, decimals: 0)) + "e" + String(e)
    }

    /// `⌊log10 x⌋`, robust at exact powers of ten (1e-5 → -5, not -6).
    static func floorLog10(_ x: Double) -> Int {
        Int((log10(x) + 1e-9).rounded(.down))
    }
}
