import ExactArithmetic

extension Matrix {
    /// A·B; column by column through `IntegerMatrix` once an entry leaves the Int64 fast path.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "dimension mismatch")
        var c = Matrix(rows: a.rows, columns: b.columns)
        if !(a.elements.allSatisfy(\.isSmall) && b.elements.allSatisfy(\.isSmall)) {
            let integer = IntegerMatrix(a)
            for j in 0..<b.columns {
                let column = integer.times((0..<b.rows).map { b[$0, j] })
                for i in 0..<a.rows { c[i, j] = column[i] }
            }
            return c
        }
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik.isZero { continue }
                for j in 0..<b.columns { c[i, j].addProduct(aik, b[k, j]) }
            }
        }
        return c
    }

    /// A·x; through `IntegerMatrix` (one gcd per entry, not two per term) once an entry
    /// leaves `Rational`'s Int64 fast path.
    public static func * (a: Matrix, x: [Rational]) -> [Rational] {
        precondition(a.columns == x.count, "dimension mismatch")
        if !(a.elements.allSatisfy(\.isSmall) && x.allSatisfy(\.isSmall)) { return IntegerMatrix(a).times(x) }
        return (0..<a.rows).map { i in
            var s = Rational.zero
            for j in 0..<a.columns where !x[j].isZero { s.addProduct(a[i, j], x[j]) }
            return s
        }
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "dimension mismatch")
        var c = a
        for k in c.elements.indices { c.elements[k] += b.elements[k] }
        return c
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "dimension mismatch")
        var c = a
        for k in c.elements.indices { c.elements[k] -= b.elements[k] }
        return c
    }

    public static func * (s: Rational, a: Matrix) -> Matrix {
        var c = a
        for k in c.elements.indices { c.elements[k] *= s }
        return c
    }

    /// `xᵀ M x` for square M.
    public func quadraticForm(_ x: [Rational]) -> Rational { dot(x, self * x) }
}
