import ExactArithmetic

/// Exact `A = L D Lᵀ` of a symmetric positive semidefinite matrix, pivoting on the diagonal in
/// index order and skipping zero pivots.
///
/// Why skipping is exact: in a PSD matrix (and in each of its Schur complements, which are PSD
/// too) a zero diagonal entry has a zero row. So a zero pivot leaves its column of L at zero and
/// the index becomes a *null index*; `rank` is the number of nonzero pivots. A negative pivot, or
/// a zero pivot with a nonzero entry below it, proves A is not PSD and `init` returns nil.
///
/// Two forms, the same answers: a matrix whose entries are all in `Rational`'s Int64 fast path
/// is eliminated in `Rational` (`RationalLDL`, cheapest while values stay short); any longer
/// entry sends it to the fraction-free form (`BareissLDL`), whose integer minors need no gcd
/// per step.
///
/// Cost: n³/6 multiplications. Used for small dense systems (the face solver, docs/math.md §5).
public struct SemidefiniteFactorisation: Sendable {
    public let order: Int
    private let form: Form

    private enum Form: Sendable {
        case rational(RationalLDL)
        case fractionFree(BareissLDL)
    }

    /// Factorises a symmetric matrix given row-major with `order` rows. Returns nil when it is
    /// not positive semidefinite (only the lower triangle is read).
    public init?(symmetric elements: [Rational], order n: Int) {
        precondition(elements.count == n * n, "dimension mismatch")
        order = n
        if elements.allSatisfy(\.isSmall) {
            guard let ldl = RationalLDL(symmetric: elements, order: n) else { return nil }
            form = .rational(ldl)
        } else {
            guard let ldl = BareissLDL(symmetric: elements, order: n) else { return nil }
            form = .fractionFree(ldl)
        }
    }

    /// Convenience for a square `Matrix`.
    public init?(_ a: Matrix) {
        precondition(a.isSquare, "factorisation of a non-square matrix")
        self.init(symmetric: a.elements, order: a.rows)
    }

    /// Whether each index has a nonzero pivot (false at the null indices).
    private var isPivot: [Bool] {
        switch form {
        case .rational(let ldl): ldl.isPivot
        case .fractionFree(let ldl): ldl.isPivot
        }
    }

    public var rank: Int { isPivot.filter { $0 }.count }

    /// The outcome of solving `A z = b`.
    public enum Solution: Sendable, Equatable {
        /// A solution (the one with zero components along null indices in L-coordinates:
        /// z = L⁻ᵀ D⁺ L⁻¹ b; the unique one when A is nonsingular).
        case solution([Rational])
        /// b ∉ range(A): `nullVector` has `A·h = 0` and `bᵀh = value ≠ 0` (Fredholm's
        /// alternative made explicit).
        case inconsistent(nullVector: [Rational], value: Rational)
    }

    /// Solves `A z = b` exactly, or proves it inconsistent with a null vector.
    public func solve(_ b: [Rational]) -> Solution {
        precondition(b.count == order, "dimension mismatch")
        switch form {
        case .rational(let ldl): return ldl.solve(b)
        case .fractionFree(let ldl): return ldl.solve(b)
        }
    }

    /// A basis of the null space of A: `L⁻ᵀ e_k` for each null index k, in index order.
    public var nullSpace: [[Rational]] {
        let pivot = isPivot
        return (0..<order).filter { !pivot[$0] }.map { k in
            switch form {
            case .rational(let ldl): ldl.nullVector(at: k)
            case .fractionFree(let ldl): ldl.nullVector(at: k)
            }
        }
    }
}

/// `SemidefiniteFactorisation` in `Rational`: unit lower-triangular L and the pivots D.
struct RationalLDL: Sendable {
    let order: Int
    /// L, row-major; the strictly lower part is meaningful.
    private let lower: [Rational]
    /// D, zero exactly at the null indices.
    private let pivots: [Rational]
    var isPivot: [Bool] { pivots.map { !$0.isZero } }

    /// Column by column (left-looking); nil when not PSD.
    init?(symmetric elements: [Rational], order n: Int) {
        var l = [Rational](repeating: .zero, count: n * n)
        var d = [Rational](repeating: .zero, count: n)
        for j in 0..<n {
            var djj = elements[j * n + j]
            for k in 0..<j where !d[k].isZero && !l[j * n + k].isZero {
                djj.subtractProduct(l[j * n + k] * l[j * n + k], d[k])
            }
            if djj.signum < 0 { return nil }
            d[j] = djj
            for i in (j + 1)..<max(j + 1, n) {
                var a = elements[i * n + j]
                for k in 0..<j where !d[k].isZero && !l[j * n + k].isZero && !l[i * n + k].isZero {
                    a.subtractProduct(l[i * n + k] * l[j * n + k], d[k])
                }
                if djj.isZero {
                    if !a.isZero { return nil } // zero pivot with a nonzero row: not PSD
                } else {
                    l[i * n + j] = a / djj
                }
            }
        }
        order = n
        lower = l
        pivots = d
    }

    func solve(_ b: [Rational]) -> SemidefiniteFactorisation.Solution {
        let n = order
        var y = b
        for i in 0..<n {                       // y = L⁻¹ b
            var s = y[i]
            for k in 0..<i where !lower[i * n + k].isZero && !y[k].isZero { s.subtractProduct(lower[i * n + k], y[k]) }
            y[i] = s
        }
        // At a null index k the row of D Lᵀ z is zero, so consistency needs y_k = 0; otherwise
        // h = L⁻ᵀ e_k is a null vector with bᵀh = (L⁻¹b)_k = y_k.
        if let k = (0..<n).first(where: { pivots[$0].isZero && !y[$0].isZero }) {
            return .inconsistent(nullVector: nullVector(at: k), value: y[k])
        }
        for i in 0..<n { y[i] = pivots[i].isZero ? .zero : y[i] / pivots[i] }
        return .solution(backSubstitute(y))
    }

    /// `L⁻ᵀ e_k`; for a null index k it spans, with the others, the null space of A.
    func nullVector(at k: Int) -> [Rational] {
        var e = [Rational](repeating: .zero, count: order)
        e[k] = .one
        return backSubstitute(e)
    }

    /// z = L⁻ᵀ y.
    private func backSubstitute(_ y: [Rational]) -> [Rational] {
        let n = order
        var z = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<max(i + 1, n) where !lower[k * n + i].isZero && !z[k].isZero { s.subtractProduct(lower[k * n + i], z[k]) }
            z[i] = s
        }
        return z
    }
}
