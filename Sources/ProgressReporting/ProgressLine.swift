import Foundation

/// One self-overwriting progress line on standard error, at most five updates a second: pass
/// `show` as `ProgressReport.handler` while a long computation runs, then call `finish()`.
public final class ProgressLine: @unchecked Sendable {
    public init() {}

    private let lock = NSLock()
    private var last = ContinuousClock.now - .seconds(1)
    private var shown = false

    public func show(_ stage: String, _ count: Int, _ detail: () -> String) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(200) else { return }
        last = now
        let text = "\(stage) \(count)\(detail().isEmpty ? "" : ", " + detail())"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(text.prefix(150))).utf8))
        shown = true
    }

    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Runs `body` with its `ProgressReport`s shown on one line of standard error when that is a
    /// terminal and not `quiet`; the line is erased afterwards.
    public static func showing<T>(quiet: Bool, _ body: () throws -> T) rethrows -> T {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return try body() }
        let line = ProgressLine()
        defer { line.finish() }
        return try ProgressReport.$handler.withValue({ stage, count, detail in line.show(stage, count, detail) }, operation: body)
    }
}
