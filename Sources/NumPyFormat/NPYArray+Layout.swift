import DataFormats
extension NPYArray {
    /// The header of an `.npy` file and where its data lies: the data starts at `dataStart` and
    /// holds `count` elements in `byteCount` bytes, so the whole file has `dataStart + byteCount`
    /// bytes. `bytes` needs to hold only the header (an `.npz` member is sized from its prefix
    /// before it is inflated); `headerLimit`, when given, is the most header bytes `bytes` may
    /// be asked to hold.
    static func layout(_ bytes: [UInt8], headerLimit: Int? = nil) throws(DataFormatError)
        -> (header: NPYHeader, dataStart: Int, count: Int, byteCount: Int)
    {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"
        guard bytes.starts(with: magic) else {
            throw DataFormatError("not an NPY file (it does not start with \"\\x93NUMPY\")", at: .byteOffset(0))
        }
        guard bytes.count >= 8 else { throw DataFormatError("truncated NPY file: no version bytes", at: .byteOffset(6)) }
        let lengthSize: Int
        switch (bytes[6], bytes[7]) {
        case (1, 0): lengthSize = 2
        case (2, 0), (3, 0): lengthSize = 4
        case let (major, minor):
            throw DataFormatError("unsupported NPY format version \(major).\(minor) (expected 1.0, 2.0 or 3.0)",
                                  at: .byteOffset(6))
        }
        guard bytes.has(lengthSize, at: 8) else {
            throw DataFormatError("truncated NPY file: header length is missing", at: .byteOffset(8))
        }
        let headerLength = Int(bytes.loadUInt(at: 8, width: lengthSize))
        let headerStart = 8 + lengthSize
        if let headerLimit, headerLength > headerLimit - headerStart {
            throw DataFormatError("NPY header of \(headerLength) bytes is longer than the \(headerLimit - headerStart) accepted",
                                  at: .byteOffset(8))
        }
        guard bytes.has(headerLength, at: headerStart) else {
            throw DataFormatError("truncated NPY header: expected \(headerLength) bytes, found \(bytes.count - headerStart)",
                                  at: .byteOffset(headerStart))
        }
        let header = try NPYHeader.parse(bytes[headerStart..<headerStart + headerLength], offset: headerStart)
        let count: Int
        do { count = try elementCount(of: header.shape) } catch { throw DataFormatError(error.message, at: .byteOffset(headerStart)) }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: header.dtype.itemSize)
        let dataStart = headerStart + headerLength
        guard !overflow, byteCount <= Int.max - dataStart else {
            throw DataFormatError("array of shape \(header.shape) is too large to address", at: .byteOffset(headerStart))
        }
        return (header, dataStart, count, byteCount)
    }
}
