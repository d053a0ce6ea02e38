import ExactArithmetic

/// η(s) = (1 + λwd·s)(√z↓(s)/s + z↓(s)/s²), the rate in Berthier's Theorem 2.2/3.2 (MATH §4):
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
