import ExactArithmetic
import ExactLinearAlgebra

/// Which lasso / which network (docs/math.md §1–2).
public enum Variant: String, Sendable, Codable, CaseIterable {
    /// Signed lasso; the network `x = u∘v`.
    case signed
    /// Nonnegative lasso; the weight-tied network `x = u∘u`.
    case positive
}

/// How `M, r` were formed from data (docs/math.md §0).
public enum Scaling: String, Sendable, Codable {
    /// `M = XᵀX/n`, `r = Xᵀy/n`: scikit-learn's scaling, so λ equals its `alpha`.
    case mean
    /// `M = XᵀX`, `r = Xᵀy`.
    case sum
}

/// The network's initialisation direction (docs/math.md §2); only the floating-point runs use it, and the
/// exact limit depends on it only where a face minimiser is not unique.
public enum Initialisation: Equatable, Sendable {
    /// `u(0) = √ε β`, `v(0) = √ε γ` with `β_i ≠ ±γ_i`.
    case signed(beta: [Rational], gamma: [Rational])
    /// `u(0) = √ε α` with `α_i ≠ 0`.
    case positive(alpha: [Rational])

    public static func standard(_ variant: Variant, dimension d: Int) -> Initialisation {
        switch variant {
        case .signed: return .signed(beta: Array(repeating: .one, count: d), gamma: Array(repeating: .zero, count: d))
        case .positive: return .positive(alpha: Array(repeating: .one, count: d))
        }
    }
}

/// The data `(X, y)` a problem came from, kept to report objectives in data-fit form.
public struct DataSource: Equatable, Sendable {
    public let X: Matrix
    public let y: [Rational]
    public let scaling: Scaling

    public init(X: Matrix, y: [Rational], scaling: Scaling) {
        self.X = X
        self.y = y
        self.scaling = scaling
    }
}

/// A validated instance: the quadratic loss `ℓ(x) = ½xᵀMx − rᵀx` (docs/math.md §0) plus options.
///
/// Invariants (checked by `Problem.init`): M is symmetric positive semidefinite, r ∈ range(M),
/// dimensions agree, λwd ≥ 0, the initialisation is non-degenerate and matches the variant.
public struct Problem: Equatable, Sendable {
    public let M: Matrix
    public let r: [Rational]
    public let variant: Variant
    /// λwd ≥ 0 (docs/math.md §0): the lasso penalty paired with μ is κ = λwd + 1/μ.
    public let weightDecay: Rational
    public let initialisation: Initialisation
    public let data: DataSource?
    /// The definiteness of M, computed once at validation.
    public let definiteness: Definiteness

    public var dimension: Int { r.count }

    /// rank(M): no positive definite principal submatrix of M is larger.
    public var rank: Int {
        switch definiteness {
        case .positiveDefinite: dimension
        case .positiveSemidefinite(let r): r
        case .indefinite: M.rank // unreachable: validation rejects it
        }
    }

    /// M is positive definite: minimisers are unique and docs/math.md §4's equivalence is two-sided.
    public var isPositiveDefinite: Bool { definiteness == .positiveDefinite }

    /// `ℓ(x) = ½xᵀMx − rᵀx`.
    public func loss(_ x: [Rational]) -> Rational {
        Rational(1, 2) * M.quadraticForm(x) - dot(r, x)
    }

    /// The constant that turns `ℓ` into the data-fit form ‖Xx − y‖²/(2n) (or /2 for `.sum`);
    /// zero when the problem was given as (M, r).
    public var lossOffset: Rational {
        guard let data else { return .zero }
        let yy = dot(data.y, data.y)
        switch data.scaling {
        case .mean: return yy / Rational(2 * max(data.y.count, 1))
        case .sum: return yy / Rational(2)
        }
    }

    /// κ_max, where the lasso path starts: the smallest penalty with solution x = 0, ‖r‖∞ (signed)
    /// or max(maxᵢ rᵢ, 0) (nonnegative).
    public var kappaMax: Rational {
        variant == .positive ? r.reduce(.zero) { Rational.max($0, $1) } : maxNorm(r)
    }

    /// The correlation `c(x) = r − Mx` (docs/math.md §0).
    public func correlation(_ x: [Rational]) -> [Rational] { r.subtracting(M * x) }
}
