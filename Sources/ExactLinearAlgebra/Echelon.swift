import ExactArithmetic

/// Fraction-free (Bareiss) row echelon form of an integer matrix.
///
/// Rational input is first scaled row by row to integers (row scaling changes neither rank,
/// null space nor the solution set). Every Bareiss division is exact (Sylvester's identity),
/// so entries stay minors of the input and grow only polynomially.
struct Echelon {
    /// The echelon rows (integers), `rank` nonzero rows on top.
    var rows: [[BigInteger]]
    /// Pivot column of each of the first `rank` rows.
    var pivotColumns: [Int]
    /// +1 or -1: parity of the row swaps.
    var swapSign: Int
    /// Product of the row scale factors that turned the input into integers.
    var scale: Rational

    var rank: Int { pivotColumns.count }

    /// Eliminates on the first `pivotLimit` columns (the coefficient part of an augmented matrix).
    init(_ m: Matrix, pivotLimit: Int? = nil) {
        let limit = pivotLimit ?? m.columns
        var scale = Rational.one
        var a: [[BigInteger]] = (0..<m.rows).map { i in
            let row = m.row(i)
            let l = row.leastCommonDenominator
            scale *= Rational(l)
            return row.integers(over: l)
        }
        var pivots: [Int] = []
        var sign = 1
        var previous = BigInteger(1)
        var r = 0
        for c in 0..<limit where r < m.rows {
            guard let p = (r..<m.rows).first(where: { !a[$0][c].isZero }) else { continue }
            if p != r { a.swapAt(p, r); sign = -sign }
            let pivot = a[r][c]
            for i in (r + 1)..<m.rows {
                let factor = a[i][c]
                for j in (c + 1)..<m.columns {
                    var t = pivot * a[i][j]
                    t.subtractProduct(factor, a[r][j])
                    a[i][j] = t.dividedExactly(by: previous)
                }
                a[i][c] = BigInteger(0)
            }
            previous = pivot
            pivots.append(c)
            r += 1
        }
        rows = a
        pivotColumns = pivots
        swapSign = sign
        self.scale = scale
    }

    /// Solves the echelon system for the pivot variables given the free ones, reading the
    /// right-hand side from column `rhsColumn` (or zero when nil).
    func backSubstitute(columns n: Int, free: [Int: Rational], rhsColumn: Int?) -> [Rational] {
        var x = [Rational](repeating: .zero, count: n)
        for (j, v) in free { x[j] = v }
        for k in stride(from: rank - 1, through: 0, by: -1) {
            let c = pivotColumns[k]
            var s = rhsColumn.map { Rational(rows[k][$0]) } ?? .zero
            for j in (c + 1)..<n where !x[j].isZero { s.subtractProduct(Rational(rows[k][j]), x[j]) }
            x[c] = s / Rational(rows[k][c])
        }
        return x
    }
}
