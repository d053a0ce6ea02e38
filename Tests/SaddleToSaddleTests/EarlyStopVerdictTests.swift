import ExactArithmetic
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict
import Testing

/// `--s-max S` on the limit and the comparison: the stopped limit has exactly the saddles with
/// s ≤ S, and the verdict of the stopped comparison agrees with the full one on (0, S].
@Suite struct EarlyStopVerdictTests {
    /// Times to stop at: every saddle time, midpoints, and a time before the first saddle.
    static func horizons(_ limit: DLNLimit) -> [Rational] {
        let times = limit.saddles.dropFirst().map(\.s)
        var out = times
        for (a, b) in zip(times, times.dropFirst()) { out.append((a + b) / Rational(2)) }
        if let first = times.first { out.append(first / Rational(2)) }
        if let last = times.last { out.append(last + .one) }
        return out
    }

    @Test func stoppedLimitKeepsTheSaddlesUpToS() throws {
        let problem = try MairalYu.instance(p: 4)
        let full = try DLNLimit(problem: problem)
        for horizon in Self.horizons(full) {
            let stopped = try DLNLimit(problem: problem, horizon: horizon)
            #expect(stopped.saddles == full.saddles.filter { $0.s <= horizon }, "S = \(horizon)")
            #expect(try stopped.averaged(at: horizon) == full.averaged(at: horizon), "S = \(horizon)")
            #expect(throws: LimitError.self) { try stopped.averaged(at: horizon + .one) }
        }
    }

    /// Everything the stopped verdict reports is the full verdict's, clipped to (0, S].
    static func checkAgreement(_ problem: Problem, _ horizon: Rational, _ full: ExactComparison, _ label: String) throws {
        let stopped = try ExactComparison(problem, horizon: horizon)
        let (v, w) = (stopped.verdict, full.verdict)
        let kappaMin = problem.weightDecay + horizon.reciprocal
        #expect(stopped.path.knots.dropLast() == full.path.knots.filter { $0.kappa > kappaMin }[...], "\(label)")
        #expect(stopped.path.knots.last!.x == full.path.solution(at: kappaMin), "\(label)")
        // Common pieces: the full ones that start before S, the last one ending at S.
        let before = w.pieces.filter { $0.from < horizon }
        #expect(v.pieces.count == before.count, "\(label)")
        for (a, b) in zip(v.pieces, before) {
            #expect(a.from == b.from && a.saddle == b.saddle && a.segment == b.segment && a.averaged == b.averaged && a.lasso == b.lasso, "\(label)")
        }
        #expect(v.pieces.last!.to == horizon, "\(label)")
        // The gap agrees wherever both are defined, and the divergence intervals are clipped.
        for s in [horizon, horizon / Rational(2), horizon / Rational(3)] {
            #expect(try v.gap(at: s) == w.gap(at: s), "\(label) gap at \(s)")
            #expect(try v.eta(at: s).zDown == w.eta(at: s).zDown, "\(label) z↓ at \(s)")
        }
        let clipped = w.divergence.filter { $0.from < horizon }
        #expect(v.divergence.map(\.from) == clipped.map(\.from), "\(label)")
        #expect(v.divergence.map(\.coordinates) == clipped.map(\.coordinates), "\(label)")
        for (a, b) in zip(v.divergence, clipped) {
            let end: Rational? = b.to.map { Rational.min($0, horizon) } ?? horizon
            #expect(a.to == end, "\(label)")
        }
        #expect(v.apartAtHorizon == (clipped.last.map { d in d.to.map { $0 > horizon } ?? true } ?? false), "\(label)")
        #expect(v.equivalent == clipped.isEmpty, "\(label)")
        // Monotonicity: the first break, if it starts before S, is the same one.
        if let b = w.monotonicityBreak, b.muFrom < horizon {
            #expect(v.monotonicityBreak?.segment == b.segment && v.monotonicityBreak?.coordinate == b.coordinate, "\(label)")
        } else {
            #expect(v.monotonicityBreak == nil, "\(label)")
        }
        #expect(v.link.matched == min(w.link.matched, v.link.matched), "\(label)")
        #expect(v.contradiction == nil, "\(label)")
    }

    @Test func stoppedComparisonAgreesWithTheFullOneBeforeS() throws {
        var checked = 0
        var problems = [try MairalYu.instance(p: 4)]
        for seed in UInt64(1)...6 {
            problems.append(try randomProblem(seed: seed, n: 4, d: 3, variant: seed % 3 == 0 ? .positive : .signed,
                                              weightDecay: seed % 2 == 0 ? Rational(1, 5) : .zero))
        }
        for (n, problem) in problems.enumerated() {
            let full = try ExactComparison(problem)
            var horizons = Self.horizons(full.limit)
            horizons += full.path.knots.compactMap { k in k.kappa > problem.weightDecay ? (k.kappa - problem.weightDecay).reciprocal : nil }
            for horizon in horizons {
                try Self.checkAgreement(problem, horizon, full, "problem \(n) S = \(horizon)")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    /// docs/math.md §4's worked example parts from the path at s = 3/4 and rejoins at s = 3:
    /// stopped at s = 2 they are still apart, stopped at s = 3 they have just rejoined.
    @Test func workedExampleStatements() throws {
        let problem = try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"))
        let apart = try ExactComparison(problem, horizon: q("2")).verdict
        #expect(apart.divergence == [Divergence(from: q("3/4"), to: q("2"), coordinates: [0, 1])] && apart.apartAtHorizon)
        #expect(apart.statements[0].hasPrefix("they part at s = 3/4 (coordinates 1, 2 leave the path) and are still apart at s = 2, where the comparison stops"))
        #expect(apart.statements.last == "stopped at s = 2 (κ = 1/2): nothing after that time was computed")
        let rejoined = try ExactComparison(problem, horizon: q("3")).verdict
        #expect(rejoined.divergence == [Divergence(from: q("3/4"), to: q("3"), coordinates: [0, 1])] && !rejoined.apartAtHorizon)
        #expect(rejoined.statements[0].hasPrefix("they part at s = 3/4 (coordinates 1, 2 leave the path) and rejoin at s = 3"))
    }
}
