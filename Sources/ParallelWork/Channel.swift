import Foundation

/// Values handed in order from one thread that makes them to another that consumes them as they
/// come (`compare`: the lasso path's knots, streamed on the second thread of `concurrently`, are
/// read by the first thread once its own work, the limit, is done). The consumer receives
/// batches, in the order sent, each value exactly once.
///
/// The producer must `close` the channel when it stops, also when it fails (`defer`), or a
/// waiting consumer never returns. With a `capacity`, `send` waits while the values unread cost
/// that much (`cost`: 1 each by default, or their size), so memory stays flat when the producer
/// runs ahead; a consumer that stops early must `cancel`, or a waiting producer never returns.
public final class Channel<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [T] = []
    private var closed = false, cancelled = false
    private let capacity: Int
    private let cost: (T) -> Int
    /// The cost of the values unread.
    private var unread = 0
    /// How many values the waiting consumer needs (0: none is waiting).
    private var wanted = 0

    /// `capacity`: the most the values unread may cost (`send` waits beyond; one value is always let in).
    public init(capacity: Int = .max, cost: @escaping (T) -> Int = { _ in 1 }) {
        precondition(capacity >= 1, "a channel holds at least one value")
        self.capacity = capacity
        self.cost = cost
    }

    private var isFull: Bool { unread >= capacity && !buffer.isEmpty }

    /// Appends a value (producer); waits while the values unread cost `capacity`. Dropped once
    /// the consumer has cancelled.
    public func send(_ value: T) {
        let c = cost(value)
        condition.lock()
        while isFull && !cancelled { condition.wait() }
        if !cancelled {
            buffer.append(value)
            unread += c
        }
        let wake = wanted > 0 && (buffer.count >= wanted || isFull)
        condition.unlock()
        if wake { condition.broadcast() }
    }

    /// The consumer reads no more: values are dropped and a waiting producer returns.
    public func cancel() {
        condition.lock()
        cancelled = true
        buffer = []
        unread = 0
        condition.unlock()
        condition.broadcast()
    }

    /// No more values will be sent (producer); wakes a waiting consumer.
    public func close() {
        condition.lock()
        closed = true
        condition.unlock()
        condition.broadcast()
    }

    /// Every value sent and not yet received, in order, once at least `minimum` are waiting, the
    /// channel is full or it is closed; `closed` tells whether the batch is the last (it may be empty).
    public func receive(atLeast minimum: Int = 1) -> (values: [T], closed: Bool) {
        condition.lock()
        wanted = max(1, minimum)
        while buffer.count < wanted && !isFull && !closed { condition.wait() }
        wanted = 0
        let values = buffer, last = closed
        buffer = []
        unread = 0
        condition.unlock()
        condition.broadcast() // a producer waiting for room
        return (values, last)
    }
}
