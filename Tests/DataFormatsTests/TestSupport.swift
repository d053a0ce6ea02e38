import Foundation
import Testing
@testable import DataFormats
@testable import JSONFormat
@testable import NumPyFormat
import SeededRandom

/// The error `body` throws, or nil if it succeeds.
func thrownError<T>(_ body: () throws(DataFormatError) -> T) -> DataFormatError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The full description of the error parsing `text` as JSON throws.
func jsonError(_ text: String) -> String? {
    thrownError { () throws(DataFormatError) in try JSONValue.parse(text) }?.description
}

/// Bytes of a committed fixture file (see Fixtures/make_fixtures.py).
func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: try fixtureURL(name)))
}

func fixtureURL(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// An NPY file built by hand: header text padded like NumPy's, then `payload`.
func npyBytes(header: String, payload: [UInt8], version: UInt8 = 1) -> [UInt8] {
    let text = Array(header.utf8)
    let prefix = version == 1 ? 10 : 12
    let padding = (64 - (prefix + text.count + 1) % 64) % 64
    let headerLength = text.count + padding + 1
    var out: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0]
    for k in 0..<(prefix - 8) { out.append(UInt8(truncatingIfNeeded: headerLength >> (8 * k))) }
    return out + text + [UInt8](repeating: 0x20, count: padding) + [0x0A] + payload
}

/// The usual header dictionary.
func npyHeader(_ descr: String, shape: String, fortran: Bool = false) -> String {
    "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
}

/// `value` as `width` bytes, little- or big-endian.
func bytes<T: FixedWidthInteger>(_ value: T, bigEndian: Bool = false) -> [UInt8] {
    let width = T.bitWidth / 8
    let little = (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    return bigEndian ? little.reversed() : little
}

/// Concatenated little- or big-endian bytes of several Doubles.
func doubleBytes(_ values: [Double], bigEndian: Bool = false) -> [UInt8] {
    values.flatMap { bytes($0.bitPattern, bigEndian: bigEndian) }
}

