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
            // Decimal conversion of q is most of the cost: saddles are rendered (q's factors found
            // and its digits written) beside the event loop, on both cores once it waits.
            let spare = SpareOutputs()
            let rendering = OrderedPipeline<Saddle, JSONOutput>(workers: workers, backlog: backlog) { saddle in
                var text = spare.take()
                saddle.writeJSON(exact, to: &text, indent: 4)
                return text
            }
            defer { rendering.cancel() }
            var saddles = JSONOutput(fileDescriptor: fileno(spill))
            var count = 0, written = 0, unique = true
            func write(_ text: JSONOutput) {
                saddles.append(written == 0 ? "    " : ",\n    ")
                saddles.append(contentsOf: text)
                written += 1
                spare.keep(text)
            }
            try source { saddle in
                evaluations.pass(saddle)
                unique = unique && saddle.isUnique
                count += 1
                rendering.submit(saddle, consume: write)
            }
            rendering.finish(consume: write)
            saddles.flush()
            try document(problem, unique: unique, saddles: .spilled(count: count, file: spill), at: evaluations.finish(),
                         horizon: horizon, exact).writeDocument(toFileDescriptor: fileDescriptor)
        }
    }
}

/// The in-memory outputs of texts already written, kept for the next saddles (at most two): a
/// saddle's text is tens of MB, whose pages a fresh buffer would fault in again.
private final class SpareOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var spare: [JSONOutput] = []

    /// An empty output, with a kept buffer when there is one.
    func take() -> JSONOutput {
        lock.lock()
        var out = spare.popLast() ?? JSONOutput()
        lock.unlock()
        out.removeAll() // emptied here, where nothing else holds it: the buffer is kept, not copied
        return out
    }

    func keep(_ out: JSONOutput) {
        lock.lock()
        if spare.count < 2 { spare.append(out) }
        lock.unlock()
    }
}
