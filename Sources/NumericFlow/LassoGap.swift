/// The lasso objective of docs/math.md §1 and the optimality gap of a DLN trajectory along the path.
public enum LassoObjective {
    /// `Lasso(x, κ) = ½xᵀMx − rᵀx + offset + κ‖x‖₁` (signed) or `… + κ·Σx` (positive; x ≥ 0 is
    /// assumed, as for every iterate and average of the `u∘u` flow).
    /// `offset` = `‖y‖²/(2n)` gives the data-fit form `‖Xx − y‖²/(2n) + κ‖x‖₁` (docs/math.md §0).
    public static func value(_ x: [Double], problem: DLNProblem, kappa: Double, offset: Double = 0) -> Double {
        let mx = problem.multiply(x)
        var quad = 0.0, lin = 0.0, pen = 0.0
        for i in 0..<problem.dimension {
            quad += x[i] * mx[i]
            lin += problem.r[i] * x[i]
            pen += problem.variant == .signed ? abs(x[i]) : x[i]
        }
        return 0.5 * quad - lin + offset + kappa * pen
    }
}

/// One point of a gap curve.
public struct GapSample: Sendable, Codable, Equatable {
    public let s: Double
    /// `κ = λwd + 1/s`.
    public let kappa: Double
    /// `Lasso(x̄(s), κ)`.
    public let lasso: Double
    /// `Lasso*(s)` as supplied.
    public let lassoOptimum: Double
    /// `Lasso(x̄(s), κ) − Lasso*(s)` (≥ 0 up to rounding when Lasso* is exact).
    public let gap: Double
}

public enum LassoGap {
    /// Gap of any averaged trajectory (numeric `x̄_ε` or the exact limit `x̄₀`) at the given times.
    /// Times `s ≤ 0` (κ = ∞) are skipped.
    /// - Parameters:
    ///   - lassoOptimum: `Lasso*(s)` in the same form as `offset` selects (quadratic form when
    ///     offset = 0, data-fit form when offset = ‖y‖²/(2n)); e.g. from the exact path.
    public static func samples(averaged: (Double) -> [Double], problem: DLNProblem, at times: [Double],
                               lassoOptimum: (Double) -> Double, offset: Double = 0) -> [GapSample] {
        times.filter { $0 > 0 }.map { s in
            let kappa = problem.weightDecay + 1 / s
            let value = LassoObjective.value(averaged(s), problem: problem, kappa: kappa, offset: offset)
            let best = lassoOptimum(s)
            return GapSample(s: s, kappa: kappa, lasso: value, lassoOptimum: best, gap: value - best)
        }
    }

    /// Gap of a numeric trajectory.
    public static func samples(_ trajectory: FlowTrajectory, problem: DLNProblem, at times: [Double],
                               lassoOptimum: (Double) -> Double, offset: Double = 0) -> [GapSample] {
        samples(averaged: trajectory.averaged(at:), problem: problem, at: times,
                lassoOptimum: lassoOptimum, offset: offset)
    }

    /// `Lasso*(s) = Lasso(x(κ), κ)` evaluated from path knots (quadratic form plus `offset`).
    /// Exact up to rounding when the knots are (the path is exact between knots).
    public static func optimum(from path: LassoPathInterpolant, problem: DLNProblem, offset: Double = 0) -> (Double) -> Double {
        { s in
            let kappa = problem.weightDecay + 1 / s
            return LassoObjective.value(path.solution(atKappa: kappa), problem: problem, kappa: kappa, offset: offset)
        }
    }
}
