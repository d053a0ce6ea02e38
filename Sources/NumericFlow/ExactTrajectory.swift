import StiffODE
/// The exact ε → 0 limit of docs/math.md §3, handed over in Double by the exact modules.
///
/// `x°(s)` is piecewise constant: `x° = 0` on `[0, s₁)` and `x° = iterates[k]` on
/// `[saddleTimes[k], saddleTimes[k+1])`. Its integral `Z(s) = ∫₀ˢ x°` is piecewise linear and the
/// averaged limit is `x̄₀(s) = Z(s)/s` (continuous, with kinks at the saddle times).
/// Note: this `Z` is the limit of the rescaled running integral W of `ZFlowField`, not of the
/// unscaled `∫₀ᵗ x dt`.
public struct ExactTrajectory: Sendable, Codable, Equatable {
    public let dimension: Int
    /// Nondecreasing saddle times `s₁ ≤ s₂ ≤ …` (equal times = zero-length saddles).
    public let saddleTimes: [Double]
    /// `x°` from each saddle time on.
    public let iterates: [[Double]]
    /// `Z(saddleTimes[k])`, precomputed.
    private let integrals: [[Double]]

    public init(dimension: Int, saddleTimes: [Double], iterates: [[Double]]) throws {
        guard saddleTimes.count == iterates.count else {
            throw FlowError.invalidInput("exact trajectory: \(saddleTimes.count) saddle times but \(iterates.count) iterates")
        }
        guard iterates.allSatisfy({ $0.count == dimension }) else {
            throw FlowError.invalidInput("exact trajectory: iterates must have length \(dimension)")
        }
        guard saddleTimes.allSatisfy({ $0 >= 0 && $0.isFinite }),
              zip(saddleTimes, saddleTimes.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw FlowError.invalidInput("exact trajectory: saddle times must be finite, ≥ 0 and nondecreasing")
        }
        self.dimension = dimension
        self.saddleTimes = saddleTimes
        self.iterates = iterates
        var z = [[Double]]()
        var current = [Double](repeating: 0, count: dimension)
        for k in 0..<saddleTimes.count {
            if k > 0 {
                let dt = saddleTimes[k] - saddleTimes[k - 1]
                current = zip(current, iterates[k - 1]).map { $0 + dt * $1 }
            }
            z.append(current)
        }
        self.integrals = z
    }

    /// Index of the last saddle with time ≤ s, or nil before the first.
    private func piece(at s: Double) -> Int? {
        var lo = -1, hi = saddleTimes.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if saddleTimes[mid] <= s { lo = mid } else { hi = mid }
        }
        return lo >= 0 ? lo : nil
    }

    /// `x°(s)` (right-continuous: at a saddle time, the new saddle).
    public func instantaneous(at s: Double) -> [Double] {
        guard let k = piece(at: s) else { return [Double](repeating: 0, count: dimension) }
        return iterates[k]
    }

    /// `Z(s) = ∫₀ˢ x°`.
    public func integral(at s: Double) -> [Double] {
        guard let k = piece(at: s) else { return [Double](repeating: 0, count: dimension) }
        let dt = s - saddleTimes[k]
        return zip(integrals[k], iterates[k]).map { $0 + dt * $1 }
    }

    private enum CodingKeys: String, CodingKey { case dimension, saddleTimes, iterates }

    /// Decoding goes through the validating initialiser (and recomputes the integrals).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(dimension: try c.decode(Int.self, forKey: .dimension),
                      saddleTimes: try c.decode([Double].self, forKey: .saddleTimes),
                      iterates: try c.decode([[Double]].self, forKey: .iterates))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(saddleTimes, forKey: .saddleTimes)
        try c.encode(iterates, forKey: .iterates)
    }

    /// `x̄₀(s) = Z(s)/s` (at s = 0: 0, the limit of Z(s)/s when the first saddle time is > 0).
    public func averaged(at s: Double) -> [Double] {
        if s <= 0 { return piece(at: 0).map { iterates[$0] } ?? [Double](repeating: 0, count: dimension) }
        return integral(at: s).map { $0 / s }
    }
}
