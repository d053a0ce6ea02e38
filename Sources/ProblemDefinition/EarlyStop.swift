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
    /// negative K, a non-positive S, or both options at once.
    public static func parse(kappaMin: String?, sMax: String?, weightDecay: Rational) throws(RationalListError) -> EarlyStop? {
        if kappaMin != nil && sMax != nil { throw RationalListError("give --kappa-min or --s-max, not both") }
        if let kappaMin {
            let k = try RationalList.parse([kappaMin], option: "--kappa-min", quantity: "K")[0]
            return EarlyStop(kappaMin: k, horizon: k > weightDecay ? (k - weightDecay).reciprocal : nil)
        }
        if let sMax {
            let s = try RationalList.parse([sMax], option: "--s-max", quantity: "S", strict: true)[0]
            return EarlyStop(kappaMin: weightDecay + s.reciprocal, horizon: s)
        }
        return nil
    }

    /// The closing line of a text report stopped here (`inTime`: only if the stop has a time).
    public func note(_ f: NumberFormat, inTime: Bool = false) -> String {
        if inTime && horizon == nil { return "" }
        let s = horizon.map { " (s = \(f($0)))" } ?? ""
        return "\nstopped early at κ = \(f(kappaMin))\(s) (--kappa-min, --s-max): nothing below that κ, after that s, was computed"
    }
}
