import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// `LassoPath(problem:kappaMin:)` (`--kappa-min`): the knots above κ_min are the full path's,
/// then the exact solution at κ_min — the full path's knot when κ_min is one, else the point of
/// the segment through it with no events — and the segments are the full path's with the last
/// one cut at κ_min.
@Suite struct EarlyStopTests {
    /// Checks the stopped path at `kappaMin` against the whole path.
    static func checkPrefix(_ whole: LassoPath, kappaMin: Rational, _ label: String) throws {
        let problem = whole.problem
        let stopped = try LassoPath(problem: problem, kappaMin: kappaMin)
        let above = whole.knots.filter { $0.kappa > kappaMin }
        if kappaMin >= whole.kappaMax {
            #expect(stopped.knots == [whole.knots[0]] && stopped.segments.isEmpty, "\(label)")
            return
        }
        #expect(Array(stopped.knots.dropLast()) == above, "\(label): the knots above κ_min")
        let last = stopped.knots[stopped.knots.count - 1]
        #expect(last.kappa == kappaMin && last.x == whole.solution(at: kappaMin), "\(label): the solution at κ_min")
        if let knot = whole.knots.first(where: { $0.kappa == kappaMin }) {
            #expect(last == knot, "\(label): κ_min is a knot")
            #expect(stopped.segments == Array(whole.segments.prefix(above.count)), "\(label)")
        } else {
            #expect(last.joined.isEmpty && last.dropped.isEmpty, "\(label): nothing happens between knots")
            // The equicorrelation set from its definition: |c_i| = κ with c = r − Mx.
            let c = problem.correlation(last.x)
            let expected = c.indices.filter { problem.variant == .positive ? c[$0] == kappaMin : c[$0].magnitude == kappaMin }
            #expect(last.equicorrelation == expected, "\(label)")
            #expect(Set(last.active).isSubset(of: expected), "\(label): active coordinates are equicorrelated")
            let full = whole.segments[above.count - 1]
            #expect(Array(stopped.segments.dropLast()) == Array(whole.segments.prefix(above.count - 1)), "\(label)")
            let cut = stopped.segments[stopped.segments.count - 1]
            #expect(cut.upper == full.upper && cut.lower == kappaMin && cut.direction == full.direction, "\(label): the cut segment")
            #expect(cut.active == full.active && cut.signs == full.signs && last.isUnique == full.isUnique, "\(label)")
        }
    }

    @Test func stoppedPathIsThePrefixPlusThePointAtKappaMin() throws {
        var rng = SplitMix64(seed: 20_261_204)
        var cuts = 0
        for trial in 0..<60 {
            let problem = try RandomPathTests.randomProblem(&rng, variant: trial % 3 == 2 ? .positive : .signed)
            let whole = try LassoPath(problem: problem)
            var candidates = whole.knots.map(\.kappa) + [whole.kappaMax + .one]
            for (a, b) in zip(whole.knots, whole.knots.dropFirst()) {
                candidates.append((a.kappa + b.kappa) / Rational(2))
                candidates.append((Rational(2) * a.kappa + b.kappa) / Rational(3))
            }
            for kappaMin in candidates {
                try Self.checkPrefix(whole, kappaMin: kappaMin, "trial \(trial) κ_min = \(kappaMin)")
                cuts += 1
            }
        }
        #expect(cuts > 300)
    }

    /// The worked example of docs/math.md §1 (M = [[10, −4], [−4, 2]], r = (−3, 2)): knots
    /// κ = 3, 4/3, 1, 1/3, 0 with x(4/3) = (−1/6, 0) and x(1) = (0, 1/2); at κ = 7/6, halfway,
    /// x = (−1/12, 1/4), and c = r − Mx = (−3 + 10/12 + 1, 2 − 4/12 − 1/2) = (−7/6, 7/6).
    @Test func workedExampleStoppedBetweenKnots() throws {
        let problem = try Problem(M: Matrix([[10, -4], [-4, 2]].map { $0.map { Rational($0) } }), r: [Rational(-3), Rational(2)])
        let stopped = try LassoPath(problem: problem, kappaMin: Rational(7, 6))
        #expect(stopped.knots.map(\.kappa) == [Rational(3), Rational(4, 3), Rational(7, 6)])
        let last = stopped.knots[2]
        #expect(last.x == [Rational(-1, 12), Rational(1, 4)])
        #expect(last.active == [0, 1] && last.signs == [-1, 1] && last.equicorrelation == [0, 1])
        #expect(stopped.segments.count == 2 && stopped.segments[1].lower == Rational(7, 6))
        var handed: [Rational] = []
        let summary = try LassoPath.stream(problem: problem, kappaMin: Rational(7, 6)) { knot, _ in
            handed.append(knot.kappa)
            return true
        }
        #expect(handed == [Rational(3), Rational(4, 3), Rational(7, 6)] && summary.knotCount == 3 && summary.stoppedEarly)
    }

    @Test func kappaMinZeroIsTheWholePath() throws {
        let problem = try MairalYu.instance(p: 4)
        let whole = try LassoPath(problem: problem)
        let stopped = try LassoPath(problem: problem, kappaMin: .zero)
        #expect(stopped.knots == whole.knots && stopped.segments == whole.segments)
    }

    /// κ_min and S from the options: S = 1/(K − λwd) and K = λwd + 1/S, no time for K ≤ λwd.
    @Test func optionsGiveKappaMinAndHorizon() throws {
        let lwd = Rational(1, 5)
        #expect(try EarlyStop.parse(kappaMin: "1/3", sMax: nil, weightDecay: lwd) == EarlyStop(kappaMin: Rational(1, 3), horizon: Rational(15, 2)))
        #expect(try EarlyStop.parse(kappaMin: nil, sMax: "5", weightDecay: lwd) == EarlyStop(kappaMin: Rational(2, 5), horizon: Rational(5)))
        #expect(try EarlyStop.parse(kappaMin: "0.1", sMax: nil, weightDecay: lwd) == EarlyStop(kappaMin: Rational(1, 10), horizon: nil))
        #expect(try EarlyStop.parse(kappaMin: nil, sMax: nil, weightDecay: lwd) == nil)
        for (k, s) in [("-1", nil), (nil, "0"), ("1", "2"), ("x", nil)] as [(String?, String?)] {
            #expect(throws: RationalListError.self) { try EarlyStop.parse(kappaMin: k, sMax: s, weightDecay: lwd) }
        }
    }

    /// `--at s` past the horizon is refused, naming the first such time; up to it (and any time
    /// when K ≤ λwd stops nothing in time) is fine.
    @Test func timesBeyondTheStopAreRefused() throws {
        let lwd = Rational(1, 5)
        #expect(throws: RationalListError("--at: s = 8 is beyond the stop at s = 15/2")) {
            try EarlyStop.parse(kappaMin: "1/3", sMax: nil, weightDecay: lwd, reaching: [q(1), q(15, 2), q(8), q(9)])
        }
        #expect(try EarlyStop.parse(kappaMin: "1/3", sMax: nil, weightDecay: lwd, reaching: [q(15, 2), q(1, 2)])?.horizon == q(15, 2))
        #expect(throws: RationalListError("--at: s = 51/10 is beyond the stop at s = 5")) {
            try EarlyStop(kappaMin: q(2, 5), horizon: q(5)).checkReached([q(51, 10)])
        }
        try EarlyStop(kappaMin: q(1, 10), horizon: nil).checkReached([q(1_000_000)])
        #expect(try EarlyStop.parse(kappaMin: nil, sMax: nil, weightDecay: lwd, reaching: [q(100)]) == nil)
    }
}
