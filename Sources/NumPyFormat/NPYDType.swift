import DataFormats
/// Byte order of a multi-byte NPY element.
public enum NPYByteOrder: Equatable, Hashable, Sendable {
    case little, big
}

/// The element types the NPY reader understands: IEEE floats, integers and bool.
/// Everything else (object, complex, strings, datetimes, structured) is refused
/// with a message naming the dtype, because it cannot be read as exact numbers.
public enum NPYDType: Equatable, Hashable, Sendable {
    case float64(NPYByteOrder)
    case float32(NPYByteOrder)
    case int64(NPYByteOrder)
    case int32(NPYByteOrder)
    case int16(NPYByteOrder)
    case int8
    /// Values above `Int64.max` are rejected when read.
    case uint64(NPYByteOrder)
    case uint32(NPYByteOrder)
    case uint16(NPYByteOrder)
    case uint8
    /// Read as integer 0 or 1.
    case bool

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .float64, .int64, .uint64: return 8
        case .float32, .int32, .uint32: return 4
        case .int16, .uint16: return 2
        case .int8, .uint8, .bool: return 1
        }
    }

    /// The NumPy type string, e.g. `"<f8"`.
    public var descr: String {
        func order(_ o: NPYByteOrder) -> String { o == .little ? "<" : ">" }
        switch self {
        case .float64(let o): return order(o) + "f8"
        case .float32(let o): return order(o) + "f4"
        case .int64(let o): return order(o) + "i8"
        case .int32(let o): return order(o) + "i4"
        case .int16(let o): return order(o) + "i2"
        case .int8: return "|i1"
        case .uint64(let o): return order(o) + "u8"
        case .uint32(let o): return order(o) + "u4"
        case .uint16(let o): return order(o) + "u2"
        case .uint8: return "|u1"
        case .bool: return "|b1"
        }
    }

    /// Whether elements come out as `.float`.
    public var isFloatingPoint: Bool {
        switch self {
        case .float64, .float32: return true
        default: return false
        }
    }

    /// Parses a NumPy type string such as `'<f8'`, `'>i4'` or `'|u1'`.
    /// `'='` (native) is taken as little-endian, which is what NumPy writes on
    /// every platform this package targets. The message says why a dtype is refused.
    public init(descr: String) throws(DataFormatError) {
        let chars = Array(descr)
        guard chars.count >= 2, "<>|=".contains(chars[0]) else {
            throw DataFormatError("unsupported or malformed dtype '\(descr)'")
        }
        let order: NPYByteOrder = chars[0] == ">" ? .big : .little
        let code = String(chars[1...])
        let multiByte = chars[0] != "|"
        func ordered(_ make: (NPYByteOrder) -> NPYDType) throws(DataFormatError) -> NPYDType {
            guard multiByte else { throw DataFormatError("dtype '\(descr)' has no byte order ('|' is only for 1-byte types)") }
            return make(order)
        }
        switch code {
        case "f8": self = try ordered(NPYDType.float64)
        case "f4": self = try ordered(NPYDType.float32)
        case "i8": self = try ordered(NPYDType.int64)
        case "i4": self = try ordered(NPYDType.int32)
        case "i2": self = try ordered(NPYDType.int16)
        case "u8": self = try ordered(NPYDType.uint64)
        case "u4": self = try ordered(NPYDType.uint32)
        case "u2": self = try ordered(NPYDType.uint16)
        case "i1": self = .int8
        case "u1": self = .uint8
        case "b1": self = .bool
        default:
            throw DataFormatError("unsupported dtype '\(descr)' (\(NPYDType.kindName(code.first)); "
                + "only float32/float64, integer and bool arrays can be read)")
        }
    }

    private static func kindName(_ kind: Character?) -> String {
        switch kind {
        case "O": return "object arrays hold pickled Python objects"
        case "c": return "complex numbers"
        case "f": return "a floating-point size other than 4 or 8 bytes"
        case "i", "u": return "an integer size other than 1, 2, 4 or 8 bytes"
        case "U", "S", "a": return "strings"
        case "M", "m": return "dates or time deltas"
        case "V": return "raw or structured records"
        default: return "an unknown type code"
        }
    }
}
