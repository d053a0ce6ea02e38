import DataFormats
import Foundation

/// An n-dimensional array read from (or to be written as) a NumPy `.npy` file.
///
/// Elements are always in C (row-major) order, whatever order the file used,
/// and carry the raw binary value (`NPYScalar`) — never a decimal rendering.
public struct NPYArray: Equatable, Sendable {
    /// The dimensions; `[]` for a 0-d (scalar) array.
    public let shape: [Int]
    /// The element type as stored in the file.
    public let dtype: NPYDType
    /// Whether the file stored the data column-major. `elements` are C order regardless.
    public let fortranOrder: Bool
    /// All elements in C (row-major) order; `count` is the product of `shape`.
    public let elements: [NPYScalar]

    /// An array with the given elements in C order. Throws if the element count
    /// does not match the shape, or an element's kind does not match the dtype
    /// (`.float` for float dtypes, `.integer` otherwise).
    public init(shape: [Int], dtype: NPYDType, elements: [NPYScalar], fortranOrder: Bool = false)
        throws(DataFormatError)
    {
        let expected = try NPYArray.elementCount(of: shape)
        guard expected == elements.count else {
            throw DataFormatError("shape \(shape) needs \(expected) elements, got \(elements.count)")
        }
        for (i, element) in elements.enumerated() {
            let isFloat: Bool
            if case .float = element { isFloat = true } else { isFloat = false }
            guard isFloat == dtype.isFloatingPoint else {
                throw DataFormatError("element \(i) is \(isFloat ? "a float" : "an integer") but dtype is \(dtype.descr)")
            }
        }
        self.shape = shape
        self.dtype = dtype
        self.fortranOrder = fortranOrder
        self.elements = elements
    }

    /// A little-endian float64 array (C order).
    public init(float64 values: [Double], shape: [Int]) throws(DataFormatError) {
        try self.init(shape: shape, dtype: .float64(.little), elements: values.map(NPYScalar.float))
    }

    /// A little-endian int64 array (C order).
    public init(int64 values: [Int64], shape: [Int]) throws(DataFormatError) {
        try self.init(shape: shape, dtype: .int64(.little), elements: values.map(NPYScalar.integer))
    }

    /// Number of elements.
    public var count: Int { elements.count }

    /// The element at a multi-index (one index per dimension), or nil if out of range.
    public subscript(_ indices: Int...) -> NPYScalar? {
        guard indices.count == shape.count else { return nil }
        var offset = 0
        for (index, size) in zip(indices, shape) {
            guard index >= 0, index < size else { return nil }
            offset = offset * size + index
        }
        return elements[offset]
    }

    /// Product of the dimensions, refusing negative sizes and overflow.
    static func elementCount(of shape: [Int]) throws(DataFormatError) -> Int {
        var count = 1
        for size in shape {
            guard size >= 0 else { throw DataFormatError("negative dimension \(size) in shape \(shape)") }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw DataFormatError("shape \(shape) has too many elements to address") }
            count = product
        }
        return count
    }
}

extension NPYArray {
    /// Reads a `.npy` file; errors name the file.
    public static func read(contentsOf url: URL) throws(DataFormatError) -> NPYArray {
        let data = try readFileData(url)
        return try attributing(to: url) { () throws(DataFormatError) in try parse(data) }
    }

    /// Parses the bytes of a `.npy` file.
    public static func parse(_ data: Data) throws(DataFormatError) -> NPYArray {
        try parse(bytes: [UInt8](data))
    }

    /// Parses the bytes of a `.npy` file (versions 1.0, 2.0 and 3.0).
    /// Refuses unknown versions, malformed headers, unsupported dtypes, and data
    /// that is shorter or longer than the header's shape and dtype require.
    public static func parse(bytes: [UInt8]) throws(DataFormatError) -> NPYArray {
        let (header, dataStart, count, byteCount) = try layout(bytes)
        let available = bytes.count - dataStart
        guard available >= byteCount else {
            throw DataFormatError("truncated data: expected \(byteCount) bytes of array data, found \(available)",
                                  at: .byteOffset(dataStart))
        }
        guard available == byteCount else {
            throw DataFormatError("\(available - byteCount) unexpected bytes after the array data",
                                  at: .byteOffset(dataStart + byteCount))
        }
        var elements = try decodeElements(bytes, from: dataStart, count: count, dtype: header.dtype)
        if header.fortranOrder && header.shape.count > 1 {
            elements = fortranToC(elements, shape: header.shape)
        }
        return try NPYArray(shape: header.shape, dtype: header.dtype, elements: elements,
                            fortranOrder: header.fortranOrder)
    }

    private static func decodeElements(_ bytes: [UInt8], from start: Int, count: Int, dtype: NPYDType)
        throws(DataFormatError) -> [NPYScalar]
    {
        let size = dtype.itemSize
        var big = false
        switch dtype {
        case .float64(let o), .float32(let o), .int64(let o), .int32(let o), .int16(let o),
             .uint64(let o), .uint32(let o), .uint16(let o):
            big = o == .big
        case .int8, .uint8, .bool: break
        }
        var out: [NPYScalar] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let offset = start + i * size
            let raw = bytes.loadUInt(at: offset, width: size, bigEndian: big)
            switch dtype {
            case .float64: out.append(.float(Double(bitPattern: raw)))
            case .float32: out.append(.float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))))
            case .int64: out.append(.integer(Int64(bitPattern: raw)))
            case .int32: out.append(.integer(Int64(Int32(truncatingIfNeeded: raw))))
            case .int16: out.append(.integer(Int64(Int16(truncatingIfNeeded: raw))))
            case .int8: out.append(.integer(Int64(Int8(truncatingIfNeeded: raw))))
            case .uint32, .uint16, .uint8: out.append(.integer(Int64(raw)))
            case .bool: out.append(.integer(raw == 0 ? 0 : 1))
            case .uint64:
                guard raw <= UInt64(Int64.max) else {
                    throw DataFormatError("uint64 element \(i) = \(raw) does not fit in a signed 64-bit integer",
                                          at: .byteOffset(offset))
                }
                out.append(.integer(Int64(raw)))
            }
        }
        return out
    }

    /// Reorders column-major elements into row-major order for `shape`.
    static func fortranToC<T>(_ source: [T], shape: [Int]) -> [T] {
        var strides: [Int] = []  // Fortran strides: the first index varies fastest
        var stride = 1
        for size in shape {
            strides.append(stride)
            stride *= size  // cannot overflow: the product is the (validated) element count
        }
        var out: [T] = []
        out.reserveCapacity(source.count)
        var index = [Int](repeating: 0, count: shape.count)
        for _ in 0..<source.count {
            var offset = 0
            for k in 0..<shape.count { offset += index[k] * strides[k] }
            out.append(source[offset])
            var k = shape.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < shape[k] { break }
                index[k] = 0
                k -= 1
            }
        }
        return out
    }
}
