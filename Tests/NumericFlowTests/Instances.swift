import Foundation
import NumericFlow

/// Test instances with their exact data, derived by hand (docs/math.md §1, §3, §4).
enum Instances {
    // MARK: docs/math.md §4 worked example (signed, PD, z not monotone)

    /// `M = [[10, −4], [−4, 2]]`, `r = (−3, 2)`; `M⁻¹ = ¼[[2, 4], [4, 10]]`.
    static func workedExample() throws -> DLNProblem {
        try DLNProblem(M: [[10, -4], [-4, 2]], r: [-3, 2])
    }

    /// The exact limit of docs/math.md §3, by hand:
    /// - s ∈ [0, 1/3): x° = 0, c = r = (−3, 2); q reaches −1 first in coordinate 1 at s = 1/3
    ///   (coordinate 2 would need s = 1/2). q = (−1, 2/3).
    /// - Face {x₁ ≤ 0, x₂ = 0}: min 5x₁² + 3x₁ ⇒ x° = (−3/10, 0); c = r − Mx° = (0, 4/5).
    ///   q₂ = 2/3 + (4/5)Δ reaches 1 at Δ = 5/12: s = 3/4, q = (−1, 1).
    /// - Face {x₁ ≤ 0, x₂ ≥ 0}: the free minimiser M⁻¹r = (1/2, 2) violates x₁ ≤ 0; with x₁ = 0,
    ///   x₂ = r₂/M₂₂ = 1 and c₁ = −3 + 4 = 1 ≥ 0 is blocked by x₁ ≤ 0 (KKT holds): x° = (0, 1),
    ///   c = (1, 0). q₁ = −1 + Δ reaches +1 at Δ = 2: s = 11/4, q = (1, 1).
    /// - Face {x ≥ 0}: M⁻¹r = (1/2, 2) is feasible: x° = (1/2, 2), c = 0: stop.
    static func workedExampleLimit() throws -> ExactTrajectory {
        try ExactTrajectory(dimension: 2, saddleTimes: [1.0 / 3, 3.0 / 4, 11.0 / 4],
                            iterates: [[-0.3, 0], [0, 1], [0.5, 2]])
    }

    /// The lasso path (docs/math.md §1), by hand: for κ < 3, x₁ = (κ − 3)/10 until |c₂| = 0.8 + 0.4κ = κ
    /// at κ = 4/3 (x = (−1/6, 0)); then signs (−, +): x = M⁻¹(r − κ(−1, 1)) = ((1−κ)/2, (4−3κ)/2)
    /// until x₁ = 0 at κ = 1 (x = (0, 1/2)); then x₂ = (2−κ)/2 alone until c₁ = 1 − 2κ = κ at
    /// κ = 1/3 (x = (0, 5/6)); then signs (+, +): x = ((1−3κ)/2, (4−7κ)/2), reaching (1/2, 2).
    static func workedExamplePath() throws -> LassoPathInterpolant {
        try LassoPathInterpolant(kappas: [3, 4.0 / 3, 1, 1.0 / 3, 0],
                           solutions: [[0, 0], [-1.0 / 6, 0], [0, 0.5], [0, 5.0 / 6], [0.5, 2]])
    }

    // MARK: Orthogonal (diagonal) instance

    /// `M = diag(m)`, signed, β = 1, γ = 0, no decay. Coordinates decouple; the limit is
    /// soft-thresholding: x°_i = r_i/m_i from s = 1/|r_i| on, and the lasso path is
    /// x_i(κ) = sign(r_i)(|r_i| − κ)₊/m_i (monotone, so limit = path, docs/math.md §4).
    static let diagonalM = [2.0, 1.0, 0.5]
    static let diagonalR = [1.0, -0.5, 0.8]

    static func diagonal() throws -> DLNProblem {
        let d = diagonalM.count
        let M = (0..<d).map { i in (0..<d).map { j in i == j ? diagonalM[i] : 0 } }
        return try DLNProblem(M: M, r: diagonalR)
    }

    /// Saddles at 1/|r_i| = 1, 1.25, 2 (coordinates 1, 3, 2).
    static func diagonalLimit() throws -> ExactTrajectory {
        try ExactTrajectory(dimension: 3, saddleTimes: [1, 1.25, 2],
                            iterates: [[0.5, 0, 0], [0.5, 0, 1.6], [0.5, -0.5, 1.6]])
    }

    /// Knots at κ = |r_i| and 0.
    static func diagonalPath() throws -> LassoPathInterpolant {
        try LassoPathInterpolant(kappas: [1, 0.8, 0.5, 0],
                           solutions: [[0, 0, 0], [0.1, 0, 0], [0.25, 0, 0.6], [0.5, -0.5, 1.6]])
    }

    /// Closed form of `x̄_ε,i(s)` for the diagonal instance (signed, β = 1, γ = 0, λwd = 0).
    ///
    /// Per coordinate (drop i), `u ± v = √ε e^{∓G}` gives `x = −(ε/2) sinh(2G)` and, with
    /// `φ = −2G`, `φ' = 2r − mε sinh φ`, `φ(0) = 0`. In `w = e^φ` this is the Riccati equation
    /// `w' = −(mε/2)(w − w₊)(w − w₋)`, `w± = ρ ± √(ρ² + 1)`, `ρ = 2r/(mε)`, solved by
    /// `(w − w₊)/(w − w₋) = K e^{−(mε/2)(w₊ − w₋) t}`, `K = (1 − w₊)/(1 − w₋)`. Since
    /// `Z = (G + t r)/m` and `t = sL/2`, `x̄ = Z/t = (r − φ/(sL))/m`. Written with
    /// `w₊w₋ = −1` so that nothing overflows at ε = 1e-100: `w = (w₊ − A E)/(1 + B E)` with
    /// `A = (1 + w₋)/(1 − w₋)`, `B = (w₊ − 1)/(1 − w₋)`, `E = e^{−(mε/2)(w₊ − w₋) t}`.
    /// For r < 0 the coordinate is the mirror image of the r > 0 one.
    static func diagonalClosedForm(m: Double, r: Double, L: Double, s: Double) -> Double {
        if r == 0 || s == 0 { return 0 }
        let sign: Double = r < 0 ? -1 : 1
        let rr = abs(r)
        let eps = exp(-L)
        let rho = 2 * rr / (m * eps)
        let root = rho * (1 + 1 / (rho * rho)).squareRoot()   // √(ρ²+1) without overflow
        let wPlus = rho + root
        let wMinus = -1 / wPlus
        let rate = (m * eps / 2) * (wPlus - wMinus)            // = √((2r)² + (mε)²)
        let t = s * L / 2
        let logE = -rate * t
        let A = (1 + wMinus) / (1 - wMinus)
        let B = (wPlus - 1) / (1 - wMinus)
        let numerator = log(wPlus - A * exp(logE))
        let bE = log(B) + logE
        let denominator = bE > 35 ? bE : log1p(exp(bE))
        let phi = numerator - denominator
        return sign * (rr - phi / (s * L)) / m
    }

    /// The bound on `sup_s ‖x̄_ε(s) − x̄₀(s)‖∞` for the diagonal instance (derivation in
    /// `DiagonalTests`).
    static func diagonalBound(L: Double) -> Double {
        var b = exp(-L / 2) / 4
        for (m, r) in zip(diagonalM, diagonalR) where r != 0 {
            b = max(b, 2 * abs(r) * (log(2) + abs(log(4 * abs(r) / m))) / (L * m))
        }
        return b
    }
}

/// `max_i |a_i − b_i|`.
func supDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

extension Instances {
    /// The CLI's default horizon rule (RunCheck's `FlowReference.defaultSMax`) in Double:
    /// 1.5 × the later of the last saddle and the last lasso knot time.
    static func defaultSMax(_ exact: ExactTrajectory, _ lasso: LassoPathInterpolant, weightDecay: Double = 0) -> Double {
        let last = max(exact.saddleTimes.last ?? 0, lasso.knotTimes(weightDecay: weightDecay).max() ?? 0)
        return last > 0 ? 1.5 * last : 1
    }
}
