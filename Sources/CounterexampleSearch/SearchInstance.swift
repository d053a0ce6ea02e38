import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// One candidate: data (X, y), exact, and the lasso variant. Shrinking produces smaller ones.
public struct SearchInstance: Equatable, Hashable, Sendable {
    /// The draw it came from (kept through shrinking, to name files).
    public let index: Int
    public var X: [[Rational]]
    public var y: [Rational]
    public var variant: Variant

    public init(index: Int, X: [[Rational]], y: [Rational], variant: Variant) {
        self.index = index
        self.X = X
        self.y = y
        self.variant = variant
    }

    public var samples: Int { X.count }
    public var features: Int { X.first?.count ?? 0 }

    /// `M = XᵀX/n, r = Xᵀy/n` (scikit-learn's scaling, docs/math.md §0); nil when there is no data
    /// left (no row or no column), which cannot happen for a draw.
    public func problem() throws -> Problem? {
        guard samples > 0, features > 0 else { return nil }
        return try Problem(X: Matrix(X), y: y, scaling: .mean, variant: variant)
    }
}
