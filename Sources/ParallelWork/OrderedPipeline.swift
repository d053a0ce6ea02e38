import Foundation

/// Items transformed on worker threads while the thread that makes them goes on, the results
/// handed back to that thread in the order the items were submitted (`limit --json`: saddles
/// rendered to text while the event loop finds the next ones, and written in order).
///
/// At most `backlog` items are pending (submitted, their result not yet handed back): `submit`
/// waits beyond that, so memory holds a few items whatever their number. Results are handed back
/// only inside `submit` and `finish`, on the calling thread, so the consumer needs no lock.
/// One thread submits; `finish` or `cancel` ends the pipeline (call one of them, also when the
/// producer fails, or the workers wait for items forever).
public final class OrderedPipeline<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let backlog: Int
    private let transform: (Input) -> Output
    /// Items not yet taken by a worker, oldest first, with their sequence numbers.
    private var waiting: [(Int, Input)] = []
    /// Results by sequence number, until handed back.
    private var done: [Int: Output] = [:]
    private var submitted = 0, handedBack = 0
    private var closed = false, cancelled = false

    /// Starts `workers` threads (8 MB stacks, one malloc arena as `concurrently`) that apply `transform`.
    public init(workers: Int, backlog: Int, _ transform: @escaping @Sendable (Input) -> Output) {
        precondition(workers >= 1 && backlog >= 1)
        self.backlog = backlog
        self.transform = transform
        for _ in 0..<workers { inBackground { [self] in work() } }
    }

    /// Hands `input` to the workers after passing every result that is ready, in order, to
    /// `consume`; while more than `backlog` items are pending, waits for the oldest one's result.
    public func submit(_ input: Input, consume: (Output) throws -> Void) rethrows {
        condition.lock()
        waiting.append((submitted, input))
        submitted += 1
        condition.broadcast()
        condition.unlock()
        try handBack(whilePendingExceed: backlog, consume)
    }

    /// Waits for every pending result, passing them in order to `consume`; the workers then exit.
    public func finish(consume: (Output) throws -> Void) rethrows {
        close()
        try handBack(whilePendingExceed: 0, consume)
    }

    /// Drops the items no worker has taken; the workers exit after their current item (nobody
    /// waits for them). Results not handed back are discarded; `submit` and `finish` hand back
    /// nothing more.
    public func cancel() {
        condition.lock()
        waiting.removeAll()
        done.removeAll()
        cancelled = true
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands back the ready results in order, waiting for the next one while more than `limit`
    /// items are pending.
    private func handBack(whilePendingExceed limit: Int, _ consume: (Output) throws -> Void) rethrows {
        while true {
            condition.lock()
            while !cancelled && done[handedBack] == nil && submitted - handedBack > limit { condition.wait() }
            guard let result = done.removeValue(forKey: handedBack) else { return condition.unlock() }
            handedBack += 1
            condition.unlock()
            try consume(result)
        }
    }

    private func work() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty { return condition.unlock() }
            let (k, input) = waiting.removeFirst()
            condition.unlock()
            let result = transform(input)
            condition.lock()
            if !cancelled { done[k] = result }
            condition.broadcast()
            condition.unlock()
        }
    }
}
