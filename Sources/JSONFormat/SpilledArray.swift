#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elements of a `JSONDocument.spilled` array written one at a time to its temporary file,
/// each at `indent` (its place in the document) and separated by ",\n": parts of a streamed
/// document that are ready before their place in it (`compare --json`'s knots, z↓ and gap).
/// Sendable for the hand-over from the thread that wrote it to the one that copies it out.
public struct SpilledArray: @unchecked Sendable {
    public let file: UnsafeMutablePointer<FILE>
    /// The elements' indent.
    public let indent: Int
    /// What the file holds, for errors ("the temporary file for …").
    let contents: String
    private var out: JSONOutput
    public private(set) var count = 0

    public init(file: UnsafeMutablePointer<FILE>, indent: Int, holding contents: String) {
        self.file = file
        self.indent = indent
        self.contents = contents
        out = JSONOutput(fileDescriptor: fileno(file))
    }

    /// The next element.
    public mutating func append(_ element: JSONValue) {
        separate()
        element.write(to: &out, indent: indent)
    }

    /// The next element, written by `write` into the file's output at `indent`.
    public mutating func append(writing write: (inout JSONOutput, Int) -> Void) {
        separate()
        write(&out, indent)
    }

    private mutating func separate() {
        if count > 0 { out.append(",\n") }
        out.appendSpaces(indent)
        count += 1
    }

    /// Writes what is buffered; throws `OutputWriteError` if any write to the file failed.
    public mutating func finish() throws {
        out.flush()
        try out.checkWrites(of: "the temporary file for \(contents)")
        fflush(file)
    }

    /// The array as a document part (after `finish`).
    public var document: JSONDocument { .spilled(count: count, file: file) }
}
