import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, only when it is a terminal: found/tried and the rate.
public final class SearchProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)

    /// nil when standard error is not a terminal (logs, CI, pipes get no control characters).
    public init?(total: Int) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        self.total = total
    }

    public func update(tried: Int, found: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) || tried == total else { return }
        lastDraw = now
        let elapsed = now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let width = 30
        let filled = total == 0 ? width : width * tried / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "\r[%@] %d/%d tried, %d found, %.0f/s ", bar, tried, total, found, Double(tried) / max(seconds, 1e-9))
        FileHandle.standardError.write(Data(line.utf8))
    }

    public func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
