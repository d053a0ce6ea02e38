import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// The path certificate (docs/math.md §1) must reject every kind of wrong path, not only accept right
/// ones: each test corrupts one thing in a correct path.
@Suite struct CertificateTests {
    let problem: Problem
    let path: LassoPath

    init() throws {
        problem = try Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2]))
        path = try LassoPath(problem: problem)
    }

    func verdict(_ knots: [Knot], _ segments: [Segment]) -> String? {
        Self.verdict(problem, knots, segments)
    }

    /// The certificate's failure message for these knots and segments of `problem`, nil if it accepts.
    static func verdict(_ problem: Problem, _ knots: [Knot], _ segments: [Segment]) -> String? {
        do {
            try PathCertificate(problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r)).check(knots: knots, segments: segments)
            return nil
        } catch LassoPathError.certificateFailed(let message) {
            return message
        } catch {
            return "unexpected error \(error)"
        }
    }

    func replacingKnot(_ k: Int, x: [Rational]? = nil, kappa: Rational? = nil) -> (knots: [Knot], segments: [Segment]) {
        Self.replacing(path, k, x: x ?? path.knots[k].x, kappa: kappa ?? path.knots[k].kappa)
    }

    /// The path with knot k's x and κ replaced (the segments on both sides follow it).
    static func replacing(_ path: LassoPath, _ k: Int, x: [Rational], kappa: Rational) -> (knots: [Knot], segments: [Segment]) {
        var knots = path.knots, segments = path.segments
        let old = knots[k]
        let active = x.indices.filter { !x[$0].isZero }
        knots[k] = Knot(kappa: kappa, x: x, active: active, signs: active.map { x[$0].signum },
                        equicorrelation: old.equicorrelation, joined: old.joined, dropped: old.dropped, isUnique: old.isUnique)
        if k > 0 {
            let s = segments[k - 1]
            segments[k - 1] = Segment(upper: s.upper, lower: kappa, upperSolution: s.upperSolution, lowerSolution: x,
                                      active: s.active, signs: s.signs, isUnique: s.isUnique)
        }
        if k < segments.count {
            let s = segments[k]
            segments[k] = Segment(upper: kappa, lower: s.lower, upperSolution: x, lowerSolution: s.lowerSolution,
                                  active: s.active, signs: s.signs, isUnique: s.isUnique)
        }
        return (knots, segments)
    }

    @Test func acceptsTheTruePath() {
        #expect(verdict(path.knots, path.segments) == nil)
    }

    @Test func rejectsAWrongSolutionAtAKnot() {
        // Knot 2 is κ = 1, x = (0, 1/2); (0, 1/3) violates c₂ = κ.
        let (knots, segments) = replacingKnot(2, x: [q(0), q(1, 3)])
        #expect(verdict(knots, segments)?.contains("κ = 1") == true)
    }

    @Test func rejectsAMovedKnot() {
        // Moving the knot κ = 4/3 to 5/4 keeps the order but breaks KKT there.
        let (knots, segments) = replacingKnot(1, kappa: q(5, 4))
        #expect(verdict(knots, segments) != nil)
        // And a knot out of order.
        let (k2, s2) = replacingKnot(2, kappa: q(2))
        #expect(verdict(k2, s2)?.contains("decreasing") == true)
    }

    @Test func rejectsASkippedKnot() {
        // Dropping the knot κ = 1 joins 4/3 and 1/3 by a straight line that is wrong inside:
        // coordinate 1 (negative above, zero at 1/3) would need c₁ = −κ at κ = 1/3, but c₁ = 1/3.
        var knots = path.knots, segments = path.segments
        knots.remove(at: 2)
        let a = segments[1], b = segments[2]
        segments.replaceSubrange(1...2, with: [Segment(upper: a.upper, lower: b.lower, upperSolution: a.upperSolution,
                                                       lowerSolution: b.lowerSolution, active: [0, 1], signs: [-1, 1], isUnique: true)])
        #expect(verdict(knots, segments) != nil)
    }

    @Test func rejectsMisreportedSetsAndEnds() {
        var knots = path.knots, segments = path.segments
        let s = segments[0]
        segments[0] = Segment(upper: s.upper, lower: s.lower, upperSolution: s.upperSolution, lowerSolution: s.lowerSolution,
                              active: s.active, signs: s.signs.map { -$0 }, isUnique: true)
        #expect(verdict(knots, segments)?.contains("misreports") == true)
        segments = path.segments
        knots.removeLast()
        segments.removeLast()
        #expect(verdict(knots, segments)?.contains("κ = 0") == true)
    }
}
