import ExactArithmetic
import ExactLinearAlgebra

/// A vector function of time s > 0 of the form `constant + inverse/s`, i.e. affine in u = 1/s.
///
/// Both sides of docs/math.md §4's comparison have this form on each piece: the averaged DLN limit
/// x̄(s) = x_k + (Z(s_k) − s_k x_k)/s, and the lasso solution x(κ) = b₀ + κ·b₁ at κ = λwd + 1/s,
/// which is (b₀ + λwd b₁) + b₁/s — its constant is the segment slope a of z(μ) = μ·x(κ(μ)).
public struct InverseAffine: Equatable, Sendable {
    public let constant: [Rational]
    public let inverse: [Rational]

    public init(constant: [Rational], inverse: [Rational]) {
        self.constant = constant
        self.inverse = inverse
    }

    public static func zero(_ d: Int) -> InverseAffine {
        let z = [Rational](repeating: .zero, count: d)
        return InverseAffine(constant: z, inverse: z)
    }

    /// The value at u = 1/s (u = 0 is the limit s → ∞).
    public func value(atInverse u: Rational) -> [Rational] { constant.adding(u * inverse) }

    /// The value at s > 0.
    public func value(at s: Rational) -> [Rational] { value(atInverse: s.reciprocal) }

    public static func - (a: InverseAffine, b: InverseAffine) -> InverseAffine {
        InverseAffine(constant: a.constant.subtracting(b.constant), inverse: a.inverse.subtracting(b.inverse))
    }

    public var isZero: Bool { constant.allSatisfy(\.isZero) && inverse.allSatisfy(\.isZero) }
}
