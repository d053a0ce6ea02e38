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
    /// and returns the verdict's facts. Three threads: the limit on this one (each saddle rendered
    /// beside it, `SaddleSpill`), the path on a second (each knot written as found), and the
    /// verdict on a third (`VerdictStream`), which takes saddles and knots as its pieces need
    /// them: the channels hold a few, so the side that runs ahead waits. Every part of the
    /// document goes to a temporary file, and nothing reaches `fileDescriptor` until both sides
    /// and the verdict are done: a failed check writes nothing.
    public static func writeJSON(_ problem: Problem, horizon: Rational? = nil, at times: [Rational] = [],
                                 _ exact: ExactJSON = .exactStrings, toFileDescriptor fileDescriptor: Int32 = 1) throws -> VerdictFacts {
        let kappaMin = horizon.map { problem.weightDecay + $0.reciprocal }
        return try writeJSON(problem, horizon: horizon, at: times, exact, toFileDescriptor: fileDescriptor,
                             saddles: { try DLNLimit.forEachSaddle(of: problem, horizon: horizon, $0) },
                             knots: { _ = try LassoPath.stream(problem: problem, kappaMin: kappaMin, visit: $0) })
    }

    /// `writeJSON` with the saddles and the knots from these sources (which hand them over in
    /// order, as `forEachSaddle` and `LassoPath.stream` do: tests inject failures here).
    static func writeJSON(_ problem: Problem, horizon: Rational?, at times: [Rational], _ exact: ExactJSON, toFileDescriptor fileDescriptor: Int32,
                          saddles source: @escaping ((Saddle) throws -> Void) throws -> Void,
                          knots path: @escaping @Sendable ((Knot, Segment?) throws -> Bool) throws -> Void) throws -> VerdictFacts {
        for s in times { try Verdict.check(etaTime: s) }
        let contents = ["the limit's saddles", "the lasso knots", "z↓", "the gap"]
        return try ScratchFile.with(for: contents) { files in
            let spill = Handover(value: files), progress = ProgressReport.handler, stopped = StopFlag()
            // Saddles are few and large (q). Knots are many and small on Mairal–Yu (265,721: taken in
            // batches), few and large on Gaussian designs (~3 MB at 200×200): at most 2²⁸ bits, or
            // 64 knots, ahead (the verdict's thread holds what it takes until the saddles catch up).
            let saddles = Channel<Saddle>(capacity: 2), knots = Channel<StreamedKnot>(capacity: 1 << 28, cost: { max($0.bits, 1 << 22) })
            let rendered = SaddleSpill(file: files[0], exact)
            defer { rendered.cancel() }
            let (limit, (path, verdict)) = try concurrently({
                Result<Void, Error> {
                    // On a failure the flag is set before the channel closes, so the verdict's thread sees it.
                    defer { saddles.close() }
                    do {
                        try source { saddle in
                            if stopped.isSet { throw StreamStopped() }
                            rendered.submit(saddle)
                            saddles.send(saddle)
                        }
                    } catch {
                        stopped.set()
                        throw error
                    }
                }
            }) {
                try concurrently({
                    Result { () throws -> SpilledArray in
                        defer { knots.close() }
                        do {
                            return try streamPath(path, weightDecay: problem.weightDecay, exact, to: spill.value[1], stopped: stopped,
                                                  progress: progress, send: knots.send)
                        } catch {
                            stopped.set()
                            throw error
                        }
                    }
                }) {
                    Handover(value: walk(problem, horizon: horizon, times: times, exact, files: spill.value, saddles: saddles,
                                         knots: knots, stopped: stopped))
                }
            }
            // The failure that stopped the others (a side stopped by it throws `StreamStopped`).
            for case let .failure(error) in [limit, path.map { _ in }] where !(error is StreamStopped) { throw error }
            let knotTexts = try path.get()
            guard var verdict = verdict.value else { throw StreamStopped() }
            try verdict.finish()
            let facts = verdict.facts
            try facts.document(saddles: rendered.finish(), knots: knotTexts.document, downwardPieces: verdict.downward.document,
                               gap: verdict.gap.document, at: verdict.evaluationsJSON(exact), exact)
                .writeDocument(toFileDescriptor: fileDescriptor)
            return facts
        }
    }

    /// The path's knots (from `path`, as `LassoPath.stream` hands them over): each written to
    /// `file` and handed to `send` with the integer engine's formula of the segment below it.
    private static func streamPath(_ path: ((Knot, Segment?) throws -> Bool) throws -> Void, weightDecay: Rational, _ exact: ExactJSON,
                                   to file: UnsafeMutablePointer<FILE>, stopped: StopFlag, progress: ProgressReport.Handler?,
                                   send: @escaping (StreamedKnot) -> Void) throws -> SpilledArray {
        var texts = SpilledArray(file: file, indent: 4, holding: "the lasso knots")
        try path { knot, below in
            if stopped.isSet { throw StreamStopped() }
            texts.append { knot.writeJSON(weightDecay: weightDecay, exact, to: &$0, indent: $1) }
            progress?("lasso path: knots", texts.count) { "κ = \(knot.kappa.decimalString())" }
            send(StreamedKnot(kappa: knot.kappa, x: knot.x, below: below?.numerators, isUnique: knot.isUnique && (below?.isUnique ?? true)))
            return true
        }
        try texts.finish()
        return texts
    }

    /// The verdict's thread: saddles and knots taken as the pieces need them; nil when a side failed.
    private static func walk(_ problem: Problem, horizon: Rational?, times: [Rational], _ exact: ExactJSON,
                             files: [UnsafeMutablePointer<FILE>], saddles: Channel<Saddle>, knots: Channel<StreamedKnot>,
                             stopped: StopFlag) -> VerdictStream? {
        // A producer waiting for room returns once this thread stops reading.
        defer {
            saddles.cancel()
            knots.cancel()
        }
        var stream = VerdictStream(problem, horizon: horizon, at: times, gap: SpilledArray(file: files[3], indent: 4, holding: "the gap"),
                                   downward: SpilledArray(file: files[2], indent: 6, holding: "z↓"), exact)
        var saddlesOpen = true, knotsOpen = true
        while !stopped.isSet {
            if saddlesOpen && stream.waitsForSaddle {
                let (batch, closed) = stream.idle { saddles.receive() }
                for saddle in batch where !stopped.isSet { stream.add(saddle) }
                if closed { saddlesOpen = false }
                if closed && !stopped.isSet { stream.endSaddles() }
            } else if knotsOpen && stream.waitsForKnot {
                let (batch, closed) = stream.idle { knots.receive(atLeast: 16) }
                for k in batch where !stopped.isSet { stream.add(kappa: k.kappa, x: k.x, below: k.below, isUnique: k.isUnique) }
                if closed { knotsOpen = false }
                if closed && !stopped.isSet { stream.endKnots() }
            } else {
                break // every piece is cut
            }
        }
        if stopped.isSet { stream.cancel() }
        return stopped.isSet ? nil : stream
    }
}

/// A knot as the path hands it to the verdict's thread.
struct StreamedKnot: Sendable {
    let kappa: Rational
    let x: [Rational]
    let below: SegmentNumerators?
    let isUnique: Bool

    /// About the bits it holds (x and the segment's numerators).
    var bits: Int {
        x.reduce(0) { $0 + $1.numerator.bitWidth + $1.denominator.bitWidth }
            + (below.map { b in b.U.reduce(0) { $0 + $1.bitWidth } + b.W.reduce(0) { $0 + $1.bitWidth } } ?? 0)
    }
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
