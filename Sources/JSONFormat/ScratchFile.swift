#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file for the parts of a streamed document that are written before their place in
/// it (`JSONDocument.spilled`): anonymous (`tmpfile`), so it is removed when closed, even if
/// the process dies.
public enum ScratchFile {
    /// Runs `body` with a fresh temporary file open for reading and writing, and closes it after.
    /// Throws `ScratchFileError` ("cannot create a temporary file for `contents`") when none can be made.
    public static func with<T>(for contents: String, _ body: (UnsafeMutablePointer<FILE>) throws -> T) throws -> T {
        guard let file = tmpfile() else { throw ScratchFileError("cannot create a temporary file for \(contents)") }
        defer { fclose(file) }
        return try body(file)
    }

    /// Runs `body` with one fresh temporary file per entry of `contents`, in that order.
    public static func with<T>(for contents: [String], _ body: ([UnsafeMutablePointer<FILE>]) throws -> T) throws -> T {
        func open(_ files: [UnsafeMutablePointer<FILE>]) throws -> T {
            guard files.count < contents.count else { return try body(files) }
            return try with(for: contents[files.count]) { try open(files + [$0]) }
        }
        return try open([])
    }
}

/// No temporary file could be made (a file-system error: bad input, exit 2).
public struct ScratchFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
