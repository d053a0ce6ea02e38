import ExactArithmetic

/// The few exact vector operations the checks need, written here so the checker shares no code
/// with ExactLinearAlgebra or the solvers (only ExactArithmetic: Rational, BigInteger and
/// common denominators).
enum Exact {
    static func zeros(_ n: Int) -> [Rational] { [Rational](repeating: .zero, count: n) }

    /// Σ a_i·b_i with a = A/L_a and b = B/L_b over their least common denominators: (A·B)/(L_a·L_b),
    /// integer multiply-adds and one reduction. Summing the products as fractions reduces every
    /// partial sum, gcds of long numbers at each term: at a Gaussian 200×100 the checker's
    /// products with M took minutes.
    static func dot(_ a: [Rational], _ b: [Rational]) -> Rational {
        let la = a.leastCommonDenominator, lb = b.leastCommonDenominator
        let A = a.integers(over: la), B = b.integers(over: lb)
        var sum = BigInteger(0)
        for i in A.indices where !A[i].isZero && !B[i].isZero { sum.addProduct(A[i], B[i]) }
        return Rational(sum, la * lb)
    }

    /// M·x the same way: M = A/L and x = X/D give (A·X)_i/(L·D).
    static func product(_ M: [[Rational]], _ x: [Rational]) -> [Rational] {
        let l = M.joined().leastCommonDenominator, dx = x.leastCommonDenominator
        let X = x.integers(over: dx), support = x.indices.filter { !X[$0].isZero }
        return M.map { row in
            let A = row.integers(over: l)
            var t = BigInteger(0)
            for j in support where !A[j].isZero { t.addProduct(A[j], X[j]) }
            return Rational(t, l * dx)
        }
    }

    /// The sign of a + t·b from integer products (denominators are positive), without forming
    /// the reduced sum.
    static func signum(_ a: Rational, plus t: Rational, times b: Rational) -> Int {
        var n = a.numerator * t.denominator * b.denominator
        n.addProduct(t.numerator * b.numerator, a.denominator)
        return n.signum
    }

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
