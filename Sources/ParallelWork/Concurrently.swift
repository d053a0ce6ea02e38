import Foundation

/// Runs `first` on this thread while `second` runs on another, and returns both results (for
/// instance the limit and the lasso path in `compare`, independent computations). Errors are
/// reported as if `first` had run before `second`: its error wins, then `second`'s.
///
/// Thread safety is the caller's: the two may share only immutable values (GMP numbers read,
/// never written; GMP itself is reentrant). Progress (`ProgressReport`) is shown for `first`
/// only: a task-local handler cannot be bound on the second thread (the runtime crashes), and
/// reads there find none.
public func concurrently<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
    let box = ResultBox<B>()
    let thread = Thread {
        box.result = Result { try second() }
        box.done.signal()
    }
    // The main thread's stack size: the solvers' frames hold big values.
    thread.stackSize = 8 << 20
    thread.start()
    let mine = Result { try first() }
    box.done.wait()
    let a = try mine.get()
    return (a, try box.result!.get())
}

/// Starts `work` on another thread and returns at once; nobody waits for it (`OrderedPipeline`'s
/// workers, which wait for their items themselves).
public func inBackground(_ work: @escaping @Sendable () -> Void) {
    let thread = Thread { work() }
    thread.stackSize = 8 << 20
    thread.start()
}

/// The second thread's result; written before `done` is signalled and read after waiting on it.
private final class ResultBox<B>: @unchecked Sendable {
    var result: Result<B, any Error>?
    let done = DispatchSemaphore(value: 0)
}

/// A value handed to the second thread that only it uses until `concurrently` returns (for
/// instance a scratch file).
public struct Handover<T>: @unchecked Sendable {
    public let value: T
    public init(value: T) { self.value = value }
}
