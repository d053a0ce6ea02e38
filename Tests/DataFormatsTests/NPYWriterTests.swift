import Foundation
import Testing
@testable import DataFormats
@testable import NumPyFormat

@Suite("NPY writing") struct NPYWriterTests {
    @Test func writesTheSameBytesAsNumPy() throws {
        let array = try NPYArray(float64: [0.1, -2.5, 3.0, 1e-300, -0.0, 2.5e10], shape: [2, 3])
        #expect(array.encodedBytes() == (try fixture("f8_c.npy")))
        let scalar = try NPYArray(float64: [0.1], shape: [])
        #expect(scalar.encodedBytes() == (try fixture("scalar_f8.npy")))
    }

    @Test func headerIsPaddedTo64AndVersion1() throws {
        let array = try NPYArray(int64: [1, -2, 3], shape: [3])
        let bytes = array.encodedBytes()
        #expect(bytes[6] == 1 && bytes[7] == 0)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(bytes[10 + headerLength - 1] == 0x0A)
        let header = String(decoding: bytes[10..<10 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }   "))
        #expect(bytes.count == 10 + headerLength + 24)
    }

    @Test func roundTripsAndNormalisesToLittleEndianCOrder() throws {
        let fortran = try NPYArray.read(contentsOf: try fixtureURL("i8_fortran_3d.npy"))
        let back = try NPYArray.parse(fortran.encoded())
        #expect(!back.fortranOrder && back.shape == [2, 3, 4] && back.elements == fortran.elements)
        let f4 = try NPYArray.read(contentsOf: try fixtureURL("f4_be.npy"))
        let widened = try NPYArray.parse(f4.encoded())
        #expect(widened.dtype == .float64(.little) && widened.elements == f4.elements)
        let i4 = try NPYArray.read(contentsOf: try fixtureURL("i4_be.npy"))
        #expect(try NPYArray.parse(i4.encoded()).dtype == .int64(.little))
        let special = try NPYArray(float64: [.nan, .infinity, -.infinity, .leastNonzeroMagnitude], shape: [2, 2])
        let decoded = try NPYArray.parse(special.encoded())
        #expect(decoded.elements.map { if case .float(let x) = $0 { x.bitPattern } else { 0 } }
            == [Double.nan, .infinity, -.infinity, .leastNonzeroMagnitude].map(\.bitPattern))
    }

    @Test func writesFiles() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataformats-\(UUID()).npy")
        defer { try? FileManager.default.removeItem(at: url) }
        let array = try NPYArray(int64: [5, 6], shape: [1, 2])
        try array.write(to: url)
        #expect(try NPYArray.read(contentsOf: url) == array)
    }

    @Test func constructorsCheckShapeAndKinds() {
        #expect(thrownError { () throws(DataFormatError) in try NPYArray(float64: [1, 2, 3], shape: [2, 2]) }?.description
            == "shape [2, 2] needs 4 elements, got 3")
        #expect(thrownError { () throws(DataFormatError) in
            try NPYArray(shape: [2], dtype: .int64(.little), elements: [.integer(1), .float(2)])
        }?.description == "element 1 is a float but dtype is <i8")
        #expect(thrownError { () throws(DataFormatError) in try NPYArray(int64: [], shape: [-1]) }?.description
            == "negative dimension -1 in shape [-1]")
    }
}
