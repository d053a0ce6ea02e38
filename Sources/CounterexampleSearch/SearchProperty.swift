import ExactArithmetic

/// What the search keeps (docs/math.md §4): instances where the DLN limit and the lasso path are not
/// simply the same object.
public enum SearchProperty: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// z(μ) = μ·x(1/μ) is not coordinatewise monotone (positive case: nondecreasing).
    case nonMonotone
    /// The averaged DLN limit differs from the lasso path for some s (through M·x when M is singular).
    case notEquivalent
    /// The lasso solution is not unique for some κ > 0, or some DLN face minimiser is not unique.
    case nonUnique
    /// The averaged limit leaves the lasso path and comes back: a divergence interval with an end.
    case rejoins
    /// The exact limit gap Lasso(x̄(s), s) − Lasso*(s) exceeds the value for some s > 0.
    case gapAbove(Rational)

    public static let names = ["non-monotone", "not-equivalent", "non-unique", "rejoins", "gap-above=VALUE"]

    /// Parses one of `names` (VALUE exact: "1/100", "0.01", "1e-2").
    public init(parsing text: String) throws {
        switch text {
        case "non-monotone": self = .nonMonotone
        case "not-equivalent": self = .notEquivalent
        case "non-unique": self = .nonUnique
        case "rejoins": self = .rejoins
        default:
            guard text.hasPrefix("gap-above=") else {
                throw SearchError("unknown property '\(text)' (expected \(SearchProperty.names.joined(separator: ", ")))")
            }
            let v: Rational
            do { v = try Rational(parsing: text.dropFirst("gap-above=".count)) } catch { throw SearchError("gap-above=VALUE: \(error)") }
            // The gap is never negative: below 0 every instance would be kept.
            guard v.signum >= 0 else { throw SearchError("gap-above=VALUE must be ≥ 0 (the gap is never negative), got \(NumberText.quote(v))") }
            self = .gapAbove(v)
        }
    }

    public var description: String {
        switch self {
        case .nonMonotone: return "non-monotone"
        case .notEquivalent: return "not-equivalent"
        case .nonUnique: return "non-unique"
        case .rejoins: return "rejoins"
        case .gapAbove(let v): return "gap-above=\(v)"
        }
    }
}
