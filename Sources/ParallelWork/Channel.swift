import Foundation

/// Values handed in order from one thread that makes them to another that consumes them as they
/// come (`compare`: the lasso path's knots, streamed on the second thread of `concurrently`, are
/// read by the first thread once its own work, the limit, is done). The consumer receives
/// batches, in the order sent, each value exactly once.
///
/// The producer must `close` the channel when it stops, also when it fails (`defer`), or a
/// waiting consumer never returns.
public final class Channel<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [T] = []
    private var closed = false
    /// How many values the waiting consumer needs (0: none is waiting).
    private var wanted = 0

    public init() {}

    /// Appends a value (producer).
    public func send(_ value: T) {
        condition.lock()
        buffer.append(value)
        let wake = wanted > 0 && buffer.count >= wanted
        condition.unlock()
        if wake { condition.signal() }
    }

    /// No more values will be sent (producer); wakes a waiting consumer.
    public func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }

    /// Every value sent and not yet received, in order, once at least `minimum` are waiting or
    /// the channel is closed; `closed` tells whether the batch is the last (it may be empty).
    public func receive(atLeast minimum: Int = 1) -> (values: [T], closed: Bool) {
        condition.lock()
        defer { condition.unlock() }
        wanted = max(1, minimum)
        while buffer.count < wanted && !closed { condition.wait() }
        wanted = 0
        let values = buffer
        buffer = []
        return (values, closed)
    }
}
