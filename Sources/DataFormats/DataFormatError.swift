/// The single error type of the format modules (JSONFormat, CSVFormat, NumPyFormat).
///
/// Every reader reports failures through this type so callers need one `catch`
/// and users always get a message that says *where* the input is wrong
/// (file, archive member, line/column or byte offset) in plain words.
public struct DataFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Where in the input the problem was found.
    public enum Location: Equatable, Sendable {
        /// The problem concerns the input as a whole (e.g. it is empty).
        case whole
        /// A 1-based line of a text format (CSV rows).
        case line(Int)
        /// A 1-based line and column (columns count Unicode scalars).
        case lineColumn(line: Int, column: Int)
        /// A 0-based byte offset into a binary input. For an `.npz` member,
        /// ZIP and deflate problems count from the start of the archive, while
        /// problems in the member's `.npy` content count from the start of that content.
        case byteOffset(Int)
    }

    /// What went wrong, in plain words, without the location prefix.
    public var message: String
    /// Where it went wrong.
    public var location: Location
    /// The archive member (e.g. `"w.npy"` inside an `.npz`) the location refers to.
    public var member: String?
    /// The file the input came from, when it was read from disk.
    public var file: String?

    public init(_ message: String, at location: Location = .whole, member: String? = nil, file: String? = nil) {
        self.message = message
        self.location = location
        self.member = member
        self.file = file
    }

    /// The full message, e.g. `"line 3, column 14: expected ',' or ']' in array"`.
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let member { place.append("member '\(member)'") }
        switch location {
        case .whole: break
        case .line(let line): place.append("line \(line)")
        case .lineColumn(let line, let column): place.append("line \(line), column \(column)")
        case .byteOffset(let offset): place.append("byte offset \(offset)")
        }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }

    /// The 1-based line, when the location has one.
    public var line: Int? {
        switch location {
        case .line(let line), .lineColumn(let line, _): return line
        default: return nil
        }
    }

    /// The 1-based column, when the location has one.
    public var column: Int? {
        if case .lineColumn(_, let column) = location { return column }
        return nil
    }

    /// The byte offset, when the location has one.
    public var byteOffset: Int? {
        if case .byteOffset(let offset) = location { return offset }
        return nil
    }

    /// A copy that also names the archive member the error happened in.
    package func inMember(_ name: String) -> DataFormatError {
        var copy = self
        copy.member = name
        return copy
    }

    /// A copy that also names the file the error happened in.
    package func inFile(_ path: String) -> DataFormatError {
        var copy = self
        copy.file = path
        return copy
    }
}
