import ExactArithmetic

/// Where `--kappa-min K` or `--s-max S` stops the homotopy of a problem: the path at penalty
/// κ_min = K (or λwd + 1/S), the ε → 0 limit at time S (or 1/(K − λwd); none when K ≤ λwd, a
/// penalty reached only as s → ∞). Time s plays μ = 1/(κ − λwd) (docs/math.md §4).
public struct EarlyStop: Equatable, Sendable {
    /// The penalty the lasso path stops at (≥ 0).
    public let kappaMin: Rational
    /// The time the limit and the comparison stop at (> 0); nil when never reached.
    public let horizon: Rational?

    public init(kappaMin: Rational, horizon: Rational?) {
        self.kappaMin = kappaMin
        self.horizon = horizon
    }

    /// From the options' text (either may be nil, not both given); nil when neither is given.
    /// Throws `RationalListError` with a one-line message for a value that is not a number, a
    /// negative K, a non-positive S, both options at once, or one of the `times` (`--at s`)
    /// after the stop (`checkReached(_:)`).
    public static func parse(kappaMin: String?, sMax: String?, weightDecay: Rational,
                             reaching times: [Rational] = []) throws(RationalListError) -> EarlyStop? {
        if kappaMin != nil && sMax != nil { throw RationalListError("give --kappa-min or --s-max, not both") }
        var stop: EarlyStop?
        if let kappaMin {
            let k = try RationalList.parse([kappaMin], option: "--kappa-min", quantity: "K")[0]
            stop = EarlyStop(kappaMin: k, horizon: k > weightDecay ? (k - weightDecay).reciprocal : nil)
        } else if let sMax {
            let s = try RationalList.parse([sMax], option: "--s-max", quantity: "S", strict: true)[0]
            stop = EarlyStop(kappaMin: weightDecay + s.reciprocal, horizon: s)
        }
        try stop?.checkReached(times)
        return stop
    }

    /// Throws unless every time s in `times` is at or before the stop's horizon (always true
    /// without one): nothing after it is computed. The message names the first time beyond it.
    public func checkReached(_ times: [Rational]) throws(RationalListError) {
        if let horizon, let late = times.first(where: { $0 > horizon }) {
            throw RationalListError("--at: s = \(NumberText.quote(late.description)) is beyond the stop at s = \(NumberText.quote(horizon.description))")
        }
    }

    /// The closing line of a text report stopped here (`inTime`: only if the stop has a time);
    /// with the `problem` of a path, also `aboveStart`'s sentence.
    public func note(_ f: NumberFormat, inTime: Bool = false, problem: Problem? = nil) -> String {
        if inTime && horizon == nil { return "" }
        let s = horizon.map { " (s = \(f($0)))" } ?? ""
        let start = problem.flatMap { EarlyStop.aboveStart(kappaMin, $0, f) }.map { "\n" + $0 } ?? ""
        return "\nstopped early at κ = \(f(kappaMin))\(s) (--kappa-min, --s-max): nothing below that κ, after that s, was computed" + start
    }

    /// A stop at penalty `kappa` above κ_max still shows the path's first knot, below the stop:
    /// the sentence that says so, or nil when the stop is not above κ_max.
    public static func aboveStart(_ kappa: Rational, _ problem: Problem, _ f: NumberFormat) -> String? {
        let start = problem.kappaMax
        guard kappa > start else { return nil }
        return "κ = \(f(kappa)) is above κ_max = \(f(start)), where the lasso path starts: x = 0 for every κ ≥ \(f(start)), and the path's first knot is shown for reference"
    }
}
