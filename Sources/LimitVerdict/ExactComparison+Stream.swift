import ExactArithmetic
import Foundation
import JSONFormat
import LassoHomotopy
import ParallelWork
import ProblemDefinition
import ProgressReporting
import SaddleToSaddle

extension ExactComparison {
    /// Writes `compare --json` to `fileDescriptor` with memory flat in the number of saddles and
    /// knots, byte for byte `verdict.document(path:at:_:)` of `ExactComparison(problem, horizon:)`,
    /// and returns the verdict's facts. Streamed on four threads (`stream`), each saddle rendered
    /// beside the limit (`SaddleSpill`) and each knot as found. Every part of the document goes
    /// to a temporary file, and nothing reaches `fileDescriptor` until all four are done: a
    /// failed check writes nothing. `summary` (`compare --json --summary`): the same document
    /// without the saddles, z↓'s pieces and the gap pieces, with the first largest gap in their
    /// place; the saddles are then neither rendered nor kept and only the knots are spilled
    /// (about the cost of the `compare` report).
    public static func writeJSON(_ problem: Problem, horizon: Rational? = nil, at times: [Rational] = [],
                                 _ exact: ExactJSON = .exactStrings, summary: Bool = false,
                                 toFileDescriptor fileDescriptor: Int32 = 1) throws -> VerdictFacts {
        let (saddles, knots) = sources(problem, horizon: horizon)
        return try writeJSON(problem, horizon: horizon, at: times, exact, summary: summary, toFileDescriptor: fileDescriptor,
                             saddles: saddles, knots: knots)
    }

    /// The limit's saddles and the path's knots, handed over in order.
    private static func sources(_ problem: Problem, horizon: Rational?)
        -> (saddles: ((Saddle) throws -> Void) throws -> Void, knots: @Sendable ((Knot, Segment?) throws -> Bool) throws -> Void) {
        let kappaMin = horizon.map { problem.weightDecay + $0.reciprocal }
        return ({ try DLNLimit.forEachSaddle(of: problem, horizon: horizon, $0) },
                { _ = try LassoPath.stream(problem: problem, kappaMin: kappaMin, visit: $0) })
    }

    /// `writeJSON` with the saddles and the knots from these sources (which hand them over in
    /// order, as `forEachSaddle` and `LassoPath.stream` do: tests inject failures here).
    static func writeJSON(_ problem: Problem, horizon: Rational?, at times: [Rational], _ exact: ExactJSON, summary: Bool,
                          toFileDescriptor fileDescriptor: Int32,
                          saddles source: @escaping ((Saddle) throws -> Void) throws -> Void,
                          knots path: @escaping @Sendable ((Knot, Segment?) throws -> Bool) throws -> Void) throws -> VerdictFacts {
        for s in times { try Verdict.check(etaTime: s) }
        let contents = summary ? ["the lasso knots"] : ["the limit's saddles", "the lasso knots", "z↓", "the gap"]
        return try ScratchFile.with(for: contents) { files in
            let rendered = summary ? nil : SaddleSpill(file: files[0], exact)
            defer { rendered?.cancel() }
            let output: Output = summary ? .summary(exact, files[0]) : .json(exact, files)
            let streamed = try stream(problem, horizon: horizon, at: times, output, rendered: rendered, saddles: source, knots: path)
            let parts: VerdictFacts.LongParts = try rendered.map {
                .whole(saddles: try $0.finish(), downwardPieces: streamed.summary.pieces!.document, gap: streamed.verdict.gap.document)
            } ?? .summary(largestGap: streamed.verdict.largestGap.json(exact))
            try streamed.facts.document(parts, knots: streamed.knots!.document, at: streamed.verdict.evaluationsJSON(streamed.summary, exact), exact)
                .writeDocument(toFileDescriptor: fileDescriptor)
            return streamed.facts
        }
    }

    /// The `compare` report for `file`, byte for byte `verdict.text(file:at:format:)` of
    /// `ExactComparison(problem, horizon:)`, built as `writeJSON` builds its document, on the
    /// same four threads: the tables keep only the rows they show (`TableWindow`), so memory is
    /// flat in the number of saddles and knots, and no exact value is turned into text unless
    /// it is shown. With the verdict's facts. A bad time throws before the limit is computed.
    public static func text(_ problem: Problem, horizon: Rational? = nil, at times: [Rational] = [], file: String,
                            format f: NumberFormat = .readable) throws -> (text: String, facts: VerdictFacts) {
        for s in times { try Verdict.check(etaTime: s) }
        let (saddles, knots) = sources(problem, horizon: horizon)
        var streamed = try stream(problem, horizon: horizon, at: times, .text(f), rendered: nil, saddles: saddles, knots: knots)
        return (streamed.verdict.report(file: file, streamed.summary, streamed.facts, f), streamed.facts)
    }

    /// Where a streamed comparison puts what it renders as it goes.
    enum Output {
        /// `compare --json`: its parts to the temporary files for the saddles (`SaddleSpill`),
        /// the knots, z↓ and the gap.
        case json(ExactJSON, [UnsafeMutablePointer<FILE>])
        /// `compare`: the report's tables.
        case text(NumberFormat)
        /// `compare --json --summary`: the knots to their temporary file, and the largest gap.
        case summary(ExactJSON, UnsafeMutablePointer<FILE>)
    }

    /// A comparison streamed to its end: the verdict's thread's state (finished), what it read
    /// of the path, the facts, and for `compare --json` the knots' texts.
    struct Streamed {
        var verdict: VerdictStream
        let summary: PathSummary
        let facts: VerdictFacts
        let knots: SpilledArray?
    }

    /// Four threads: the limit on this one (each saddle handed to `rendered` too), the path on
    /// a second (each knot written as found for JSON), the knots turned into segments, z↓ and the
    /// monotonicity test on a third (`SegmentStream`), and the verdict on a fourth
    /// (`VerdictStream`), which takes saddles and segments as its pieces need them: the channels
    /// hold a few, so the side that runs ahead waits. A side that fails stops the others.
    static func stream(_ problem: Problem, horizon: Rational?, at times: [Rational], _ output: Output, rendered: SaddleSpill?,
                       saddles source: @escaping ((Saddle) throws -> Void) throws -> Void,
                       knots path: @escaping @Sendable ((Knot, Segment?) throws -> Bool) throws -> Void) throws -> Streamed {
        let progress = ProgressReport.handler, stopped = StopFlag()
        // The segments' and the verdict's threads' state, made here (a file is not `Sendable`).
        let knotFile: Handover<UnsafeMutablePointer<FILE>?>, exact: ExactJSON?, sides: Handover<(SegmentStream, VerdictStream)>
        switch output {
        case let .json(e, files):
            (knotFile, exact) = (Handover(value: files[1]), e)
            sides = Handover(value: (
                SegmentStream(weightDecay: problem.weightDecay, horizon: horizon, at: times,
                              downward: SpilledArray(file: files[2], indent: 6, holding: "z↓"), e),
                VerdictStream(problem, horizon: horizon, at: times, .json(SpilledArray(file: files[3], indent: 4, holding: "the gap"), e))))
        case let .summary(e, file):
            (knotFile, exact) = (Handover(value: file), e)
            sides = Handover(value: (SegmentStream(weightDecay: problem.weightDecay, horizon: horizon, at: times),
                                     VerdictStream(problem, horizon: horizon, at: times, .summary)))
        case let .text(f):
            (knotFile, exact) = (Handover(value: nil), nil)
            sides = Handover(value: (SegmentStream(weightDecay: problem.weightDecay, horizon: horizon, at: times, report: f),
                                     VerdictStream(problem, horizon: horizon, at: times, .text(f))))
        }
        // Saddles are few and large (q). Knots are many and small on Mairal–Yu (265,721: taken in
        // batches), few and large on Gaussian designs (~3 MB at 200×200): at most 2²⁶ bits, or
        // 64 knots, ahead, and as many segments (a thread holds what it takes until the other side
        // catches up). The path runs far ahead of the limit at 200×200; more room gained no time.
        let saddles = Channel<Saddle>(capacity: 2)
        let knots = Channel<StreamedKnot>(capacity: 1 << 26, cost: { max($0.bits, 1 << 20) })
        let segments = Channel<StreamedSegment>(capacity: 1 << 26, cost: { max($0.bits, 1 << 20) })
        let (limit, (knotTexts, (segmentSide, verdict))) = try concurrently({
            runSide(stopped, closing: saddles.close) {
                try source { saddle in
                    if stopped.isSet { throw StreamStopped() }
                    rendered?.submit(saddle)
                    saddles.send(saddle)
                }
            }
        }) {
            try concurrently({
                runSide(stopped, closing: knots.close) {
                    try streamPath(path, weightDecay: problem.weightDecay, exact, to: knotFile.value, stopped: stopped,
                                   progress: progress, send: knots.send)
                }
            }) {
                try concurrently({
                    runSide(stopped, closing: segments.close) {
                        try streamSegments(knots, sides.value.0, stopped: stopped, send: segments.send)
                    }
                }) {
                    Handover(value: walk(sides.value.1, saddles: saddles, segments: segments, stopped: stopped))
                }
            }
        }
        // The failure that stopped the others (a side stopped by it throws `StreamStopped`).
        for case let .failure(error) in [limit, knotTexts.map { _ in }, segmentSide.map { _ in }] where !(error is StreamStopped) { throw error }
        let texts = try knotTexts.get(), summary = try segmentSide.get()
        guard var verdict = verdict.value else { throw StreamStopped() }
        try verdict.finish()
        return Streamed(verdict: verdict, summary: summary, facts: verdict.facts(summary), knots: texts)
    }

    /// One side's work, its channel closed when it ends; a side that fails sets `stopped` first,
    /// so the threads reading after it see the flag.
    private static func runSide<T>(_ stopped: StopFlag, closing close: () -> Void, _ body: () throws -> T) -> Result<T, Error> {
        Result {
            defer { close() }
            do { return try body() } catch {
                stopped.set()
                throw error
            }
        }
    }

    /// The path's knots (from `path`, as `LassoPath.stream` hands them over): each written to
    /// `file` with `exact` (for JSON) and handed to `send` with the integer engine's formula of
    /// the segment below it.
    private static func streamPath(_ path: ((Knot, Segment?) throws -> Bool) throws -> Void, weightDecay: Rational, _ exact: ExactJSON?,
                                   to file: UnsafeMutablePointer<FILE>?, stopped: StopFlag, progress: ProgressReport.Handler?,
                                   send: @escaping (StreamedKnot) -> Void) throws -> SpilledArray? {
        var texts = file.map { SpilledArray(file: $0, indent: 4, holding: "the lasso knots") }, count = 0
        try path { knot, below in
            if stopped.isSet { throw StreamStopped() }
            texts?.append { knot.writeJSON(weightDecay: weightDecay, exact!, to: &$0, indent: $1) }
            count += 1
            progress?("lasso path: knots", count) { "κ = \(knot.kappa.decimalString()), \(knot.active.count) of \(knot.x.count) active" }
            send(StreamedKnot(kappa: knot.kappa, x: knot.x, below: below?.numerators, isUnique: knot.isUnique && (below?.isUnique ?? true)))
            return true
        }
        try texts?.finish()
        return texts
    }

    /// The segments' thread: each knot turned into the segment that ends there (`SegmentStream`),
    /// handed to `send`; what the verdict reads of the path once the knots end.
    private static func streamSegments(_ knots: Channel<StreamedKnot>, _ side: SegmentStream, stopped: StopFlag,
                                       send: (StreamedSegment) -> Void) throws -> PathSummary {
        // The path, waiting for room, returns once this thread stops reading.
        defer { knots.cancel() }
        var side = side, minimum = 1
        while true {
            let (batch, closed) = knots.receive(atLeast: minimum)
            minimum = batch.last.map { batchMinimum(after: $0.bits) } ?? minimum
            for k in batch {
                if stopped.isSet { throw StreamStopped() }
                if let segment = side.add(kappa: k.kappa, x: k.x, below: k.below, isUnique: k.isUnique) { send(segment) }
            }
            if stopped.isSet { throw StreamStopped() }
            if closed { return try side.finish() }
        }
    }

    /// The verdict's thread: saddles and segments taken as the pieces need them; nil when a side failed.
    private static func walk(_ stream: VerdictStream, saddles: Channel<Saddle>, segments: Channel<StreamedSegment>,
                             stopped: StopFlag) -> VerdictStream? {
        // A producer waiting for room returns once this thread stops reading.
        defer {
            saddles.cancel()
            segments.cancel()
        }
        var stream = stream
        var saddlesOpen = true, segmentsOpen = true, minimum = 1
        while !stopped.isSet {
            if saddlesOpen && stream.waitsForSaddle {
                let (batch, closed) = stream.idle { saddles.receive() }
                for saddle in batch where !stopped.isSet { stream.add(saddle) }
                if closed { saddlesOpen = false }
                if closed && !stopped.isSet { stream.endSaddles() }
            } else if segmentsOpen && stream.waitsForSegment {
                let (batch, closed) = stream.idle { segments.receive(atLeast: minimum) }
                minimum = batch.last.map { batchMinimum(after: $0.bits) } ?? minimum
                for segment in batch where !stopped.isSet { stream.add(segment) }
                if closed { segmentsOpen = false }
                if closed && !stopped.isSet { stream.endSegments() }
            } else {
                break // every piece is cut
            }
        }
        if stopped.isSet { stream.cancel() }
        return stopped.isSet ? nil : stream
    }
}

/// How many knots or segments to wait for after one of `bits` bits: small ones (Mairal–Yu's, a
/// few words) 16 at a time, not to wake the thread for each (p = 12: 11% slower one at a time);
/// large ones (a Gaussian design's, megabits) as they come, so that no thread waits for a batch.
private func batchMinimum(after bits: Int) -> Int { bits < 1 << 16 ? 16 : 1 }

/// A knot as the path hands it to the segments' thread.
struct StreamedKnot: Sendable {
    let kappa: Rational
    let x: [Rational]
    let below: SegmentNumerators?
    let isUnique: Bool

    /// About the bits it holds (x and the segment's numerators).
    var bits: Int {
        x.bits + (below.map { $0.U.bits + $0.W.bits } ?? 0)
    }
}

// About the bits values hold: what the channels between the threads count.
extension [Rational] {
    var bits: Int { reduce(0) { $0 + $1.numerator.bitWidth + $1.denominator.bitWidth } }
}

extension [BigInteger] {
    var bits: Int { reduce(0) { $0 + $1.bitWidth } }
}

/// A side of `compare --json` stopped because another failed.
struct StreamStopped: Error {}

/// Set by the thread that fails, read by the others.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
