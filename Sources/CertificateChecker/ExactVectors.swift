import ExactArithmetic

/// The few exact vector operations the checks need, written here so the checker shares no code
/// with ExactLinearAlgebra or the solvers (only Rational from ExactArithmetic).
enum Exact {
    static func zeros(_ n: Int) -> [Rational] { [Rational](repeating: .zero, count: n) }

    static func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
        var sum = Rational.zero
        for i in a.indices where !a[i].isZero && !b[i].isZero { sum.addProduct(a[i], b[i]) }
        return sum
    }

    /// M·x.
    static func product(_ M: [[Rational]], _ x: [Rational]) -> [Rational] { M.map { dot($0, x) } }

    static func subtract(_ a: [Rational], _ b: [Rational]) -> [Rational] { zip(a, b).map { $0 - $1 } }
    static func scale(_ t: Rational, _ a: [Rational]) -> [Rational] { a.map { t * $0 } }
    static func midpoint(_ a: [Rational], _ b: [Rational]) -> [Rational] { zip(a, b).map { ($0 + $1) * Rational(1, 2) } }

    /// a + t·b.
    static func axpy(_ a: [Rational], _ t: Rational, _ b: [Rational]) -> [Rational] { zip(a, b).map { $0 + t * $1 } }

    static func isZero(_ a: [Rational]) -> Bool { a.allSatisfy(\.isZero) }

    /// The correlation c(x) = r − Mx (docs/math.md §0).
    static func correlation(_ p: ParsedCertificate.Problem, _ x: [Rational]) -> [Rational] {
        subtract(p.r, product(p.M, x))
    }

    /// The lasso objective ℓ(x) + κ‖x‖₁ with ℓ(x) = ½xᵀMx − rᵀx (docs/math.md §0–1).
    static func lassoObjective(_ p: ParsedCertificate.Problem, _ x: [Rational], penalty kappa: Rational) -> Rational {
        let l1 = x.reduce(Rational.zero) { $0 + $1.magnitude }
        return Rational(1, 2) * dot(x, product(p.M, x)) - dot(p.r, x) + kappa * l1
    }
}

/// Plain-words formatting of exact values for failure messages.
extension Rational {
    /// The exact value when it is short, else a 6-digit decimal and the exact length, so no
    /// report line is a wall of digits (e.g. z↓ on a long path).
    var short: String {
        let exact = description
        return exact.count <= 40 ? exact : "≈ \(decimalString()) (exactly a \(numerator.description.count)-digit/\(denominator.description.count)-digit fraction)"
    }
}

extension Optional where Wrapped == Rational {
    /// `short`, or "∞" for nil (an unbounded end).
    var shortOrInfinity: String { map(\.short) ?? "∞" }
}

func vectorText(_ v: [Rational]) -> String { "(" + v.map(\.description).joined(separator: ", ") + ")" }
