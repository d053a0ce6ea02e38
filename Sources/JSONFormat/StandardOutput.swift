import Foundation

/// Whether a write to the standard output failed, process-wide: `JSONOutput`s write JSON to it
/// on any thread and `print` writes text, and a full disk must end in an error (exit 2), never
/// in a file cut short and exit 0.
public enum StandardOutput {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var failure: Int32?

    /// Notes errno `code` of a failed write to file descriptor 1 (the first one is kept).
    static func record(_ code: Int32) {
        lock.lock()
        if failure == nil { failure = code }
        lock.unlock()
    }

    /// Flushes `print`'s buffer and throws `OutputWriteError` if any write to the standard output
    /// failed, but for a closed pipe (its reader stopped, as `head` does: not an error).
    public static func check() throws {
        if fflush(nil) != 0 { record(errno) } // every stdio stream: `print`'s is the one written
        lock.lock()
        let code = failure
        lock.unlock()
        if let code, code != EPIPE { throw OutputWriteError(what: "the standard output", code: code) }
    }
}

/// A write failed (a full disk, an I/O error): the output or a temporary file would be cut short
/// (a file-system error, exit 2).
public struct OutputWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was being written: "the standard output", "the temporary file for the path's segments".
    public let what: String
    /// errno of the first failed write.
    public let code: Int32

    public init(what: String, code: Int32) {
        self.what = what
        self.code = code
    }

    public var description: String { "cannot write \(what): \(String(cString: strerror(code)))" }
}
