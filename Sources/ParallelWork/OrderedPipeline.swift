import Foundation

/// Items transformed on worker threads while the thread that makes them goes on, each result
/// consumed in the order the items were submitted (`limit --json`: saddles rendered to text
/// beside the event loop and written to a file in order).
///
/// `consume` runs on a worker thread, one call at a time, in submission order: the worker that
/// finishes the next item in order consumes it and any later ones already done, so a result waits
/// only for the items before it. At most `backlog` items are pending (submitted, not yet
/// consumed): `submit` waits beyond that, so memory holds a few items whatever their number.
/// One thread submits; `finish` or `cancel` ends the pipeline (call one of them, also when the
/// producer fails, or the workers wait for items forever).
public final class OrderedPipeline<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let backlog: Int
    private let transform: (Input) -> Output
    private let consume: (Output) -> Void
    /// Items not yet taken by a worker, oldest first, with their sequence numbers.
    private var waiting: [(Int, Input)] = []
    /// Results by sequence number, until consumed.
    private var done: [Int: Output] = [:]
    private var submitted = 0, consumed = 0
    private var consuming = false, closed = false, cancelled = false
    /// Threads computing (the producer counts while it is not waiting in `submit`): at most
    /// `workers`, one a core, as threads beyond the cores slow each other down (cache).
    private var running = 1
    private let cores: Int
    /// The producer may go on (`submit` no longer waits for the backlog) but no core is free:
    /// workers start no new item until it has one.
    private var producerReady = false

    /// Starts `workers` threads (8 MB stacks, as `concurrently`).
    public init(workers: Int, backlog: Int, transform: @escaping @Sendable (Input) -> Output,
                consume: @escaping @Sendable (Output) -> Void) {
        precondition(workers >= 1 && backlog >= 1)
        self.backlog = backlog
        self.transform = transform
        self.consume = consume
        cores = workers
        for _ in 0..<workers { inBackground { [self] in work() } }
    }

    /// Hands `input` to the workers; waits while more than `backlog` items are pending.
    public func submit(_ input: Input) {
        condition.lock()
        waiting.append((submitted, input))
        submitted += 1
        running -= 1
        condition.broadcast()
        while !cancelled && submitted - consumed > backlog { condition.wait() }
        producerReady = true
        while !cancelled && running >= cores { condition.wait() }
        producerReady = false
        running += 1
        condition.unlock()
    }

    /// Waits until every item is consumed; the workers then exit.
    public func finish() {
        condition.lock()
        closed = true
        running -= 1
        condition.broadcast()
        while !cancelled && consumed < submitted { condition.wait() }
        running += 1
        condition.unlock()
    }

    /// Runs `body`, in which the producer waits for its own input (a channel), without counting
    /// it as running, so that a worker may take its core meanwhile.
    public func idle<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
        defer {
            condition.lock()
            running += 1
            condition.unlock()
        }
        return try body()
    }

    /// Drops the items no worker has taken and the results not consumed, and returns once no
    /// `consume` call is running (none follows, so what it writes to can be closed); the workers
    /// exit after their current item, nobody waiting for them.
    public func cancel() {
        condition.lock()
        waiting.removeAll()
        done.removeAll()
        cancelled = true
        closed = true
        condition.broadcast()
        while consuming { condition.wait() }
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            while (waiting.isEmpty || running >= cores || producerReady) && !(closed && waiting.isEmpty) && !cancelled { condition.wait() }
            if waiting.isEmpty || cancelled { return condition.unlock() }
            let (k, input) = waiting.removeFirst()
            running += 1
            condition.unlock()
            let result = transform(input)
            condition.lock()
            running -= 1
            condition.broadcast()
            if cancelled { continue }
            done[k] = result
            guard !consuming else { continue } // the consuming worker takes it in its turn
            consuming = true
            while !cancelled, let next = done.removeValue(forKey: consumed) {
                condition.unlock()
                consume(next)
                condition.lock()
                consumed += 1
                condition.broadcast()
            }
            consuming = false
        }
    }
}
