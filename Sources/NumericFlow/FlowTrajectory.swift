import StiffODE
/// One sample of a numeric trajectory.
public struct FlowSample: Sendable, Codable, Equatable {
    /// Rescaled time s.
    public let s: Double
    /// Time average `x̄_ε(s) = (1/t)∫₀ᵗ x_ε` (docs/math.md §2: the object that tracks the lasso path).
    public let averaged: [Double]
    /// Instantaneous iterate `x_ε(s)`.
    public let iterate: [Double]
}

/// A numerically integrated DLN trajectory on `[0, sMax]` with dense output.
public struct FlowTrajectory: Sendable {
    enum Source: Sendable {
        /// State (q, W) (docs/math.md §2 running integral W, rescaled, and q = s r − M W); x is
        /// recomputed from q by the closed form.
        case zFlow(ZFlowField)
        /// State (u, v, W) or (u, W); x = u∘v or u∘u.
        case direct(DLNVariant, Int)
    }

    public let variant: DLNVariant
    public let epsilon: FlowEpsilon
    public let sMax: Double
    public let statistics: IntegrationStatistics
    let dense: HermiteDense
    let source: Source
    let dimension: Int

    /// The accepted step points (they cluster at the jumps, so they are good extra sample points).
    public var stepTimes: [Double] { dense.times }

    private var integralRange: Range<Int> {
        switch source {
        case .zFlow: return dimension..<(2 * dimension)
        case .direct(let v, let d): return (v == .signed ? 2 * d : d)..<(v == .signed ? 3 * d : 2 * d)
        }
    }

    /// `W(s) = ∫₀ˢ x_ε` in rescaled time (so that `x̄_ε(s) = W(s)/s`).
    public func integral(at s: Double) -> [Double] {
        dense.value(at: s, components: integralRange)
    }

    /// `x̄_ε(s) = W(s)/s`; at s = 0 the limit `x_ε(0)`.
    public func averaged(at s: Double) -> [Double] {
        if s <= 0 { return iterate(at: 0) }
        return integral(at: s).map { $0 / s }
    }

    /// `x_ε(s)`.
    public func iterate(at s: Double) -> [Double] {
        switch source {
        case .zFlow(let field):
            // x is an exact function of q (docs/math.md §2), so evaluate it at the interpolated q.
            return field.iterate(s: s, q: dense.value(at: s, components: 0..<dimension))
        case .direct(let v, let d):
            switch v {
            case .signed:
                let uv = dense.value(at: s, components: 0..<(2 * d))
                return (0..<d).map { uv[$0] * uv[d + $0] }
            case .positive:
                return dense.value(at: s, components: 0..<d).map { $0 * $0 }
            }
        }
    }

    public func sample(at s: Double) -> FlowSample {
        FlowSample(s: s, averaged: averaged(at: s), iterate: iterate(at: s))
    }

    public func samples(at times: [Double]) -> [FlowSample] { times.map(sample(at:)) }

    /// `count` equally spaced samples on `[0, sMax]`.
    public func samples(count: Int) -> [FlowSample] {
        let n = max(count, 2)
        return samples(at: (0..<n).map { sMax * Double($0) / Double(n - 1) })
    }
}
