import ExactArithmetic
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
        let file = Handover(value: spill), progress = ProgressReport.handler
        let (averaged, (side, count)) = try concurrently({ AveragedLimit(try DLNLimit(problem: problem, horizon: horizon)) }) {
            var kappa: [Rational] = [], x: [[Rational]] = [], unique = true
            var out = JSONOutput(fileDescriptor: fileno(file.value))
            try LassoPath.stream(problem: problem, kappaMin: horizon.map { problem.weightDecay + $0.reciprocal }) { knot, below in
                unique = unique && knot.isUnique && (below?.isUnique ?? true)
                if !kappa.isEmpty { out.append(",\n") }
                out.append("    ")
                knot.writeJSON(weightDecay: problem.weightDecay, exact, to: &out, indent: 4)
                kappa.append(knot.kappa)
                x.append(knot.x)
                progress?("lasso path: knots", kappa.count) { "κ = \(knot.kappa.decimalString())" }
                return true
            }
            out.flush()
            fflush(file.value)
            return (PathSide(LassoPathInTime(kappa: kappa, x: x, isUnique: unique, weightDecay: problem.weightDecay, jobs: 2)), kappa.count)
        }
        let verdict = try Verdict(averaged, side, parallel: true)
        return (verdict, try verdict.document(knots: .spilled(count: count, file: spill), at: times, exact))
    }
}
