import Foundation

/// "Nice" axis ticks: multiples of 1, 2 or 5 × 10^k (Heckbert, *Nice numbers for graph
/// labels*, Graphics Gems 1990).
public enum NiceTicks {
    /// The nice step for about `target` intervals over `span`.
    public static func step(span: Double, target: Int = 5) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(target, 1))
        let k = (log10(raw) + 1e-12).rounded(.down)
        let base = pow(10, k)
        let m = raw / base
        let nice: Double = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10
        return nice * base
    }

    /// Tick values inside `[lower, upper]` (inclusive up to rounding) and the step.
    public static func ticks(lower: Double, upper: Double, target: Int = 5) -> (values: [Double], step: Double) {
        guard upper > lower else { return ([lower], 1) }
        let st = step(span: upper - lower, target: target)
        let first = (lower / st - 1e-9).rounded(.up)
        let last = (upper / st + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return ([lower, upper], upper - lower) }
        // Multiply integer indices (not accumulate) so labels are exact: 0.1·3, not 0.1+0.1+0.1.
        let values = stride(from: first, through: last, by: 1).map { $0 * st }
        return (values.map { abs($0) < st * 1e-9 ? 0 : $0 }, st)
    }

    /// `[lower, upper]` widened to the enclosing tick multiples (for value axes); a degenerate
    /// range is opened around its value.
    public static func niceRange(lower: Double, upper: Double, target: Int = 5) -> (lower: Double, upper: Double) {
        var lo = lower, hi = upper
        if !(lo.isFinite && hi.isFinite) { return (0, 1) }
        if hi <= lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let st = step(span: hi - lo, target: target)
        // The 1e-9 slack keeps a bound that already is a multiple where it is.
        return ((lo / st + 1e-9).rounded(.down) * st, (hi / st - 1e-9).rounded(.up) * st)
    }
}

/// Ticks of a logarithmic axis: the powers of ten inside `[lower, upper]`, with 2 and 5 times
/// them when the range spans fewer than three decades, every other power beyond twelve.
public enum LogTicks {
    public static func ticks(lower: Double, upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        let a = Int((log10(lower) - 1e-9).rounded(.down)), b = Int((log10(upper) + 1e-9).rounded(.up))
        let decades = b - a
        let multiples: [Double] = decades < 3 ? [1, 2, 5] : [1]
        let every = decades > 12 ? 2 : 1
        var values: [Double] = []
        for k in a...b where (k - a) % every == 0 {
            for m in multiples {
                let v = m * pow(10, Double(k))
                if v >= lower * (1 - 1e-9), v <= upper * (1 + 1e-9) { values.append(v) }
            }
        }
        return values
    }
}
