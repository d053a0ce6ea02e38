import DataFormats
import Foundation

extension NPYArray {
    /// The `.npy` bytes NumPy's `np.save` would write for this array: format
    /// version 1.0 (2.0 only if the header is too long), C order, and
    /// little-endian float64 for float dtypes or int64 for integer and bool dtypes
    /// (widening is exact). The header is padded so the data starts at a multiple of 64.
    public func encoded() -> Data {
        Data(encodedBytes())
    }

    /// `encoded()` as a byte array.
    public func encodedBytes() -> [UInt8] {
        let outType: NPYDType = dtype.isFloatingPoint ? .float64(.little) : .int64(.little)
        let header = Array(NPYHeader(dtype: outType, fortranOrder: false, shape: shape).text.utf8)
        var lengthSize = 2
        var padded = paddedLength(header.count, prefix: 10)
        if padded > Int(UInt16.max) {
            lengthSize = 4
            padded = paddedLength(header.count, prefix: 12)
        }
        var out: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, lengthSize == 2 ? 1 : 2, 0]
        if lengthSize == 2 { out.appendLittleEndian(UInt16(padded)) } else { out.appendLittleEndian(UInt32(padded)) }
        out += header
        out += [UInt8](repeating: 0x20, count: padded - header.count - 1)
        out.append(0x0A)
        out.reserveCapacity(out.count + 8 * elements.count)
        for element in elements {
            switch element {
            case .float(let value): out.appendLittleEndian(value.bitPattern)
            case .integer(let value): out.appendLittleEndian(value)
            }
        }
        return out
    }

    /// Writes `encoded()` to a file.
    public func write(to url: URL) throws(DataFormatError) {
        do {
            try encoded().write(to: url)
        } catch {
            throw DataFormatError("cannot write file: \(error.localizedDescription)", file: url.path)
        }
    }

    /// Header length (text + newline + padding) making `prefix + length` a multiple of 64.
    private func paddedLength(_ headerCount: Int, prefix: Int) -> Int {
        let total = prefix + headerCount + 1
        return headerCount + 1 + (64 - total % 64) % 64
    }
}
