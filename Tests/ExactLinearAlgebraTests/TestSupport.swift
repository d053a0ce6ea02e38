import ExactArithmetic
import ExactLinearAlgebra
import Testing
import SeededRandom

extension SplitMix64 {
    /// A random integer matrix with entries in `range`.
    mutating func integerMatrix(_ rows: Int, _ columns: Int, _ range: ClosedRange<Int> = -9...9) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for i in 0..<rows { for j in 0..<columns { m[i, j] = Rational(nextInt(in: range)) } }
        return m
    }

    /// A random matrix of proper fractions p/q, q ∈ 1...7.
    mutating func rationalMatrix(_ rows: Int, _ columns: Int) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for i in 0..<rows { for j in 0..<columns { m[i, j] = Rational(nextInt(in: -9...9), nextInt(in: 1...7)) } }
        return m
    }

    /// An m×n integer matrix of rank at most k (a product of m×k and k×n factors), with small
    /// entries more often zero so that singular and degenerate pivots happen.
    mutating func lowRankMatrix(_ m: Int, _ n: Int, rank k: Int) -> Matrix {
        integerMatrix(m, k, -3...3) * integerMatrix(k, n, -3...3)
    }

    mutating func integerVector(_ n: Int, _ range: ClosedRange<Int> = -9...9) -> [Rational] {
        (0..<n).map { _ in Rational(nextInt(in: range)) }
    }
}

/// Integer matrices from Int rows.
func M(_ rows: [[Int]]) -> Matrix { Matrix(rows.map { $0.map { Rational($0) } }) }

func v(_ entries: [Int]) -> [Rational] { entries.map { Rational($0) } }

/// Determinant by cofactor expansion along the first row: independent of the elimination code.
func cofactorDeterminant(_ m: Matrix) -> Rational {
    precondition(m.rows == m.columns)
    let n = m.rows
    if n == 0 { return .one }
    if n == 1 { return m[0, 0] }
    var total = Rational.zero
    for j in 0..<n where !m[0, j].isZero {
        let minor = m.submatrix(rows: Array(1..<n), columns: (0..<n).filter { $0 != j })
        let term = m[0, j] * cofactorDeterminant(minor)
        total = j % 2 == 0 ? total + term : total - term
    }
    return total
}

/// Rank as the size of the largest nonzero minor (brute force, small matrices only).
func minorRank(_ m: Matrix) -> Int {
    func subsets(_ n: Int, _ k: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        if n < k { return [] }
        return subsets(n - 1, k) + subsets(n - 1, k - 1).map { $0 + [n - 1] }
    }
    for k in stride(from: min(m.rows, m.columns), through: 1, by: -1) {
        for rs in subsets(m.rows, k) {
            for cs in subsets(m.columns, k) where !cofactorDeterminant(m.submatrix(rows: rs, columns: cs)).isZero {
                return k
            }
        }
    }
    return 0
}

/// `Σ_ij v_i M_ij v_j`, written out here rather than via `quadraticForm`.
func quadratic(_ m: Matrix, _ x: [Rational]) -> Rational {
    var s = Rational.zero
    for i in 0..<m.rows { for j in 0..<m.columns { s += x[i] * m[i, j] * x[j] } }
    return s
}

/// `M x`, written out here.
func apply(_ m: Matrix, _ x: [Rational]) -> [Rational] {
    (0..<m.rows).map { i in (0..<m.columns).reduce(Rational.zero) { $0 + m[i, $1] * x[$1] } }
}

func isZeroVector(_ x: [Rational]) -> Bool { x.allSatisfy(\.isZero) }

/// `[M | b]`. (Not `row + [b_i]`: ExactLinearAlgebra's `+` on `[Rational]` is the vector sum.)
func augment(_ m: Matrix, _ b: [Rational]) -> Matrix {
    Matrix((0..<m.rows).map { i in
        var row = m.row(i)
        row.append(b[i])
        return row
    })
}
