import Foundation

/// A progress bar that appears only once a run has taken a second (and only on a terminal,
/// as `ProgressBar` decides).
public final class DelayedProgressBar {
    private let bar: ProgressBar
    private let start = ContinuousClock.now
    private var shown = false

    /// `quiet`: never shown (--quiet).
    public init(label: String, quiet: Bool = false) {
        bar = ProgressBar(label: label)
        self.quiet = quiet
    }

    private let quiet: Bool

    public func update(_ fraction: Double) {
        guard bar.enabled, !quiet else { return }
        if !shown {
            guard ContinuousClock.now - start >= .seconds(1) else { return }
            shown = true
        }
        bar.update(fraction)
    }

    public func finish() {
        if shown { bar.finish() }
    }
}
