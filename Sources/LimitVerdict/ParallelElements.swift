import Foundation
import JSONFormat
import ParallelWork

/// The elements 0..<count of a long JSON array, rendered ahead on two threads in chunks as their
/// pretty text at `indent` and handed out in order (`JSONDocument.rendered`): turning exact
/// values into decimal text is most of the cost of writing `compare --json`'s z↓ and gap pieces,
/// and elements are independent. The order and the bytes are those of rendering one element at
/// a time.
///
/// Each thread renders a run of consecutive elements in order with one `State` (from `initial`,
/// fresh per run): what an element leaves there for the next (`RecentTexts`: the texts of values
/// that recur) must not change any element's text.
struct ParallelElements<State>: Sequence {
    let count: Int
    /// Elements per thread and chunk: a chunk of 2·`chunk` rendered values is held at a time.
    /// By default one each up to 1,024 elements (a z↓ piece of a Gaussian design holds numbers of
    /// ~500,000 bits), and about 1/1,024 of a longer array (Mairal–Yu's 265,721 small gap
    /// pieces: a hand-over per pair would cost more than rendering them).
    let chunk: Int
    let indent: Int
    let initial: @Sendable () -> State
    let element: @Sendable (Int, inout State) -> JSONValue

    init(count: Int, chunk: Int? = nil, indent: Int, initial: @escaping @Sendable () -> State,
         _ element: @escaping @Sendable (Int, inout State) -> JSONValue) {
        self.count = count
        self.chunk = chunk ?? Swift.max(1, count / 1024)
        self.indent = indent
        self.initial = initial
        self.element = element
    }

    /// An array of `count` elements as a document part.
    static func document(count: Int, chunk: Int? = nil, initial: @escaping @Sendable () -> State,
                         _ element: @escaping @Sendable (Int, inout State) -> JSONValue) -> JSONDocument {
        .rendered(count: count) { indent in AnySequence(ParallelElements(count: count, chunk: chunk, indent: indent, initial: initial, element)) }
    }

    struct Iterator: IteratorProtocol {
        let elements: ParallelElements<State>
        var start = 0
        var ready: [[UInt8]] = []
        var position = 0

        mutating func next() -> [UInt8]? {
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

    /// The text of the elements of `range` in order, its two halves rendered concurrently.
    func render(_ range: Range<Int>) -> [[UInt8]] {
        let middle = range.lowerBound + (range.count + 1) / 2, element = element, indent = indent, initial = initial
        return parallelMap([range.lowerBound..<middle, middle..<range.upperBound], jobs: 2, chunk: 1) { half in
            var state = initial()
            return half.map { k in
                var out = JSONOutput()
                element(k, &state).write(to: &out, indent: indent)
                return out.utf8
            }
        }
        .flatMap { $0 }
    }
}
