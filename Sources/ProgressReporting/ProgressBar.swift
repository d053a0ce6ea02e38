import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when stderr is a terminal (so logs and
/// pipes stay clean). Pass `bar.update` as the `progress` callback of `ZFlow.solve`,
/// `EpsilonSweep.run`, … and call `finish()` at the end.
public final class ProgressBar {
    public let label: String
    public let enabled: Bool
    private var lastPermille = -1

    public init(label: String, enabled: Bool? = nil) {
        self.label = label
        self.enabled = enabled ?? (isatty(2) != 0)
    }

    /// Redraws when the shown value changes (0.1% steps), so callers may call it often.
    public func update(_ fraction: Double) {
        guard enabled else { return }
        let permille = Int((min(max(fraction, 0), 1) * 1000).rounded(.down))
        guard permille != lastPermille else { return }
        lastPermille = permille
        let width = 30
        let filled = permille * width / 1000
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let text = "\r\(label) [\(bar)] \(permille / 10).\(permille % 10)%"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Ends the line.
    public func finish() {
        guard enabled else { return }
        update(1)
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
