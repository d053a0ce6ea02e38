import CFileSpace
import DataFormats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONValue {
    /// Pretty output keeps an array of scalars on one line while the whole
    /// line (indent included) stays within this many characters.
    public static let prettyLineWidth = 100

    /// The JSON text for this value. Numbers are written as their literal
    /// text, keys in insertion order, strings escaped per RFC 8259.
    ///
    /// Compact output has no whitespace. Pretty output indents by two spaces
    /// and keeps short arrays of scalars (e.g. vectors) on a single line.
    /// Neither form ends with a newline.
    public func serialized(pretty: Bool = false) -> String {
        var out = JSONOutput()
        write(to: &out, pretty: pretty)
        return out.string
    }

    /// Writes the same text as `serialized(pretty:)` to `out` (which may stream to a file).
    public func write(to out: inout JSONOutput, pretty: Bool = true, indent: Int = 0) {
        if pretty { writePretty(into: &out, indent: indent) } else { writeCompact(into: &out) }
    }

    private func writeCompact(into out: inout JSONOutput) {
        switch self {
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                item.writeCompact(into: &out)
            }
            out.append("]")
        case .object(let object):
            out.append("{")
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out.append(",") }
                out.appendQuoted(entry.key)
                out.append(":")
                entry.value.writeCompact(into: &out)
            }
            out.append("}")
        default:
            writeScalar(into: &out)
        }
    }

    private func writePretty(into out: inout JSONOutput, indent: Int) {
        switch self {
        case .array(let items) where items.isEmpty:
            out.append("[]")
        case .array(let items):
            if let length = oneLineLength(items, indent: indent) {
                out.reserve(length)
                out.append("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    item.writeScalar(into: &out)
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.appendSpaces(indent + 2)
                item.writePretty(into: &out, indent: indent + 2)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            out.appendSpaces(indent)
            out.append("]")
        case .object(let object) where object.isEmpty:
            out.append("{}")
        case .object(let object):
            out.append("{\n")
            let entries = object.entries
            for (i, entry) in entries.enumerated() {
                out.appendSpaces(indent + 2)
                out.appendQuoted(entry.key)
                out.append(": ")
                entry.value.writePretty(into: &out, indent: indent + 2)
                out.append(i + 1 < entries.count ? ",\n" : "\n")
            }
            out.appendSpaces(indent)
            out.append("}")
        default:
            writeScalar(into: &out)
        }
    }

    /// The length in characters of `[a, b, c]` if every element is a scalar and the line is
    /// short enough; nil otherwise (measured without writing anything).
    private func oneLineLength(_ items: [JSONValue], indent: Int) -> Int? {
        var length = 1
        for (i, item) in items.enumerated() {
            switch item {
            case .array, .object: return nil
            default: break
            }
            if i > 0 { length += 2 }
            length += item.scalarLength
            if indent + length >= JSONValue.prettyLineWidth { return nil }
        }
        return length + 1
    }

    /// Characters of a scalar's text (strings with their quotes and escapes).
    private var scalarLength: Int {
        switch self {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .number(let text): return text.count
        case .string(let text): return JSONOutput.quotedLength(text)
        case .array, .object: return 0
        }
    }

    private func writeScalar(into out: inout JSONOutput) {
        switch self {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .number(let text): out.append(text)
        case .string(let text): out.appendQuoted(text)
        case .array, .object: break
        }
    }
}

/// Where JSON text goes: an in-memory UTF-8 buffer, or a file descriptor it is flushed to in
/// blocks of about a megabyte (so a large document never exists as one string).
extension JSONValue {
    /// Writes this value as a pretty, stable document and a newline to a file descriptor
    /// (standard output by default), streamed in blocks: the document is never one string in
    /// memory. Whatever the C stdio buffers hold (e.g. from `print`) goes first.
    public func writeDocument(toFileDescriptor descriptor: Int32 = 1) {
        fflush(nil)
        var out = JSONOutput(fileDescriptor: descriptor)
        write(to: &out)
        out.append("\n")
        out.flush()
    }
}

public struct JSONOutput: Sendable {
    var bytes: [UInt8] = []
    private let descriptor: Int32?
    /// Bytes buffered before a streamed output writes them out: 256 KB (1 MB took twice the
    /// system time on a 4 MB document, faulting in the buffer's pages).
    private static let block = 1 << 18
    /// A file appended by `sendfile` goes this many bytes at a time, each freed in the file once
    /// copied, so the two copies' pages are never all held (and dirty) at once.
    private static let drainBlock = 1 << 24
    /// While set, appends do not flush (`appendScalarArray` rewrites what it has just written).
    var holdsFlush = false
    /// errno of the first write to the file descriptor that failed; nil while all succeeded.
    public private(set) var writeFailure: Int32?
    /// Where each element of the array being written by `appendScalarArray` starts and ends.
    var elementBounds: [Int] = []

    /// Collects the text in memory (`string`).
    public init() { descriptor = nil }

    /// Streams the text to an open file descriptor (e.g. 1, standard output); call `flush()`
    /// at the end.
    public init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        bytes.reserveCapacity(JSONOutput.block + 4096)
    }

    /// Empties an in-memory output and keeps its buffer, for a next text as long without new
    /// pages to fault in (a limit's saddle is tens of MB of digits).
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// The text collected so far (in-memory output).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The same as UTF-8 bytes.
    public var utf8: [UInt8] { bytes }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// Appends raw text (already valid JSON where it matters).
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        flushIfFull()
    }

    /// Appends raw bytes (already valid JSON text).
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends the text collected by an in-memory output (rendered elsewhere, e.g. on another
    /// thread), a block at a time: a streamed output flushes as it goes instead of growing by
    /// the whole text (a saddle's can be tens of MB).
    public mutating func append(contentsOf other: JSONOutput) {
        var start = 0
        while start < other.bytes.count {
            let end = min(other.bytes.count, start + JSONOutput.block)
            bytes.append(contentsOf: other.bytes[start..<end])
            flushIfFull()
            start = end
        }
    }

    /// Appends the whole content of `file` (from its start, whatever its position; what `file`
    /// buffered is flushed first): the parts of a streamed document written before their place
    /// in it (`ScratchFile`). A file-descriptor output flushes and has the kernel copy the file
    /// (`sendfile`: no buffer to fault in and fill) where it can. Into a regular file it drains
    /// `file`: each block copied is freed there (`dln_punch_hole`; it then reads as zeros), or
    /// the copy doubles the dirty pages and can meet the kernel's write-back throttling
    /// (`compare --json` at Gaussian 100×200: 15–20 s of copying, 0.8 s drained). Not into a
    /// pipe or a socket, which hold references to the file's pages until read (a hole punched in
    /// part of a page zeroes that part). Else it copies 64 KB at a time.
    public mutating func append(file: UnsafeMutablePointer<FILE>) {
        fflush(file)
        let source = fileno(file)
        var copied = 0
        #if os(Linux)
        if let descriptor {
            flush()
            let size = Int(lseek(source, 0, SEEK_END))
            var offset = off_t(0)
            let drains = JSONOutput.isRegularFile(descriptor)
            while copied < size {
                let sent = sendfile(descriptor, source, &offset, min(size - copied, JSONOutput.drainBlock))
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { break }
                if drains { _ = dln_punch_hole(source, Int64(copied), Int64(sent)) }
                copied += sent
            }
            if copied == size { return }
        }
        #endif
        fseek(file, copied, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            buffer.withUnsafeBufferPointer { append(bytes: UnsafeBufferPointer(rebasing: $0.prefix(count))) }
        }
    }

    private static func isRegularFile(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    mutating func appendSpaces(_ count: Int) {
        for _ in 0..<count { bytes.append(UInt8(ascii: " ")) } // (a Repeated collection appends far slower)
    }

    /// Appends `text` as a quoted JSON string: `"` and `\` are escaped, control characters use
    /// the short escapes or `\u00XX`; everything else is literal UTF-8.
    public mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if !utf8.contains(where: JSONOutput.needsEscape) {
                bytes.append(contentsOf: utf8)
            } else {
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "\""): bytes.append(contentsOf: Array("\\\"".utf8))
                    case UInt8(ascii: "\\"): bytes.append(contentsOf: Array("\\\\".utf8))
                    case 0x0A: bytes.append(contentsOf: Array("\\n".utf8))
                    case 0x0D: bytes.append(contentsOf: Array("\\r".utf8))
                    case 0x09: bytes.append(contentsOf: Array("\\t".utf8))
                    case 0x08: bytes.append(contentsOf: Array("\\b".utf8))
                    case 0x0C: bytes.append(contentsOf: Array("\\f".utf8))
                    case 0x00...0x1F: bytes.append(contentsOf: Array(("\\u" + hex4(UInt32(byte)).lowercased()).utf8))
                    default: bytes.append(byte)
                    }
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        flushIfFull()
    }

    /// Characters of `text` once quoted and escaped.
    static func quotedLength(_ text: String) -> Int {
        var text = text
        let ascii = text.withUTF8 { !$0.contains { $0 >= 0x80 || needsEscape($0) } }
        if ascii { return text.utf8.count + 2 }
        var quoted = JSONOutput()
        quoted.appendQuoted(text)
        return quoted.string.count
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Flushes a full block to the file descriptor (never while `holdsFlush`).
    mutating func flushIfFull() {
        if descriptor != nil && !holdsFlush && bytes.count >= JSONOutput.block { flush() }
    }

    /// Writes out what is buffered (file-descriptor output; a no-op in memory). A failed write
    /// (closed pipe, full disk) drops the block and is kept in `writeFailure`, and for the
    /// standard output in `StandardOutput`, whose `check` the command makes before it exits.
    public mutating func flush() {
        guard let descriptor, !bytes.isEmpty else { return }
        let failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
        bytes.removeAll(keepingCapacity: true)
        if let failure {
            if writeFailure == nil { writeFailure = failure }
            if descriptor == 1 { StandardOutput.record(failure) }
        }
    }

    /// Throws `OutputWriteError` naming `what` if a write of this output failed (call after `flush`).
    public func checkWrites(of what: String) throws {
        if let writeFailure { throw OutputWriteError(what: what, code: writeFailure) }
    }
}
