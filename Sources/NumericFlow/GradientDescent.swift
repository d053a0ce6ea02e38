import Foundation
import StiffODE

/// Outcome of plain gradient descent on the network weights.
public struct GradientDescentResult: Sendable, Codable {
    public let epsilon: String
    public let stepSize: Double
    /// Iterations performed.
    public let iterations: Int
    /// Rescaled time reached, `s = 2kη/L` (signed) or `4kη/L` (positive).
    public let sReached: Double
    /// `x̄` and `x` at the requested times (the iteration closest to each).
    public let samples: [FlowSample]
    /// Largest `η·Λ_k` seen, with `Λ_k` the curvature bound below.
    public let maxStepTimesCurvature: Double
    /// First s where `η·Λ_k > 2` (the descent-lemma threshold), if any.
    public let firstCurvatureViolationS: Double?
    /// First s where the training objective went up, if any.
    public let firstLossIncreaseS: Double?
    /// Whether the weights blew up (non-finite or above 1e150); then the run stops there.
    public let diverged: Bool
    /// True when none of the three failure signals fired.
    public let tracksFlow: Bool
    /// Plain-words reading of the above.
    public let diagnosis: String
}

/// Gradient descent on `(u, v)` (resp. `u`) with a fixed step η: what practitioners run.
///
/// ## When η is too large (the criterion)
/// The training objective `F(w) = ℓ(x(w)) + decay` has Hessian, for `x = u∘v`,
/// `∇²F = JᵀMJ + [[0, D_g], [D_g, 0]] + λwd I` with `J = [D_v, D_u]`, so by the triangle
/// inequality `λmax(∇²F) ≤ Λ = ‖M‖₂ · maxᵢ(uᵢ² + vᵢ²) + ‖g‖∞ + λwd`; for `x = u∘u`,
/// `∇²F = 4 D_u M D_u + 2 D_{g+λwd}` gives `Λ = 4‖M‖₂ ‖u‖²∞ + 2‖g + λwd‖∞`.
/// The descent lemma guarantees a decrease of F when `η·Λ < 2` on the step's segment; we
/// evaluate Λ at each iterate (local curvature), flag `η·Λ > 2`, and independently watch for an
/// actual increase of F (beyond 1e-12 relative rounding) and for divergence. GD tracks the flow
/// when η·Λ ≪ 1; the diagnosis says "faithful" below 0.1.
public enum GradientDescent {
    public static func run(_ problem: DLNProblem, epsilon: FlowEpsilon, stepSize eta: Double,
                           sMax: Double, sampleAt times: [Double] = [],
                           progress: ((Double) -> Void)? = nil) throws -> GradientDescentResult {
        guard eta > 0, eta.isFinite else { throw FlowError.invalidInput("step size must be positive") }
        let sqrtEps = exp(-epsilon.logInverse / 2)
        guard sqrtEps > 1e-150 else {
            throw FlowError.invalidInput("epsilon \(epsilon.label) is too small for gradient descent on the weights")
        }
        let d = problem.dimension
        let signed = problem.variant == .signed
        let lambda = problem.weightDecay
        let L = epsilon.logInverse
        // t = k·η and s = t / (L · timePerRescaledTime).
        let sPerIteration = eta / (L * problem.timePerRescaledTime)
        let totalIterations = Int((sMax / sPerIteration).rounded(.up))
        guard totalIterations <= 500_000_000 else {
            throw FlowError.invalidInput("η = \(eta) needs \(totalIterations) iterations to reach s = \(sMax)")
        }
        let normM = problem.spectralNorm()
        let m = problem.matrix

        var u = signed ? problem.beta.map { sqrtEps * $0 } : problem.alpha.map { sqrtEps * $0 }
        var v = signed ? problem.gamma.map { sqrtEps * $0 } : []
        var x = [Double](repeating: 0, count: d)
        var mx = [Double](repeating: 0, count: d)
        var sumX = [Double](repeating: 0, count: d)   // η Σ_{j<k} x_j = ∫ of the piecewise-constant x
        let sortedTimes = times.sorted()
        var nextSample = 0
        var samples: [FlowSample] = []
        var previousObjective = Double.infinity
        var maxEtaLambda = 0.0
        var firstCurvature: Double? = nil
        var firstIncrease: Double? = nil
        var diverged = false
        var k = 0
        var lastReported = 0.0

        while true {
            for i in 0..<d { x[i] = signed ? u[i] * v[i] : u[i] * u[i] }
            for i in 0..<d {
                var acc = 0.0
                for j in 0..<d { acc += m[i * d + j] * x[j] }
                mx[i] = acc
            }
            let s = Double(k) * sPerIteration
            // Samples at the iterate closest to each requested time.
            while nextSample < sortedTimes.count, sortedTimes[nextSample] <= s + 0.5 * sPerIteration {
                let t = Double(k) * eta
                let avg = k == 0 ? x : sumX.map { $0 / t }
                samples.append(FlowSample(s: s, averaged: avg, iterate: x))
                nextSample += 1
            }
            // Objective including decay.
            var objective = 0.0
            for i in 0..<d { objective += 0.5 * x[i] * mx[i] - problem.r[i] * x[i] }
            var maxUV = 0.0, maxG = 0.0
            for i in 0..<d {
                let g = mx[i] - problem.r[i]
                if signed {
                    objective += 0.5 * lambda * (u[i] * u[i] + v[i] * v[i])
                    maxUV = max(maxUV, u[i] * u[i] + v[i] * v[i])
                    maxG = max(maxG, abs(g))
                } else {
                    objective += lambda * u[i] * u[i]
                    maxUV = max(maxUV, u[i] * u[i])
                    maxG = max(maxG, abs(g + lambda))
                }
            }
            if !objective.isFinite || maxUV > 1e300 {
                diverged = true
                break
            }
            if objective > previousObjective + 1e-12 * max(abs(previousObjective), abs(objective), 1e-300),
               firstIncrease == nil {
                firstIncrease = s
            }
            previousObjective = objective
            let curvature = signed ? normM * maxUV + maxG + lambda : 4 * normM * maxUV + 2 * maxG
            let etaLambda = eta * curvature
            maxEtaLambda = max(maxEtaLambda, etaLambda)
            if etaLambda > 2, firstCurvature == nil { firstCurvature = s }
            if k >= totalIterations { break }

            for i in 0..<d { sumX[i] += eta * x[i] }
            for i in 0..<d {
                let g = mx[i] - problem.r[i]
                if signed {
                    let ui = u[i], vi = v[i]
                    u[i] = ui - eta * (vi * g + lambda * ui)
                    v[i] = vi - eta * (ui * g + lambda * vi)
                } else {
                    u[i] -= eta * 2 * u[i] * (g + lambda)
                }
            }
            k += 1
            if let progress, Double(k) / Double(totalIterations) - lastReported >= 0.001 {
                lastReported = Double(k) / Double(totalIterations)
                progress(lastReported)
            }
        }
        let sReached = Double(k) * sPerIteration
        let tracks = !diverged && firstIncrease == nil && firstCurvature == nil
        let diagnosis: String
        if diverged {
            diagnosis = "diverged at s ≈ \(g4(sReached)): η = \(g4(eta)) is far too large"
        } else if firstCurvature != nil || firstIncrease != nil {
            var parts: [String] = []
            if let c = firstCurvature { parts.append("η·Λ > 2 from s ≈ \(g4(c)) (max \(g4(maxEtaLambda)))") }
            if let i = firstIncrease { parts.append("objective increased at s ≈ \(g4(i))") }
            diagnosis = parts.joined(separator: ", ") + ": η = \(g4(eta)) is too large to track the gradient flow"
        } else if maxEtaLambda <= 0.1 {
            diagnosis = "η·Λ ≤ \(g4(maxEtaLambda)) throughout: gradient descent is a faithful discretisation of the flow"
        } else {
            diagnosis = "stable (η·Λ ≤ \(g4(maxEtaLambda)) < 2, objective non-increasing) but coarse: expect O(η·Λ) deviations from the flow"
        }
        return GradientDescentResult(
            epsilon: epsilon.label, stepSize: eta, iterations: k, sReached: sReached, samples: samples,
            maxStepTimesCurvature: maxEtaLambda, firstCurvatureViolationS: firstCurvature,
            firstLossIncreaseS: firstIncrease, diverged: diverged, tracksFlow: tracks, diagnosis: diagnosis)
    }
}
