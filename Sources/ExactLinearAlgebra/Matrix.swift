import ExactArithmetic

/// A dense matrix of exact rationals, stored row-major, with value semantics.
public struct Matrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    public var elements: [Rational]

    public init(rows: Int, columns: Int, repeating value: Rational = .zero) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        elements = Array(repeating: value, count: rows * columns)
    }

    /// From nested rows; all rows must have the same length (validated input only).
    public init(_ rowArrays: [[Rational]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "ragged rows")
        self.rows = rowArrays.count
        self.columns = columns
        elements = rowArrays.flatMap { $0 }
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = .one }
        return m
    }

    public static func diagonal(_ d: [Rational]) -> Matrix {
        var m = Matrix(rows: d.count, columns: d.count)
        for (i, v) in d.enumerated() { m[i, i] = v }
        return m
    }

    @inlinable public subscript(i: Int, j: Int) -> Rational {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    public var isSquare: Bool { rows == columns }

    public func row(_ i: Int) -> [Rational] { Array(elements[i * columns ..< (i + 1) * columns]) }

    public func column(_ j: Int) -> [Rational] { (0..<rows).map { self[$0, j] } }

    public var rowArrays: [[Rational]] { (0..<rows).map(row) }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// The submatrix on the given row and column indices, in the order given.
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        var s = Matrix(rows: rowIndices.count, columns: columnIndices.count)
        for (a, i) in rowIndices.enumerated() {
            for (b, j) in columnIndices.enumerated() { s[a, b] = self[i, j] }
        }
        return s
    }

    /// The first (i, j), row by row, where `M[i, j] ≠ M[j, i]`; nil when symmetric.
    public var firstAsymmetry: (Int, Int)? {
        guard isSquare else { return (0, 0) }
        for i in 0..<rows { for j in (i + 1)..<max(i + 1, columns) where self[i, j] != self[j, i] { return (i, j) } }
        return nil
    }

    public var isSymmetric: Bool { isSquare && firstAsymmetry == nil }
}
