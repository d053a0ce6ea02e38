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
        let seconds = Self.seconds(now - start)
        let width = 30
        let filled = total == 0 ? width : width * tried / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "\r[%@] %d/%d tried, %d found, %.0f/s ", bar, tried, total, found, Double(tried) / max(seconds, 1e-9))
        FileHandle.standardError.write(Data(line.utf8))
    }

    public func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// "N instances in 1.23 s, 456 per second": the closing note of a search.
    public static func rate(_ n: Int, since start: ContinuousClock.Instant) -> String {
        let seconds = seconds(ContinuousClock.now - start)
        return String(format: "%d instances in %.2f s, %.0f per second", n, seconds, Double(n) / max(seconds, 1e-9))
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
