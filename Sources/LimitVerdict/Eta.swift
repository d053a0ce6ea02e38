import ExactArithmetic

/// η(s) = (1 + λwd·s)(√z↓(s)/s + z↓(s)/s²), the rate in Berthier's Theorem 2.2/3.2 (docs/math.md §4):
/// limsup Lasso(x̄_ε(s), s) ≤ Lasso*(s) + C·η(s) with an unknown constant C.
///
/// z↓ is exact; √z↓ is exact only when z↓ is the square of a rational (`squareRoot`), so η is
/// given as an exact expression in √z↓ plus a decimal approximation for display.
public struct Eta: Equatable, Sendable {
    public let s: Rational
    public let zDown: Rational
    /// √z↓ when rational.
    public let squareRoot: Rational?
    /// 1 + λwd·s.
    public let factor: Rational
    /// η exactly, when √z↓ is rational.
    public var exact: Rational? {
        squareRoot.map { factor * ($0 / s + zDown / (s * s)) }
    }

    /// η as an exact expression, e.g. "√(15/64)/2 + (15/64)/4" (exact rational when it is one).
    public var expression: String {
        if let exact { return exact.description }
        func wrap(_ q: Rational) -> String { q.isInteger ? q.description : "(\(q))" }
        let body = "√\(wrap(zDown))/\(wrap(s)) + \(wrap(zDown))/\(wrap(s * s))"
        return factor == .one ? body : "\(wrap(factor))·(\(body))"
    }

    /// Exact rationals lower ≤ η ≤ upper with upper − lower ≤ η/2^`bits` (equal when η is
    /// rational): √z↓ = √(pq)/q for z↓ = p/q is bracketed by ⌊√(pq·4^k)⌋ and one more over q·2^k,
    /// with k chosen so the integer root has more than `bits` bits.
    public func enclosure(bits: Int = 110) -> (lower: Rational, upper: Rational) {
        if let exact { return (exact, exact) }
        let a = factor / s, b = a * zDown / s
        let n = zDown.numerator * zDown.denominator
        let k = max(0, bits + 1 - n.bitWidth / 2)
        let root = n.shiftedLeft(2 * k).integerSquareRoot()
        let scale = zDown.denominator.shiftedLeft(k)
        return (a * Rational(root, scale) + b, a * Rational(root + BigInteger(1), scale) + b)
    }

    /// A decimal approximation for display only (through Double).
    public var approximate: Double {
        let root = squareRoot?.doubleValue ?? zDown.doubleValue.squareRoot()
        return factor.doubleValue * (root / s.doubleValue + (zDown / (s * s)).doubleValue)
    }

    init(s: Rational, zDown: Rational, weightDecay: Rational) {
        self.s = s
        self.zDown = zDown
        squareRoot = zDown.exactSquareRoot
        factor = .one + weightDecay * s
    }
}
