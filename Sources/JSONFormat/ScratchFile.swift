import DataFormats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file for the parts of a streamed document that are written before their place in
/// it (`JSONDocument.spilled`): in `$TMPDIR` (else /tmp), unlinked as soon as it is made, so it
/// is removed when closed, even if the process dies.
public enum ScratchFile {
    /// The directory temporary files go to: `$TMPDIR`, else /tmp.
    public static var directory: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// Runs `body` with a fresh temporary file open for reading and writing, and closes it after.
    /// Throws `ScratchFileError` (naming `contents`, the directory and why) when none can be made.
    public static func with<T>(for contents: String, _ body: (UnsafeMutablePointer<FILE>) throws -> T) throws -> T {
        func failure() -> ScratchFileError {
            ScratchFileError("cannot create a temporary file for \(contents) in \(directory): \(posixReason(errno)) (TMPDIR chooses the directory)")
        }
        var template = Array("\(directory)/dlnpath-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure() }
        unlink(template)
        guard let file = fdopen(fd, "w+") else {
            let error = failure()
            close(fd)
            throw error
        }
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
