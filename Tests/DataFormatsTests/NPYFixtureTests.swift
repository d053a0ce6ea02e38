import Foundation
import Testing
@testable import DataFormats
@testable import NumPyFormat

/// Files written by NumPy 2.4 itself (Fixtures/make_fixtures.py).
@Suite("NPY files written by NumPy") struct NPYFixtureTests {
    func load(_ name: String) throws -> NPYArray {
        try NPYArray.read(contentsOf: try fixtureURL(name))
    }

    @Test func cOrderFloat64() throws {
        let array = try load("f8_c.npy")
        #expect(array.shape == [2, 3])
        #expect(array.dtype == .float64(.little))
        #expect(array.elements == [0.1, -2.5, 3.0, 1e-300, -0.0, 2.5e10].map(NPYScalar.float))
    }

    @Test func fortranOrderFiles() throws {
        let f8 = try load("f8_fortran.npy")
        #expect(f8.fortranOrder && f8.shape == [2, 3])
        #expect(f8.elements == (0..<6).map { .float(Double($0)) })
        let i8 = try load("i8_fortran_3d.npy")
        #expect(i8.fortranOrder && i8.shape == [2, 3, 4])
        #expect(i8.elements == (0..<24).map { .integer(Int64($0)) })
        #expect(i8[1, 2, 3] == .integer(23))
    }

    @Test func bigEndianFiles() throws {
        let f4 = try load("f4_be.npy")
        #expect(f4.dtype == .float32(.big))
        #expect(f4.elements == [Float(0.1), 1.5, -3.25].map { .float(Double($0)) })
        let i4 = try load("i4_be.npy")
        #expect(i4.dtype == .int32(.big))
        #expect(i4.elements == [-2147483648, -1, 0, 2147483647].map { .integer($0) })
    }

    @Test func scalarAndLaterVersions() throws {
        let scalar = try load("scalar_f8.npy")
        #expect(scalar.shape == [] && scalar.elements == [.float(0.1)])
        let v2 = try fixture("v2_i8.npy")
        #expect(v2[6] == 2)
        #expect(try NPYArray.parse(bytes: v2).elements == [.integer(1), .integer(-2), .integer(3)])
        let v3 = try fixture("v3_f8.npy")
        #expect(v3[6] == 3)
        let array = try NPYArray.parse(bytes: v3)
        #expect(array.shape == [2, 1] && array.elements == [.float(1.5), .float(-0.5)])
    }

    @Test func errorsNameTheFile() throws {
        let url = try fixtureURL("savez.npz")
        let error = thrownError { () throws(DataFormatError) in try NPYArray.read(contentsOf: url) }
        #expect(error?.file == url.path)
        #expect(error?.description.hasPrefix("\(url.path), byte offset 0: not an NPY file") == true)
    }
}
