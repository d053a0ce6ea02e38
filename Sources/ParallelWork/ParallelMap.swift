import Foundation

/// `items.map(transform)` on `jobs` threads, results in input order whatever the scheduling, so
/// parallel work prints and writes exactly what a sequential run would. Threads take chunks of
/// consecutive items from a shared cursor (cheap items do not leave a thread idle).
public func parallelMap<T, R>(_ items: [T], jobs: Int, chunk: Int = 16, _ transform: @escaping @Sendable (T) -> R) -> [R]
where T: Sendable, R: Sendable {
    let jobs = max(1, min(jobs, items.count))
    if jobs == 1 { return items.map(transform) }
    let state = ParallelState<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: jobs) { _ in
        var local: [(Int, R)] = []
        while let range = state.nextRange(chunk) {
            for k in range { local.append((k, transform(items[k]))) }
        }
        state.store(local)
    }
    return state.results()
}

/// The shared cursor and the collected results, behind a lock.
private final class ParallelState<R>: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private let count: Int
    private var slots: [R?]

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    func nextRange(_ chunk: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < count else { return nil }
        let range = cursor..<min(count, cursor + chunk)
        cursor = range.upperBound
        return range
    }

    func store(_ local: [(Int, R)]) {
        lock.lock()
        defer { lock.unlock() }
        for (k, r) in local { slots[k] = r }
    }

    func results() -> [R] { slots.map { $0! } }
}
