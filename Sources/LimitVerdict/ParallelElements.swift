import Foundation
import JSONFormat

/// The elements 0..<count of a long JSON array, rendered ahead on two threads in chunks and
/// handed out in order: turning exact values into decimal text is most of the cost of writing
/// `compare --json` (its saddles alone are 74 MB on a 200×100 Gaussian design), and elements are
/// independent. The order and the bytes are those of rendering one element at a time.
struct ParallelElements: Sequence {
    let count: Int
    /// Elements per thread and chunk: a chunk of 2·`chunk` rendered values is held at a time
    /// (one saddle of a 100×200 Gaussian design is ~8 MB of text, so one each by default).
    let chunk: Int
    let element: @Sendable (Int) -> JSONValue

    init(count: Int, chunk: Int = 1, _ element: @escaping @Sendable (Int) -> JSONValue) {
        self.count = count
        self.chunk = chunk
        self.element = element
    }

    struct Iterator: IteratorProtocol {
        let elements: ParallelElements
        var start = 0
        var ready: [JSONValue] = []
        var position = 0

        mutating func next() -> JSONValue? {
            if position == ready.count {
                guard start < elements.count else { return nil }
                ready = elements.render(start..<Swift.min(elements.count, start + 2 * elements.chunk))
                start += ready.count
                position = 0
            }
            position += 1
            return ready[position - 1]
        }
    }

    func makeIterator() -> Iterator { Iterator(elements: self) }

    /// The elements of `range` in order, its two halves rendered concurrently.
    func render(_ range: Range<Int>) -> [JSONValue] {
        let middle = range.lowerBound + (range.count + 1) / 2
        let halves = [range.lowerBound..<middle, middle..<range.upperBound]
        let slots = RenderedHalves()
        DispatchQueue.concurrentPerform(iterations: 2) { h in
            let rendered = halves[h].map(element)
            slots.store(h, rendered)
        }
        return slots.joined
    }
}

/// The two halves, each written by one thread before `concurrentPerform` returns.
private final class RenderedHalves: @unchecked Sendable {
    private let lock = NSLock()
    private var halves: [[JSONValue]] = [[], []]

    func store(_ h: Int, _ values: [JSONValue]) {
        lock.lock()
        defer { lock.unlock() }
        halves[h] = values
    }

    var joined: [JSONValue] { halves[0] + halves[1] }
}
