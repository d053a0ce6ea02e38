import ExactArithmetic

/// Rank and null space of a rational matrix by Gauss–Jordan elimination (the checker's own; it
/// decides `unique` at each saddle and r ∈ range(M)).
enum NullSpace {
    /// Reduced row echelon form: the rows and the pivot column of each row.
    static func reduced(_ A: [[Rational]], columns n: Int) -> (rows: [[Rational]], pivots: [Int]) {
        var R = A
        var pivots: [Int] = []
        var row = 0
        for col in 0..<n where row < R.count {
            guard let p = (row..<R.count).first(where: { !R[$0][col].isZero }) else { continue }
            R.swapAt(row, p)
            let inverse = R[row][col].reciprocal
            R[row] = R[row].map { $0 * inverse }
            for i in R.indices where i != row && !R[i][col].isZero {
                let f = R[i][col]
                for j in col..<n where !R[row][j].isZero { R[i][j] -= f * R[row][j] }
            }
            pivots.append(col)
            row += 1
        }
        return (Array(R.prefix(row)), pivots)
    }

    static func rank(_ A: [[Rational]], columns n: Int) -> Int { reduced(A, columns: n).pivots.count }

    /// A basis of {v : A v = 0} (each vector has a 1 at one free column).
    static func basis(_ A: [[Rational]], columns n: Int) -> [[Rational]] {
        let (R, pivots) = reduced(A, columns: n)
        let free = (0..<n).filter { !pivots.contains($0) }
        return free.map { f in
            var v = Exact.zeros(n)
            v[f] = .one
            for (i, p) in pivots.enumerated() { v[p] = -R[i][f] }
            return v
        }
    }
}
