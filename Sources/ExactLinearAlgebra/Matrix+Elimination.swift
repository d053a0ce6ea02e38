import ExactArithmetic

extension Matrix {
    /// Exact rank, by fraction-free elimination.
    public var rank: Int { Echelon(self).rank }

    /// Exact determinant of a square matrix.
    public var determinant: Rational {
        precondition(isSquare, "determinant of a non-square matrix")
        if rows == 0 { return .one }
        let e = Echelon(self)
        guard e.rank == rows else { return .zero }
        // The last Bareiss pivot is the determinant of the row-scaled matrix.
        return Rational(e.swapSign) * Rational(e.rows[rows - 1][rows - 1]) / e.scale
    }

    /// A basis of {x : Mx = 0}, one vector per free column (with a 1 there).
    public var nullSpace: [[Rational]] {
        let e = Echelon(self)
        let pivots = Set(e.pivotColumns)
        return (0..<columns).filter { !pivots.contains($0) }.map { f in
            e.backSubstitute(columns: columns, free: [f: .one], rhsColumn: nil)
        }
    }

    /// Some solution of `M x = b` (free variables 0), or nil when the system is inconsistent.
    public func particularSolution(_ b: [Rational]) -> [Rational]? {
        precondition(b.count == rows, "dimension mismatch")
        let e = Echelon(augmented(b), pivotLimit: columns)
        for k in e.rank..<rows where !e.rows[k][columns].isZero { return nil }
        return e.backSubstitute(columns: columns, free: [:], rhsColumn: columns)
    }

    /// The unique solution of `M x = b` for nonsingular square M; nil when M is singular.
    public func solve(_ b: [Rational]) -> [Rational]? {
        precondition(isSquare, "solve needs a square matrix")
        guard let x = particularSolution(b), rank == rows else { return nil }
        return x
    }

    /// The solution of `M x = b` with least Euclidean norm (exact), or nil when inconsistent.
    /// Any solution minus its projection onto the null space: x = x₀ − N (NᵀN)⁻¹ Nᵀ x₀.
    public func leastNormSolution(_ b: [Rational]) -> [Rational]? {
        guard let x0 = particularSolution(b) else { return nil }
        let basis = nullSpace
        guard !basis.isEmpty else { return x0 }
        let n = Matrix(basis).transposed // columns span the null space
        let gram = n.transposed * n
        let coefficients = gram.solve(n.transposed * x0)! // N has full column rank
        return x0.subtracting(n * coefficients)
    }

    /// Whether b lies in the column space of M (for symmetric M: the range).
    public func rangeContains(_ b: [Rational]) -> Bool { particularSolution(b) != nil }

    func augmented(_ b: [Rational]) -> Matrix {
        var a = Matrix(rows: rows, columns: columns + 1)
        for i in 0..<rows {
            for j in 0..<columns { a[i, j] = self[i, j] }
            a[i, columns] = b[i]
        }
        return a
    }
}
