import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// Seeded random small integer instances, signed and positive, positive definite and singular
/// (few rows, duplicate and zero columns), checked against the definition and brute force.
@Suite struct RandomPathTests {
    static func randomProblem(_ rng: inout SplitMix64, variant: Variant) throws -> Problem {
        let d = rng.nextInt(in: 2...5), n = rng.nextInt(in: 1...6)
        var x = (0..<n).map { _ in (0..<d).map { _ in rng.nextInt(in: -3...3) } }
        switch rng.nextInt(in: 0...5) {
        case 0: // a duplicate or opposite column
            let (i, j, s) = (rng.nextInt(in: 0...(d - 1)), rng.nextInt(in: 0...(d - 1)), rng.nextInt(in: 0...1) * 2 - 1)
            for row in 0..<n { x[row][j] = s * x[row][i] }
        case 1: // a zero column
            let j = rng.nextInt(in: 0...(d - 1))
            for row in 0..<n { x[row][j] = 0 }
        default: break
        }
        let y = (0..<n).map { _ in rng.nextInt(in: -4...4) }
        return try Problem(X: mat(x), y: vec(y), scaling: .sum, variant: variant)
    }

    /// Every segment satisfies the KKT conditions, checked from the definition, at both ends and
    /// at two interior points, with the segment's reported signs; x is affine on it.
    static func checkSegments(_ path: LassoPath, _ label: String) {
        let problem = path.problem
        for (k, segment) in path.segments.enumerated() {
            let width = segment.upper - segment.lower
            for t in [q(0), q(1, 3), q(1, 2), q(1)] {
                let kappa = segment.lower + t * width
                let x = path.solution(at: kappa)
                #expect(isLassoSolution(x, problem, kappa: kappa), "\(label) segment \(k) at κ = \(kappa)")
                #expect(x == segment.intercept.adding(kappa * segment.slope), "\(label) segment \(k) not affine")
                if t == q(1, 3) {
                    let active = x.indices.filter { !x[$0].isZero }
                    #expect(active == segment.active && active.map { x[$0].signum } == segment.signs, "\(label) segment \(k)")
                }
            }
        }
    }

    /// Agreement with brute force at every knot, every segment midpoint and random κ: the same
    /// optimal value and fit Mx, the path's x among the solutions when unique, and the same
    /// verdict on uniqueness.
    static func checkAgainstBruteForce(_ path: LassoPath, _ rng: inout SplitMix64, _ label: String) {
        let problem = path.problem
        let brute = BruteForceLasso(problem)
        var kappas = path.knots.map(\.kappa) + path.segments.map { ($0.upper + $0.lower) / Rational(2) }
        for _ in 0..<4 { kappas.append(path.kappaMax * Rational(rng.nextInt(in: 0...23), 20)) }
        for kappa in kappas {
            let x = path.solution(at: kappa)
            let solutions = brute.solutions(at: kappa)
            guard let first = solutions.first else {
                Issue.record("\(label): brute force found no solution at κ = \(kappa)")
                continue
            }
            #expect(isLassoSolution(x, problem, kappa: kappa), "\(label) κ = \(kappa)")
            let value = problem.loss(first) + kappa * oneNorm(first)
            #expect(path.optimalValue(at: kappa) == value, "\(label) κ = \(kappa)")
            #expect(problem.M * x == problem.M * first, "\(label) κ = \(kappa): fits differ")
            // For κ > 0 the solution set is a polytope (‖x‖₁ is constant on it), unique iff it
            // has one vertex. At κ = 0 it can be unbounded: signed, it is {x : Mx = r}.
            if kappa.signum > 0 {
                #expect(path.isUnique(at: kappa) == (solutions.count == 1), "\(label) κ = \(kappa): uniqueness")
            } else if problem.variant == .signed || !problem.M.determinant.isZero {
                #expect(path.isUnique(at: kappa) == !problem.M.determinant.isZero, "\(label) κ = 0: uniqueness")
            }
            if solutions.count == 1 { #expect(x == first, "\(label) κ = \(kappa)") }
        }
    }

    @Test(arguments: [Variant.signed, .positive])
    func randomInstancesAgreeWithBruteForce(variant: Variant) throws {
        var rng = SplitMix64(seed: variant == .signed ? 11 : 12)
        var singular = 0, nonUnique = 0, ties = 0
        for trial in 0..<70 {
            let problem = try Self.randomProblem(&rng, variant: variant)
            let path = try LassoPath(problem: problem)
            let label = "\(variant) trial \(trial)"
            Self.checkSegments(path, label)
            Self.checkAgainstBruteForce(path, &rng, label)
            if !problem.isPositiveDefinite { singular += 1 }
            if !path.isUnique { nonUnique += 1 }
            if path.faceSolverKnots > 0 { ties += 1 }
        }
        #expect(singular >= 20 && nonUnique >= 10 && ties >= 5, "the generator must exercise singular, non-unique and tied cases: \(singular), \(nonUnique), \(ties)")
    }

    @Test func bothFactorisationsAndTheFaceSolverAloneGiveTheSamePath() throws {
        var rng = SplitMix64(seed: 13)
        for trial in 0..<40 {
            let problem = try Self.randomProblem(&rng, variant: trial % 2 == 0 ? .signed : .positive)
            let rational = try LassoPath(problem: problem, factorisation: .rational)
            let integer = try LassoPath(problem: problem, factorisation: .integer)
            let faceOnly = try LassoPath(
                problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r),
                engine: DecliningEngine(), factorisation: .rational)
            #expect(rational.knots == integer.knots && rational.segments == integer.segments, "trial \(trial)")
            #expect(faceOnly.faceSolverKnots == faceOnly.segments.count, "trial \(trial)")
            // Same knots and solutions wherever the solution is unique (elsewhere both are
            // certified solutions, possibly different canonical members).
            if rational.isUnique { #expect(rational.knots == faceOnly.knots, "trial \(trial)") }
        }
    }
}

extension RandomPathTests {
    @Test func decimalDataOfModerateSizeUsesTheIntegerFactorisationAndAgrees() throws {
        // d = 24 features of 3-significant-digit decimals: `automatic` picks the fraction-free
        // engine; the rational engine must give the identical path.
        var rng = SplitMix64(seed: 14)
        let n = 30, d = 24
        let x = Matrix((0..<n).map { _ in (0..<d).map { _ in Rational(rng.nextInt(in: -999...999), 100) } })
        let y = (0..<n).map { _ in Rational(rng.nextInt(in: -999...999), 1000) }
        let problem = try Problem(X: x, y: y, scaling: .mean)
        let automatic = try LassoPath(problem: problem)
        let rational = try LassoPath(problem: problem, factorisation: .rational)
        #expect(automatic.factorisation == .integer && automatic.knots == rational.knots)
        #expect(automatic.isUnique && automatic.knots.count > d)
    }
}

/// An engine that never factorises, so the homotopy takes the face-solver route at every knot.
struct DecliningEngine: ActiveSetEngine {
    mutating func join(_ j: Int, sign: Int) -> Bool { false }
    mutating func drop(_ i: Int) -> Bool { false }
    mutating func reset(support: [Int], signs: [Int]) -> Bool { false }
    func segment() -> any SegmentFormula { fatalError("never factorised") }
}
