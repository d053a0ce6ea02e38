import Foundation
import StiffODE

/// Which diagonal network is trained (docs/math.md §2).
public enum DLNVariant: String, Sendable, Codable, CaseIterable {
    /// `x = u∘v`, `u(0) = √ε β`, `v(0) = √ε γ`, rescaled time `s = 2t / log(1/ε)`.
    case signed
    /// `x = u∘u` (so `x ≥ 0`), `u(0) = √ε α`, rescaled time `s = 4t / log(1/ε)`.
    case positive
}

/// A diagonal-linear-network training problem in Double (docs/math.md §0, §2).
///
/// Loss `ℓ(x) = ½ xᵀMx − rᵀx` with M symmetric positive semidefinite, plus weight decay
/// `λwd ≥ 0` on the network weights: `(λwd/2)(‖u‖² + ‖v‖²)` for `u∘v`, `λwd‖u‖²` for `u∘u`.
/// Both choices give the lasso penalty `κ = λwd + 1/s` in the limit.
public struct DLNProblem: Sendable {
    public let dimension: Int
    /// Row-major copy of M (hot loops index it directly).
    let matrix: [Double]
    public let r: [Double]
    public let variant: DLNVariant
    /// Signed initialisation shape (β, γ); unused for `.positive`.
    public let beta: [Double]
    public let gamma: [Double]
    /// Positive initialisation shape α; unused for `.signed`.
    public let alpha: [Double]
    public let weightDecay: Double

    /// M as rows.
    public var M: [[Double]] {
        (0..<dimension).map { i in Array(matrix[(i * dimension)..<((i + 1) * dimension)]) }
    }

    /// - Parameters:
    ///   - M: d×d symmetric PSD matrix (symmetry is checked up to rounding; PSD is the caller's
    ///     contract, as the exact modules certify it).
    ///   - r: length-d vector.
    ///   - beta, gamma: signed shapes, default `β = 𝟙`, `γ = 0`; docs/math.md §2 requires `β_i ≠ ±γ_i`.
    ///   - alpha: positive shape, default `α = 𝟙`; all `α_i ≠ 0`.
    ///   - weightDecay: `λwd ≥ 0`.
    public init(M: [[Double]], r: [Double], variant: DLNVariant = .signed,
                beta: [Double]? = nil, gamma: [Double]? = nil, alpha: [Double]? = nil,
                weightDecay: Double = 0) throws {
        let d = r.count
        guard d > 0 else { throw FlowError.invalidInput("empty problem") }
        guard M.count == d, M.allSatisfy({ $0.count == d }) else {
            throw FlowError.invalidInput("M must be \(d)×\(d) to match r")
        }
        var flat = [Double](); flat.reserveCapacity(d * d)
        for row in M { flat.append(contentsOf: row) }
        guard flat.allSatisfy(\.isFinite), r.allSatisfy(\.isFinite) else {
            throw FlowError.invalidInput("M and r must be finite")
        }
        let scale = flat.reduce(0) { max($0, abs($1)) }
        for i in 0..<d {
            guard flat[i * d + i] >= 0 else { throw FlowError.invalidInput("M has a negative diagonal entry: not PSD") }
            for j in 0..<i where abs(flat[i * d + j] - flat[j * d + i]) > 1e-12 * max(scale, 1) {
                throw FlowError.invalidInput("M is not symmetric at (\(i), \(j))")
            }
        }
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw FlowError.invalidInput("weight decay must be ≥ 0")
        }
        let b = beta ?? [Double](repeating: 1, count: d)
        let g = gamma ?? [Double](repeating: 0, count: d)
        let a = alpha ?? [Double](repeating: 1, count: d)
        guard b.count == d, g.count == d, a.count == d else {
            throw FlowError.invalidInput("initialisation shapes must have length \(d)")
        }
        switch variant {
        case .signed:
            for i in 0..<d where !(b[i].isFinite && g[i].isFinite) || b[i] == g[i] || b[i] == -g[i] {
                throw FlowError.invalidInput("signed initialisation needs beta_i ≠ ±gamma_i (coordinate \(i))")
            }
        case .positive:
            for i in 0..<d where !(a[i].isFinite) || a[i] == 0 {
                throw FlowError.invalidInput("positive initialisation needs alpha_i ≠ 0 (coordinate \(i))")
            }
        }
        self.dimension = d
        self.matrix = flat
        self.r = r
        self.variant = variant
        self.beta = b
        self.gamma = g
        self.alpha = a
        self.weightDecay = weightDecay
    }

    /// `dt/ds · 1/L`: `t = s·L/2` (signed) or `t = s·L/4` (positive).
    var timePerRescaledTime: Double { variant == .signed ? 0.5 : 0.25 }

    /// `M·x`.
    func multiply(_ x: [Double]) -> [Double] {
        let d = dimension
        var y = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var acc = 0.0
            for j in 0..<d { acc += matrix[i * d + j] * x[j] }
            y[i] = acc
        }
        return y
    }

    /// Spectral norm ‖M‖₂ by power iteration (M is PSD, so this is λmax); used only for the
    /// gradient-descent curvature bound, where 1% accuracy is plenty.
    func spectralNorm() -> Double {
        let d = dimension
        var v = (0..<d).map { 1.0 + 0.01 * Double($0 % 7) }
        var lambda = 0.0
        for _ in 0..<200 {
            let w = multiply(v)
            let n = sqrt(w.reduce(0) { $0 + $1 * $1 })
            if n == 0 { return 0 }
            let next = n / sqrt(v.reduce(0) { $0 + $1 * $1 })
            v = w.map { $0 / n }
            if abs(next - lambda) <= 1e-10 * next { return next }
            lambda = next
        }
        return lambda
    }
}
