import StiffODE

/// The lasso path of docs/math.md §1 as a floating-point interpolant, for simulation and drawing:
/// the exact knots rounded to Double, `(κ_k, x_k)` with `κ₀ > κ₁ > … ≥ 0`, x linear in κ between
/// consecutive knots (LassoHomotopy's `Chord`, in Double: this side imports no exact code), and
/// `x = x₀` (normally 0) for `κ ≥ κ₀`. RunCheck's `FlowReference` builds it from `LassoPath`.
///
/// The DLN's rescaled time s is identified with `κ = λwd + 1/s` (docs/math.md §2).
public struct LassoPathInterpolant: Sendable, Codable, Equatable {
    public let kappas: [Double]
    public let solutions: [[Double]]

    public init(kappas: [Double], solutions: [[Double]]) throws {
        guard !kappas.isEmpty, kappas.count == solutions.count else {
            throw FlowError.invalidInput("lasso path: need as many knots as solutions (and at least one)")
        }
        let d = solutions[0].count
        guard solutions.allSatisfy({ $0.count == d }) else {
            throw FlowError.invalidInput("lasso path: solutions must have equal length")
        }
        guard zip(kappas, kappas.dropFirst()).allSatisfy({ $0 > $1 }), kappas.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw FlowError.invalidInput("lasso path: knots must be finite, ≥ 0 and strictly decreasing")
        }
        self.kappas = kappas
        self.solutions = solutions
    }

    private enum CodingKeys: String, CodingKey { case kappas, solutions }

    /// Decoding goes through the validating initialiser.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(kappas: try c.decode([Double].self, forKey: .kappas),
                      solutions: try c.decode([[Double]].self, forKey: .solutions))
    }

    public var dimension: Int { solutions[0].count }

    /// `x(κ)` by linear interpolation between knots (clamped outside `[κ_K, κ₀]`).
    public func solution(atKappa kappa: Double) -> [Double] {
        if kappa >= kappas[0] { return solutions[0] }
        guard let last = kappas.indices.last, kappa > kappas[last] else { return solutions[kappas.count - 1] }
        // kappas[k] > κ ≥ kappas[k+1].
        var lo = 0, hi = kappas.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if kappas[mid] > kappa { lo = mid } else { hi = mid }
        }
        let t = (kappas[lo] - kappa) / (kappas[lo] - kappas[hi])
        return zip(solutions[lo], solutions[hi]).map { $0 + t * ($1 - $0) }
    }

    /// `x(λwd + 1/s)`; s ≤ 0 means κ = ∞.
    public func solution(atS s: Double, weightDecay: Double = 0) -> [Double] {
        s <= 0 ? solutions[0] : solution(atKappa: weightDecay + 1 / s)
    }

    /// The rescaled times `s = 1/(κ_k − λwd)` of the knots with `κ_k > λwd` (where the path has a
    /// kink in s).
    public func knotTimes(weightDecay: Double = 0) -> [Double] {
        kappas.filter { $0 > weightDecay }.map { 1 / ($0 - weightDecay) }
    }
}
