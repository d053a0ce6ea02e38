/// Progress of long work, for a person watching a terminal.
///
/// The library reports (`ProgressReport.note`) without knowing who listens; a front end that
/// wants it binds `handler` for the duration of the work (`ProgressReport.$handler.withValue`).
/// With no handler bound, a report costs one task-local read and builds no text.
public enum ProgressReport {
    /// (stage, items done so far, a detail built only when the handler wants it).
    public typealias Handler = @Sendable (_ stage: String, _ count: Int, _ detail: () -> String) -> Void

    @TaskLocal public static var handler: Handler?

    /// Reports that `stage` has reached `count` items; `detail` (e.g. "κ = 0.25") is built lazily.
    public static func note(_ stage: String, _ count: Int, _ detail: @autoclosure () -> String = "") {
        handler?(stage, count, detail)
    }
}
