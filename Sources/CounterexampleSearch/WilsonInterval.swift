import JSONFormat

/// The Wilson score interval for a binomial proportion (Wilson 1927): with z = 1.96 a 95%
/// interval that, unlike p̂ ± z·√(p̂(1−p̂)/n), stays inside [0, 1] and behaves at k = 0 or k = n.
public struct WilsonInterval: Equatable, Sendable {
    public let successes: Int
    public let trials: Int
    public let lower: Double
    public let upper: Double

    public init(successes k: Int, trials n: Int, z: Double = 1.959963984540054) {
        successes = k
        trials = n
        guard n > 0 else { (lower, upper) = (0, 1); return }
        let p = Double(k) / Double(n), nn = Double(n), z2 = z * z
        let center = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        lower = max(0, center - half)
        upper = min(1, center + half)
    }

    /// k/n; nil with no trials (0 of 0 is no proportion, not 0%).
    public var proportion: Double? { trials == 0 ? nil : Double(successes) / Double(trials) }

    /// `proportion` as a JSON number, or null with no trials.
    public var proportionJSON: JSONValue { proportion.map { .number(String($0)) } ?? .null }

    /// "23.9% (95% CI 23.1–24.8%)".
    public var text: String {
        func pct(_ v: Double) -> String { String(format: "%.1f", 100 * v) }
        // No trials: no proportion to show, only the interval that says nothing is known.
        return "\(proportion.map { pct($0) + "%" } ?? "—") (95% CI \(pct(lower))–\(pct(upper))%)"
    }
}
