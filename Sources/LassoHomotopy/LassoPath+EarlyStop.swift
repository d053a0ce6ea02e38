import ExactArithmetic
import ProblemDefinition

extension LassoPath {
    /// `stream(problem:factorisation:visit:)` stopped at the penalty `kappaMin` ≥ 0 (nil: not
    /// stopped): the knots with κ > κ_min as the full path has them, then the exact solution at
    /// κ_min as the last knot — the path's own knot when κ_min is one, else the point of the
    /// segment through κ_min (its `joined` and `dropped` empty, `unique` the segment's), reached by
    /// that segment cut at κ_min. With κ_min ≥ κ_max only the first knot is handed over. The cut
    /// point lies on a certified segment, so it is certified too (docs/math.md §1); the homotopy
    /// computes nothing below κ_min (beyond the segment through it).
    @discardableResult
    public static func stream(
        problem: Problem, factorisation: Factorisation = .automatic, kappaMin: Rational?,
        visit: (Knot, Segment?) throws -> Bool
    ) throws -> StreamSummary {
        guard let kappaMin else { return try stream(problem: problem, factorisation: factorisation, visit: visit) }
        precondition(kappaMin.signum >= 0, "κ_min must be ≥ 0")
        var cutOff = false, count = 0
        func handOver(_ knot: Knot, _ below: Segment?) throws -> Bool {
            count += 1
            return try visit(knot, below)
        }
        let summary = try stream(problem: problem, factorisation: factorisation) { knot, below in
            guard knot.kappa > kappaMin, let below else {
                cutOff = true
                _ = try handOver(knot, nil)
                return false
            }
            guard below.lower < kappaMin else { return try handOver(knot, below) }
            let x = below.solution(at: kappaMin)
            let cut = Segment(upper: below.upper, lower: kappaMin, upperSolution: below.upperSolution, lowerSolution: x,
                              active: below.active, signs: below.signs, isUnique: below.isUnique, direction: nil,
                              numerators: below.numerators) // the same formula, cut
            guard try handOver(knot, cut) else { return false }
            cutOff = true
            _ = try handOver(point(problem, kappa: kappaMin, x: x, isUnique: below.isUnique), nil)
            return false
        }
        return StreamSummary(knotCount: count, isUnique: summary.isUnique, factorisation: summary.factorisation,
                             faceSolverKnots: summary.faceSolverKnots, stoppedEarly: cutOff)
    }

    /// The path from κ_max down to `kappaMin` (nil: to 0), as `stream(problem:kappaMin:visit:)`
    /// hands it over.
    public init(problem: Problem, kappaMin: Rational?) throws {
        guard let kappaMin else {
            self = try LassoPath(problem: problem)
            return
        }
        let clock = ContinuousClock()
        let start = clock.now
        var knots: [Knot] = [], segments: [Segment] = []
        let summary = try LassoPath.stream(problem: problem, kappaMin: kappaMin) { knot, below in
            knots.append(knot)
            if let below { segments.append(below) }
            return true
        }
        self.problem = problem
        self.knots = knots
        self.segments = segments
        factorisation = summary.factorisation
        faceSolverKnots = summary.faceSolverKnots
        let elapsed = clock.now - start
        timing = Timing(homotopy: elapsed, assembly: .zero, certificate: .zero)
    }

    /// The solution x at κ inside a segment, as a knot with no events.
    private static func point(_ problem: Problem, kappa: Rational, x: [Rational], isUnique: Bool) -> Knot {
        let active = x.indices.filter { !x[$0].isZero }
        let c = problem.correlation(x)
        let equicorrelation = kappa.isZero ? [] : c.indices.filter {
            problem.variant == .positive ? c[$0] == kappa : c[$0].magnitude == kappa
        }
        return Knot(kappa: kappa, x: x, active: active, signs: active.map { x[$0].signum }, equicorrelation: equicorrelation,
                    joined: [], dropped: [], isUnique: isUnique)
    }
}
