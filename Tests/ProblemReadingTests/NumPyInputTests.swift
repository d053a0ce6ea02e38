import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

/// Files written by numpy itself (Fixtures/make_fixtures.py). Every float is the exact dyadic
/// rational it holds.
@Suite("NumPy input")
struct NumPyInputTests {
    @Test(arguments: ["X_f8_le.npy", "X_f8_be.npy", "X_f8_fortran.npy"])
    func float64X(_ name: String) throws {
        let p = try read(Fixtures.path(name), y: Fixtures.path("y_f8.npy"))
        let X = try #require(p.data?.X)
        #expect(X[0, 0] == point1Double)
        #expect(X[0, 0].description == "3602879701896397/36028797018963968")
        #expect(X == Matrix([[point1Double, 0], [0, 2], [1, 1]]))  // also checks Fortran order
        #expect(p.data?.y == tinyY)
        #expect(p.M == floatExampleM(point1Double))
        #expect(p.r == floatExampleR(point1Double))
    }

    @Test(arguments: ["X_f4_le.npy", "X_f4_be.npy"])
    func float32X(_ name: String) throws {
        let p = try read(Fixtures.path(name), y: Fixtures.path("y_f8.npy"))
        #expect(p.data?.X == Matrix([[point1Float, 0], [0, 2], [1, 1]]))
        #expect(p.M == floatExampleM(point1Float))
    }

    @Test(arguments: ["X_i8_le.npy", "X_i8_be.npy", "X_i4_fortran.npy"])
    func integerX(_ name: String) throws {
        let p = try read(Fixtures.path(name), y: Fixtures.path("y_i8_be.npy"))
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
        #expect(p == (try read(Fixtures.path("xy.json"))))
    }

    @Test func npyXWithCSVY() throws {
        let p = try read(Fixtures.path("X_i8_le.npy"), y: Fixtures.path("y_column.csv"))
        #expect(p.data == DataSource(X: tinyX, y: tinyY, scaling: .mean))
    }

    @Test(arguments: ["xy.npz", "xy_compressed.npz", "xy_column.npz"])
    func npzWithXAndY(_ name: String) throws {
        let p = try read(Fixtures.path(name))
        #expect(p.data == DataSource(X: Matrix([[point1Double, 0], [0, 2], [1, 1]]), y: tinyY, scaling: .mean))
        #expect(p.M == floatExampleM(point1Double))
    }

    @Test func npzWithMAndR() throws {
        let p = try read(Fixtures.path("mr.npz"))
        #expect(p.M == matrix([["2", "1"], ["1", "2"]]))
        #expect(p.r == vector(["1/2", "-1/4"]))
        #expect(p.data == nil)
        let c = try read(Fixtures.path("mr_compressed.npz"))   // int32 M, float64 r
        #expect(c.M == matrix([["2", "1"], ["1", "2"]]))
        #expect(c.r == [point1Double, 0])
    }
}
