import ExactArithmetic
import Foundation
import JSONFormat
import ParallelWork
import ProblemDefinition

extension DLNLimit {
    /// Writes `limit --json` while the limit is computed, byte for byte
    /// `DLNLimit(problem:horizon:).document(at:_:)`, with memory flat in the number of saddles:
    /// each saddle is rendered to text on a worker thread while the event loop finds the next
    /// ones (`forEachSaddle`; at most `backlog` saddles are pending, the loop waits beyond), the
    /// texts go in order to a temporary file (`ScratchFile`) and the saddle is dropped; the
    /// evaluations at `times` are made as their saddle passes. The document lists "unique"
    /// before the saddles, known only at the end, so nothing reaches `fileDescriptor` until the
    /// limit has finished: a `LimitError` (or a bad time, checked first) leaves it untouched.
    public static func writeJSON(problem: Problem, horizon: Rational? = nil, at times: [Rational] = [],
                                 _ exact: ExactJSON = .exactStrings, toFileDescriptor fileDescriptor: Int32 = 1) throws {
        try writeJSON(problem: problem, horizon: horizon, at: times, exact, toFileDescriptor: fileDescriptor) {
            try forEachSaddle(of: problem, horizon: horizon, $0)
        }
    }

    /// `writeJSON` with the saddles from `source` (which hands them to its argument in order, as
    /// `forEachSaddle` does: tests inject a failure here) rendered by `workers` threads, at most
    /// `backlog` saddles pending.
    static func writeJSON(problem: Problem, horizon: Rational?, at times: [Rational], _ exact: ExactJSON,
                          toFileDescriptor fileDescriptor: Int32, workers: Int = 2, backlog: Int = 3,
                          source: (_ visit: (Saddle) throws -> Void) throws -> Void) throws {
        var evaluations = try PassingTimes(times, horizon: horizon) { $0.evaluationJSON(at: $1, exact) }
        try ScratchFile.with(for: "the limit's saddles") { spill in
            let saddles = SaddleSpill(file: spill, exact, workers: workers, backlog: backlog)
            defer { saddles.cancel() }
            var unique = true
            try source { saddle in
                evaluations.pass(saddle)
                unique = unique && saddle.isUnique
                saddles.submit(saddle)
            }
            try document(problem, unique: unique, saddles: saddles.finish(), at: evaluations.finish(),
                         horizon: horizon, exact).writeDocument(toFileDescriptor: fileDescriptor)
        }
    }
}

/// Saddles rendered to text beside the event loop and written in order to a temporary file
/// (`limit --json`, `compare --json`): decimal conversion of q is most of the cost, so saddles
/// are rendered (q's factors found and its digits written) on `workers` threads, on both cores
/// once the loop waits (`OrderedPipeline`: at most `backlog` pending, `submit` waits beyond), and
/// each text is written as soon as those before it are; then the saddle is dropped.
package final class SaddleSpill: @unchecked Sendable {
    private let texts: SaddleTexts
    private let rendering: OrderedPipeline<Saddle, JSONOutput>
    private let file: UnsafeMutablePointer<FILE>
    private var count = 0

    package init(file: UnsafeMutablePointer<FILE>, _ exact: ExactJSON, workers: Int = 2, backlog: Int = 3) {
        self.file = file
        let texts = SaddleTexts(fileDescriptor: fileno(file))
        self.texts = texts
        rendering = OrderedPipeline(workers: workers, backlog: backlog, transform: { saddle in
            var text = texts.emptyOutput()
            saddle.writeJSON(exact, to: &text, indent: 4)
            return text
        }, consume: texts.write)
    }

    /// The next saddle (waits while `backlog` are pending).
    package func submit(_ saddle: Saddle) {
        count += 1
        rendering.submit(saddle)
    }

    /// Waits for every saddle's text; the saddles as the document's array (at indent 2).
    package func finish() throws -> JSONDocument {
        rendering.finish()
        try texts.flush()
        return .spilled(count: count, file: file)
    }

    /// Stops the workers (the producer failed); harmless after `finish`.
    package func cancel() { rendering.cancel() }
}

/// The saddles' texts written in order to the temporary file, one `write` at a time (as
/// `OrderedPipeline` calls it), with the in-memory outputs of texts already written kept for the
/// next saddles (at most two): a saddle's text is tens of MB, whose pages a fresh buffer would
/// fault in again.
private final class SaddleTexts: @unchecked Sendable {
    private var out: JSONOutput
    private var written = 0
    private let lock = NSLock()
    private var spare: [JSONOutput] = []

    init(fileDescriptor: Int32) { out = JSONOutput(fileDescriptor: fileDescriptor) }

    /// Saddle `written`'s text, as the element of an array at indent 2.
    func write(_ text: JSONOutput) {
        out.append(written == 0 ? "    " : ",\n    ")
        out.append(contentsOf: text)
        written += 1
        lock.lock()
        if spare.count < 2 { spare.append(text) }
        lock.unlock()
    }

    func flush() throws {
        out.flush()
        try out.checkWrites(of: "the temporary file for the limit's saddles")
    }

    /// An empty output, with a kept buffer when there is one.
    func emptyOutput() -> JSONOutput {
        lock.lock()
        var text = spare.popLast() ?? JSONOutput()
        lock.unlock()
        text.removeAll() // emptied here, where nothing else holds it: the buffer is kept, not copied
        return text
    }
}
