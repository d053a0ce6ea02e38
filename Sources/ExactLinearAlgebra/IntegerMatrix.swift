import ExactArithmetic

/// A rational matrix as integers over one common denominator: A = N/δ, δ the lcm of its
/// entries' denominators. A product with a rational vector is then integer multiply-adds and one
/// reduction per entry, where summing `Rational` products takes two gcds per term: the face
/// solver's gradients on long entries (float64 designs) spent most of their time there.
public struct IntegerMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// N, row-major.
    private let numerators: [BigInteger]
    /// δ > 0.
    private let denominator: BigInteger

    public init(elements: [Rational], rows: Int, columns: Int) {
        precondition(elements.count == rows * columns, "dimension mismatch")
        self.rows = rows
        self.columns = columns
        denominator = elements.leastCommonDenominator
        numerators = elements.integers(over: denominator)
    }

    public init(_ a: Matrix) { self.init(elements: a.elements, rows: a.rows, columns: a.columns) }

    /// A·x, exactly, each entry in lowest terms.
    public func times(_ x: [Rational]) -> [Rational] {
        precondition(x.count == columns, "dimension mismatch")
        let common = x.leastCommonDenominator
        let v = x.integers(over: common)
        let support = v.indices.filter { !v[$0].isZero }
        let products = (0..<rows).map { i in
            var t = BigInteger(0)
            for j in support where !numerators[i * columns + j].isZero { t.addProduct(numerators[i * columns + j], v[j]) }
            return t
        }
        return Rational.reducing(products, over: denominator * common)
    }
}
