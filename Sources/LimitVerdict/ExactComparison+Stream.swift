import ExactArithmetic
import Foundation
import JSONFormat
import LassoHomotopy
import ParallelWork
import ProblemDefinition
import ProgressReporting
import SaddleToSaddle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ExactComparison {
    /// `compare --json` without the lasso path in memory, the path computed on a second thread
    /// while this one computes the limit (`concurrently`): the path is streamed
    /// (`LassoPath.stream(problem:kappaMin:visit:)`, the same knots as `LassoPath(problem:)`),
    /// each knot written to `spill` (a temporary file the caller opened) as the document's text,
    /// and only κ and x kept for the verdict. Returns the verdict and the document, byte for
    /// byte `verdict.document(path:at:_:)` of `ExactComparison(problem, horizon:)`; nothing is
    /// written to standard output here, so a failed check prints nothing.
    public static func streamedDocument(
        _ problem: Problem, horizon: Rational? = nil, at times: [Rational] = [], _ exact: ExactJSON = .exactStrings,
        spill: UnsafeMutablePointer<FILE>
    ) throws -> (verdict: Verdict, document: JSONDocument) {
        // The limit and its x̄ formulas on this thread, the path streamed on a second one, which
        // reports its knots to this thread's progress handler (it cannot bind one of its own).
        // Once the limit is done, this thread builds the path's segment formulas and z↓ from the
        // knots found so far (`Channel`) while the path goes on. A path done first builds them
        // itself until the limit is (`limitDone`: exactly one side builds). The rest is built
        // after both, the formulas on both threads, z↓ beside the gap. The x̄ formulas are built
        // from the limit's saddles (`Channel`) by whichever thread is free first (`Flag.claim`): the
        // path's while the limit still runs (Gaussian 100×200), else this one once it is done.
        let file = Handover(value: spill), progress = ProgressReport.handler
        let knots = Channel<(kappa: Rational, x: [Rational], below: SegmentNumerators?)>(), limitDone = Flag()
        let saddles = Channel<(s: Rational, x: [Rational])>(), averagedBy = Flag(), d = problem.dimension
        let ((limit, limitAveraged, streamed), (kappa, x, numerators, unique, builtAfter, pathAveraged)) = try concurrently({
            defer { saddles.close() } // also when the limit fails: the path's thread may be reading
            // Exact JSON writes every saddle's q: its reduction goes on in the background.
            let limit = try DLNLimit(problem: problem, horizon: horizon, reducingDuals: exact == .exactStrings) { saddles.send(($0.s, $0.x)) }
            saddles.close()
            let averaged = averagedBy.claim() ? Self.averagedFormulas(saddles, dimension: d) : nil
            limitDone.set()
            var built = LassoPathInTime.StreamedSegments(weightDecay: problem.weightDecay, horizon: horizon)
            // Batches of at least 64 knots (a thread woken per knot would cost more than the formula).
            // The batch that comes with the close is left, with any knots the path's thread did not
            // build, to the finish after both: so a limit done after the path builds nothing here.
            while case let (batch, false) = knots.receive(atLeast: 64) {
                for knot in batch { built.add(kappa: knot.kappa, x: knot.x, below: knot.below) }
            }
            return (limit, averaged, built)
        }) {
            defer { knots.close() }
            // With each knot, the formula of the segment below it (the integer engine's).
            var kappa: [Rational] = [], x: [[Rational]] = [], numerators: [SegmentNumerators?] = [], unique = true
            var out = JSONOutput(fileDescriptor: fileno(file.value))
            try LassoPath.stream(problem: problem, kappaMin: horizon.map { problem.weightDecay + $0.reciprocal }) { knot, below in
                unique = unique && knot.isUnique && (below?.isUnique ?? true)
                if !kappa.isEmpty { out.append(",\n") }
                out.append("    ")
                knot.writeJSON(weightDecay: problem.weightDecay, exact, to: &out, indent: 4)
                kappa.append(knot.kappa)
                x.append(knot.x)
                numerators.append(below?.numerators)
                knots.send((knot.kappa, knot.x, below?.numerators))
                progress?("lasso path: knots", kappa.count) { "κ = \(knot.kappa.decimalString())" }
                return true
            }
            out.flush()
            try out.checkWrites(of: "the temporary file for the lasso knots")
            fflush(file.value)
            knots.close()
            // The limit still running (its thread has not read a knot): build from the first knot.
            var built = LassoPathInTime.StreamedSegments(weightDecay: problem.weightDecay, horizon: horizon)
            for k in kappa.indices {
                if limitDone.isSet { break }
                built.add(kappa: kappa[k], x: x[k], below: numerators[k])
            }
            let averaged = averagedBy.claim() ? Self.averagedFormulas(saddles, dimension: d) : nil
            return (kappa, x, numerators, unique, built, averaged)
        }
        // One of the two is empty; exactly one thread built x̄.
        let built = streamed.formulas.isEmpty ? builtAfter : streamed
        let averaged = AveragedLimit(limit, formulas: (limitAveraged ?? pathAveraged)!.formulas)
        let path = LassoPathInTime(kappa: kappa, x: x, isUnique: unique, weightDecay: problem.weightDecay, built: built.formulas,
                                   numerators: numerators, jobs: 2)
        let side = PathSide(path, horizon: horizon, downward: built.downward), count = kappa.count
        let verdict = try Verdict(averaged, side, parallel: true)
        return (verdict, try verdict.document(knots: .spilled(count: count, file: spill), at: times, exact))
    }
}

extension ExactComparison {
    /// x̄'s formulas from the limit's saddles, as they come until the channel closes (on two
    /// threads where the numbers are big).
    static func averagedFormulas(_ saddles: Channel<(s: Rational, x: [Rational])>, dimension: Int) -> AveragedFormulas {
        var formulas = AveragedFormulas(dimension: dimension, jobs: 2)
        while true {
            let (batch, closed) = saddles.receive()
            for saddle in batch { formulas.add(s: saddle.s, x: saddle.x) }
            if closed { return formulas }
        }
    }
}

/// Set once by one thread, read or claimed by the other.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { _ = claim() }

    /// Sets the flag; true only for the call that found it unset (the first of two threads to ask).
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if value { return false }
        value = true
        return true
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
