import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

@Suite("CSV input")
struct CSVInputTests {
    @Test func headerWithResponseLast() throws {
        let p = try read(Fixtures.path("header.csv"))
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
        #expect(p.M == tinyMeanM)
        #expect(p.r == tinyMeanR)
        #expect(p == (try read(Fixtures.path("xy.json"))))
    }

    @Test func responseColumnByName() throws {
        let p = try read(Fixtures.path("header_response_first.csv"), response: "y")
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
        // Without --response the last column would be y: a different problem.
        let other = try read(Fixtures.path("header_response_first.csv"))
        #expect(other.data?.y == vector(["0", "2", "1"]))
        #expect(other.data?.X == matrix([["1", "1"], ["2", "0"], ["3", "1"]]))
    }

    /// Decimal text is the decimal fraction: "0.1" is 1/10. Comments, blank lines, spaces, quotes.
    @Test func decimalTextIsExact() throws {
        let p = try read(Fixtures.path("header_decimal.csv"))
        #expect(p.data?.X[0, 0] == Rational(1, 10))
        #expect(p.M == floatExampleM(Rational(1, 10)))
        #expect(p.r == floatExampleR(Rational(1, 10)))
    }

    @Test(arguments: ["y_column.csv", "y_row.csv", "y_header.csv", "y_f8.npy", "y_i8_be.npy", "y_column.npy"])
    func headerlessXWithSeparateY(_ yFile: String) throws {
        let p = try read(Fixtures.path("X_plain.csv"), y: Fixtures.path(yFile))
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
    }

    @Test func headerIsSkippedInXFileWithSeparateY() throws {
        // With --y every column is a feature (one named y is refused: RejectionTests).
        let p = try read(temporaryFile("X.csv", "x1,x2,x3\n1,0,1\n0,2,2\n1,1,3\n"), y: Fixtures.path("y_column.csv"))
        #expect(p.data?.X == matrix([["1", "0", "1"], ["0", "2", "2"], ["1", "1", "3"]]))
        #expect(p.data?.y == tinyY)
    }

    @Test func sumScaling() throws {
        let p = try read(Fixtures.path("header.csv"), scaling: .sum)
        #expect(p.M == matrix([["2", "1"], ["1", "5"]]))
        #expect(p.r == vector(["4", "7"]))
    }
}
