import Foundation
import Testing
@testable import DataFormats
@testable import NumPyFormat

/// NPY files built byte by byte, so every dtype, order and failure is pinned down.
@Suite("NPY reading (hand-built bytes)") struct NPYReaderTests {
    func npyError(_ bytes: [UInt8]) -> DataFormatError? {
        thrownError { () throws(DataFormatError) in try NPYArray.parse(bytes: bytes) }
    }

    @Test func float64BothEndiannesses() throws {
        let values = [0.1, -2.5, 1e-300, -0.0, .infinity, 2.5e10]
        for big in [false, true] {
            let file = npyBytes(header: npyHeader(big ? ">f8" : "<f8", shape: "(2, 3)"),
                                payload: doubleBytes(values, bigEndian: big))
            let array = try NPYArray.parse(bytes: file)
            #expect(array.shape == [2, 3])
            #expect(array.dtype == .float64(big ? .big : .little))
            #expect(array.elements == values.map(NPYScalar.float))
            #expect(array[1, 0] == .float(-0.0))
            if case .float(let negativeZero)? = array[1, 0] { #expect(negativeZero.sign == .minus) }
        }
    }

    @Test func float32IsWidenedExactly() throws {
        let values: [Float] = [0.1, -3.25, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        for big in [false, true] {
            let payload = values.flatMap { bytes($0.bitPattern, bigEndian: big) }
            let array = try NPYArray.parse(bytes: npyBytes(header: npyHeader(big ? ">f4" : "<f4", shape: "(4,)"),
                                                           payload: payload))
            #expect(array.dtype == .float32(big ? .big : .little))
            #expect(array.elements == values.map { .float(Double($0)) })
            #expect(array.elements[0] == .float(0.100000001490116119384765625))
        }
    }

    @Test func integersOfEveryWidthAndOrder() throws {
        let i8 = [Int64.min, -1, 0, Int64.max]
        for big in [false, true] {
            let a = try NPYArray.parse(bytes: npyBytes(header: npyHeader(big ? ">i8" : "<i8", shape: "(4,)"),
                                                       payload: i8.flatMap { bytes($0, bigEndian: big) }))
            #expect(a.elements == i8.map(NPYScalar.integer))
            let i4: [Int32] = [.min, -7, 0, .max]
            let b = try NPYArray.parse(bytes: npyBytes(header: npyHeader(big ? ">i4" : "<i4", shape: "(2, 2)"),
                                                       payload: i4.flatMap { bytes($0, bigEndian: big) }))
            #expect(b.elements == i4.map { .integer(Int64($0)) })
            #expect(b[1, 1] == .integer(Int64(Int32.max)))
            let u2: [UInt16] = [0, 65535]
            let c = try NPYArray.parse(bytes: npyBytes(header: npyHeader(big ? ">u2" : "<u2", shape: "(2,)"),
                                                       payload: u2.flatMap { bytes($0, bigEndian: big) }))
            #expect(c.elements == [.integer(0), .integer(65535)])
            let i2: [Int16] = [.min, -1, 0, .max]
            let d = try NPYArray.parse(bytes: npyBytes(header: npyHeader(big ? ">i2" : "<i2", shape: "(4,)"),
                                                       payload: i2.flatMap { bytes($0, bigEndian: big) }))
            #expect(d.elements == [.integer(-32768), .integer(-1), .integer(0), .integer(32767)])
        }
        let small = try NPYArray.parse(bytes: npyBytes(header: npyHeader("|i1", shape: "(3,)"), payload: [0xFF, 0x7F, 0x80]))
        #expect(small.elements == [.integer(-1), .integer(127), .integer(-128)])
        let unsigned = try NPYArray.parse(bytes: npyBytes(header: npyHeader("|u1", shape: "(2,)"), payload: [0xFF, 0x01]))
        #expect(unsigned.elements == [.integer(255), .integer(1)])
        let flags = try NPYArray.parse(bytes: npyBytes(header: npyHeader("|b1", shape: "(3,)"), payload: [1, 0, 1]))
        #expect(flags.elements == [.integer(1), .integer(0), .integer(1)])
        let u8 = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<u8", shape: "(1,)"), payload: bytes(UInt64(Int64.max))))
        #expect(u8.elements == [.integer(.max)])
    }

    @Test func uint64AboveInt64MaxIsRefused() {
        let file = npyBytes(header: npyHeader("<u8", shape: "(2,)"), payload: bytes(UInt64(1)) + bytes(UInt64.max))
        #expect(npyError(file)?.description
            == "byte offset 136: uint64 element 1 = 18446744073709551615 does not fit in a signed 64-bit integer")
    }

    @Test func fortranOrder2x3ComesOutRowMajor() throws {
        // Column-major storage of [[0, 1, 2], [3, 4, 5]] is 0, 3, 1, 4, 2, 5.
        let file = npyBytes(header: npyHeader("<f8", shape: "(2, 3)", fortran: true),
                            payload: doubleBytes([0, 3, 1, 4, 2, 5]))
        let array = try NPYArray.parse(bytes: file)
        #expect(array.fortranOrder)
        #expect(array.elements == [0, 1, 2, 3, 4, 5].map { .float($0) })
        #expect(array[0, 2] == .float(2))
        #expect(array[1, 0] == .float(3))
        #expect(array[2, 0] == nil)
        #expect(array[0] == nil)
    }

    @Test func fortranOrder3DAndOneDimensional() throws {
        // shape (2, 3, 4): Fortran offset of (i, j, k) is i + 2j + 6k.
        var stored = [Int64](repeating: 0, count: 24)
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { stored[i + 2 * j + 6 * k] = Int64(12 * i + 4 * j + k) } } }
        let array = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<i8", shape: "(2, 3, 4)", fortran: true),
                                                       payload: stored.flatMap { bytes($0) }))
        #expect(array.elements == (0..<24).map { .integer(Int64($0)) })
        let vector = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<i8", shape: "(3,)", fortran: true),
                                                        payload: [7, 8, 9].flatMap { bytes(Int64($0)) }))
        #expect(vector.elements == [.integer(7), .integer(8), .integer(9)])
    }

    @Test func shapeForms() throws {
        let scalar = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<f8", shape: "()"), payload: doubleBytes([0.1])))
        #expect(scalar.shape == [])
        #expect(scalar[] == .float(0.1))
        let five = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<i4", shape: "(5,)"),
                                                      payload: (1...5).flatMap { bytes(Int32($0)) }))
        #expect(five.shape == [5])
        let empty = try NPYArray.parse(bytes: npyBytes(header: npyHeader("<f8", shape: "(0, 3)"), payload: []))
        #expect(empty.shape == [0, 3] && empty.elements.isEmpty)
        // Double quotes, other key order, no spaces, Python 2 long suffix, no trailing comma.
        let odd = try NPYArray.parse(bytes: npyBytes(header: #"{"shape":(2L,1),"fortran_order":False,"descr":"<i8"}"#,
                                                     payload: bytes(Int64(4)) + bytes(Int64(5))))
        #expect(odd.shape == [2, 1] && odd.elements == [.integer(4), .integer(5)])
    }

    @Test func version2And3Headers() throws {
        for version: UInt8 in [2, 3] {
            let file = npyBytes(header: npyHeader("<f8", shape: "(2,)"), payload: doubleBytes([1.5, -2]), version: version)
            #expect(file[8..<12] == [116, 0, 0, 0])
            #expect(try NPYArray.parse(bytes: file).elements == [.float(1.5), .float(-2)])
        }
    }

    @Test func truncatedAndOversizedData() {
        let short = npyBytes(header: npyHeader("<f8", shape: "(3,)"), payload: doubleBytes([1, 2]))
        #expect(npyError(short)?.description == "byte offset 128: truncated data: expected 24 bytes of array data, found 16")
        let long = npyBytes(header: npyHeader("<f8", shape: "(1,)"), payload: doubleBytes([1, 2]))
        #expect(npyError(long)?.description == "byte offset 136: 8 unexpected bytes after the array data")
        let file = npyBytes(header: npyHeader("<f8", shape: "(1,)"), payload: doubleBytes([1]))
        #expect(npyError(Array(file[0..<40]))?.description == "byte offset 10: truncated NPY header: expected 118 bytes, found 30")
        #expect(npyError(Array(file[0..<9]))?.description == "byte offset 8: truncated NPY file: header length is missing")
        #expect(npyError(Array(file[0..<7]))?.description == "byte offset 6: truncated NPY file: no version bytes")
    }

    @Test func badMagicAndVersion() {
        #expect(npyError([])?.description == "byte offset 0: not an NPY file (it does not start with \"\\x93NUMPY\")")
        #expect(npyError(Array("PK\u{3}\u{4}not npy".utf8))?.message.hasPrefix("not an NPY file") == true)
        var file = npyBytes(header: npyHeader("<f8", shape: "()"), payload: doubleBytes([1]))
        file[6] = 4
        #expect(npyError(file)?.description == "byte offset 6: unsupported NPY format version 4.0 (expected 1.0, 2.0 or 3.0)")
        file[6] = 1
        file[7] = 1
        #expect(npyError(file)?.message == "unsupported NPY format version 1.1 (expected 1.0, 2.0 or 3.0)")
    }

    @Test(arguments: [
        ("[1, 2]", "NPY header is not a dictionary"),
        ("{'descr': '<f8', 'shape': (1,), }", "NPY header must have the keys 'descr', 'fortran_order' and 'shape'"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
         "NPY header has an unexpected or repeated key 'extra'"),
        ("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
         "NPY header has an unexpected or repeated key 'descr'"),
        ("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "NPY header 'fortran_order' must be True or False"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1)}",
         "NPY header 'shape' must be a tuple of integers such as (3, 2)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': [1]}",
         "NPY header 'shape' must be a tuple of integers such as (3, 2)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': ('1',)}",
         "NPY header 'shape' must contain only non-negative integers"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", "negative numbers are not valid in an NPY header"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1.0,)}", "expected ',' or ')' in NPY header"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } junk", "unexpected text after the NPY header dictionary"),
        ("{'descr': '<f8, 'fortran_order': False, 'shape': (1,)}", "expected ',' or '}' in NPY header"),
        ("{'descr' '<f8', 'fortran_order': False, 'shape': (1,)}", "expected ':' in NPY header dictionary"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", "NPY header ends unexpectedly"),
        ("{'descr': 8, 'fortran_order': False, 'shape': (1,)}", "NPY header 'descr' must be a type string such as '<f8'"),
        ("{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}", "unexpected character in NPY header"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "integer in NPY header is too large"),
    ])
    func badHeaderDictionaries(_ header: String, _ message: String) {
        let error = npyError(npyBytes(header: header, payload: doubleBytes([1])))
        #expect(error?.message == message)
        #expect((error?.byteOffset ?? -1) >= 10)
    }

    @Test(arguments: [
        ("|O", "unsupported dtype '|O' (object arrays hold pickled Python objects; only float32/float64, integer and bool arrays can be read)"),
        ("<c16", "unsupported dtype '<c16' (complex numbers; only float32/float64, integer and bool arrays can be read)"),
        ("<U5", "unsupported dtype '<U5' (strings; only float32/float64, integer and bool arrays can be read)"),
        ("<f2", "unsupported dtype '<f2' (a floating-point size other than 4 or 8 bytes; only float32/float64, integer and bool arrays can be read)"),
        ("<M8[ns]", "unsupported dtype '<M8[ns]' (dates or time deltas; only float32/float64, integer and bool arrays can be read)"),
        ("|f8", "dtype '|f8' has no byte order ('|' is only for 1-byte types)"),
        ("f8", "unsupported or malformed dtype 'f8'"),
    ])
    func unsupportedDtypes(_ descr: String, _ message: String) {
        let error = npyError(npyBytes(header: npyHeader(descr, shape: "(1,)"), payload: doubleBytes([1])))
        #expect(error?.description == "byte offset 10: " + message)
    }

    @Test func structuredDtypeIsRefused() {
        let header = "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }"
        #expect(npyError(npyBytes(header: header, payload: []))?.description
            == "byte offset 10: structured dtypes (record arrays) are not supported")
    }

    @Test func hostileSizesDoNotOverflow() {
        let huge = npyBytes(header: npyHeader("<f8", shape: "(4294967296, 4294967296, 4294967296)"), payload: [])
        #expect(npyError(huge)?.message == "shape [4294967296, 4294967296, 4294967296] has too many elements to address")
        let tooManyBytes = npyBytes(header: npyHeader("<f8", shape: "(4611686018427387904,)"), payload: [])
        #expect(npyError(tooManyBytes)?.message == "array of shape [4611686018427387904] is too large to address")
        let zeroTimesHuge = npyBytes(header: npyHeader("<f8", shape: "(0, 9223372036854775807)"), payload: [])
        #expect(npyError(zeroTimesHuge) == nil)
        var lying = npyBytes(header: npyHeader("<f8", shape: "(1,)"), payload: doubleBytes([1]), version: 2)
        lying.replaceSubrange(8..<12, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(npyError(lying)?.description == "byte offset 12: truncated NPY header: expected 4294967295 bytes, found 124")
    }
}
