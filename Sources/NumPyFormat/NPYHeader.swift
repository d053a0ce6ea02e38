import DataFormats
/// The NPY header dictionary, e.g.
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }`.
///
/// It is a Python literal, so it is parsed as one (strings in either quote,
/// tuples with or without trailing comma, `True`/`False`, integers) rather
/// than pattern-matched, and then checked to have exactly the three keys.
struct NPYHeader: Equatable {
    var dtype: NPYDType
    var fortranOrder: Bool
    var shape: [Int]

    /// Parses the header text found at byte `offset` of the file (for messages).
    static func parse(_ bytes: ArraySlice<UInt8>, offset: Int) throws(DataFormatError) -> NPYHeader {
        var parser = PythonLiteralParser(bytes: Array(bytes), baseOffset: offset)
        let literal = try parser.parseAll()
        guard case .dict(let entries) = literal else {
            throw DataFormatError("NPY header is not a dictionary", at: .byteOffset(offset))
        }
        var descr: PythonLiteral?, fortran: PythonLiteral?, shape: PythonLiteral?
        for (key, value) in entries {
            switch key {
            case .string("descr") where descr == nil: descr = value
            case .string("fortran_order") where fortran == nil: fortran = value
            case .string("shape") where shape == nil: shape = value
            default:
                throw DataFormatError("NPY header has an unexpected or repeated key \(key)", at: .byteOffset(offset))
            }
        }
        guard let descr, let fortran, let shape else {
            throw DataFormatError("NPY header must have the keys 'descr', 'fortran_order' and 'shape'",
                                  at: .byteOffset(offset))
        }
        let dtype: NPYDType
        switch descr {
        case .string(let text):
            do { dtype = try NPYDType(descr: text) } catch { throw DataFormatError(error.message, at: .byteOffset(offset)) }
        case .list:
            throw DataFormatError("structured dtypes (record arrays) are not supported", at: .byteOffset(offset))
        default:
            throw DataFormatError("NPY header 'descr' must be a type string such as '<f8'", at: .byteOffset(offset))
        }
        guard case .bool(let fortranOrder) = fortran else {
            throw DataFormatError("NPY header 'fortran_order' must be True or False", at: .byteOffset(offset))
        }
        guard case .tuple(let dims) = shape else {
            throw DataFormatError("NPY header 'shape' must be a tuple of integers such as (3, 2)", at: .byteOffset(offset))
        }
        var sizes: [Int] = []
        for dim in dims {
            guard case .int(let size) = dim else {
                throw DataFormatError("NPY header 'shape' must contain only non-negative integers", at: .byteOffset(offset))
            }
            sizes.append(size)
        }
        return NPYHeader(dtype: dtype, fortranOrder: fortranOrder, shape: sizes)
    }

    /// The header text NumPy itself writes for this array.
    var text: String {
        let dims = shape.map(String.init)
        let tuple = dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.joined(separator: ", ") + ")"
        return "{'descr': '\(dtype.descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
    }
}

/// The subset of Python literals that can appear in an NPY header.
indirect enum PythonLiteral: Equatable, CustomStringConvertible {
    case string(String)
    /// Non-negative integers only (shapes); anything larger than `Int.max` is an error.
    case int(Int)
    case bool(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(PythonLiteral, PythonLiteral)])

    static func == (lhs: PythonLiteral, rhs: PythonLiteral) -> Bool { lhs.description == rhs.description }

    var description: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .int(let n): return String(n)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .tuple(let items): return "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dict(let pairs): return "{" + pairs.map { "\($0): \($1)" }.joined(separator: ", ") + "}"
        }
    }
}

/// Recursive-descent parser for `PythonLiteral`, with a small depth limit
/// (headers are flat; deep nesting can only be hostile).
struct PythonLiteralParser {
    let bytes: [UInt8]
    let baseOffset: Int
    var pos = 0
    private var depth = 0
    private static let maximumDepth = 32

    init(bytes: [UInt8], baseOffset: Int) {
        self.bytes = bytes
        self.baseOffset = baseOffset
    }

    /// One literal followed only by whitespace (NPY pads with spaces and a newline).
    mutating func parseAll() throws(DataFormatError) -> PythonLiteral {
        let value = try parseValue()
        skipWhitespace()
        guard pos == bytes.count else { throw fail("unexpected text after the NPY header dictionary") }
        return value
    }

    private mutating func parseValue() throws(DataFormatError) -> PythonLiteral {
        skipWhitespace()
        guard pos < bytes.count else { throw fail("NPY header ends unexpectedly") }
        switch bytes[pos] {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try parseInt())
        case UInt8(ascii: "-"): throw fail("negative numbers are not valid in an NPY header")
        case UInt8(ascii: "{"): return try parseSequence(close: "}", isDict: true)
        case UInt8(ascii: "("): return try parseSequence(close: ")", isDict: false)
        case UInt8(ascii: "["): return try parseSequence(close: "]", isDict: false)
        default:
            for (word, value) in [("True", PythonLiteral.bool(true)), ("False", .bool(false)), ("None", .none)]
            where bytes[pos...].starts(with: word.utf8) {
                pos += word.utf8.count
                return value
            }
            throw fail("unexpected character in NPY header")
        }
    }

    /// `{k: v, ...}`, `(a, b, ...)` or `[a, ...]`, each allowing a trailing comma.
    private mutating func parseSequence(close: Unicode.Scalar, isDict: Bool) throws(DataFormatError) -> PythonLiteral {
        let open = bytes[pos]
        depth += 1
        guard depth <= PythonLiteralParser.maximumDepth else { throw fail("NPY header is nested too deeply") }
        defer { depth -= 1 }
        pos += 1
        var items: [PythonLiteral] = []
        var pairs: [(PythonLiteral, PythonLiteral)] = []
        var sawComma = false
        while true {
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: close) { pos += 1; break }
            let item = try parseValue()
            if isDict {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' in NPY header dictionary") }
                pos += 1
                pairs.append((item, try parseValue()))
            } else {
                items.append(item)
            }
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                sawComma = true
            } else if pos < bytes.count, bytes[pos] == UInt8(ascii: close) {
                pos += 1
                break
            } else if pos == bytes.count {
                throw fail("NPY header ends unexpectedly")
            } else {
                throw fail("expected ',' or '\(close)' in NPY header")
            }
        }
        if isDict { return .dict(pairs) }
        if open == UInt8(ascii: "[") { return .list(items) }
        // In Python `(5)` is just 5; only a comma makes a one-element tuple.
        if items.count == 1 && !sawComma { return items[0] }
        return .tuple(items)
    }

    private mutating func parseString() throws(DataFormatError) -> String {
        let quote = bytes[pos]
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == quote {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                guard pos + 1 < bytes.count, [quote, UInt8(ascii: "\\")].contains(bytes[pos + 1]) else {
                    throw fail("unsupported escape in NPY header string")
                }
                pos += 1
            }
            out.append(bytes[pos])
            pos += 1
        }
        pos = start
        throw fail("unterminated string in NPY header")
    }

    /// Decimal digits, with Python 2's optional `L` suffix.
    private mutating func parseInt() throws(DataFormatError) -> Int {
        let start = pos
        var value = 0
        while pos < bytes.count, isDigit(bytes[pos]) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(bytes[pos] - UInt8(ascii: "0")))
            guard !o1, !o2 else { pos = start; throw fail("integer in NPY header is too large") }
            value = sum
            pos += 1
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "L") || bytes[pos] == UInt8(ascii: "l") { pos += 1 }
        return value
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[pos]) { pos += 1 }
    }

    private func fail(_ message: String) -> DataFormatError {
        DataFormatError(message, at: .byteOffset(baseOffset + pos))
    }
}
