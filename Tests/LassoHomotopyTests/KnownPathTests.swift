import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// Paths known in closed form or from the literature (docs/math.md §4, §6).
@Suite struct KnownPathTests {
    @Test func workedExampleOfMath4() throws {
        let problem = try Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2]))
        let path = try LassoPath(problem: problem)
        #expect(path.knots.map(\.kappa) == [q(3), q(4, 3), q(1), q(1, 3), q(0)])
        // x(0) = M⁻¹r = (1/2, 2); x(κ_max) = 0.
        #expect(path.knots.first!.x == vec([0, 0]) && path.knots.last!.x == [q(1, 2), q(2)])
        #expect(path.isUnique && path.faceSolverKnots == 0)
        // κ = 3 = |r₁|: coordinate 1 joins with sign −1 (c₁ = −3).
        #expect(path.knots[0].joined == [0] && path.segments[0].signs == [-1])
        #expect(path.optimalValue(at: .zero) == problem.loss([q(1, 2), q(2)]))
    }

    @Test func scikitLearnIssue2746Tie() throws {
        // Two coordinates reach |c| = κ_max = 5/4 together; floating-point LARS mishandles it.
        let X = mat([[0, 0, 0, -1, 0], [0, -1, 0, 0, 0]])
        let problem = try Problem(X: X, y: [q(-5, 2), q(-5, 2)], scaling: .mean)
        let path = try LassoPath(problem: problem)
        #expect(path.knots.map(\.kappa) == [q(5, 4), q(0)])
        #expect(path.knots[0].joined == [1, 3] && path.knots[0].multiplicity == 2)
        #expect(path.solution(at: q(1, 1000)) == [q(0), q(2498, 1000), q(0), q(2498, 1000), q(0)])
        #expect(path.knots[1].x == [q(0), q(5, 2), q(0), q(5, 2), q(0)])
        // Three zero columns: unique for κ > 0, but at κ = 0 any values there fit as well.
        #expect(path.isUnique(at: q(1, 1000)) && !path.isUnique(at: .zero) && !path.isUnique)
        #expect(path.segments[0].slope == [q(0), q(-2), q(0), q(-2), q(0)])
    }

    @Test func orthogonalDesignsAreSoftThresholding() throws {
        // Columns of a Hadamard matrix scaled by a_i: M = diag(a_i²), so
        // x_i(κ) = sign(r_i)·max(|r_i| − κ, 0)/a_i² (positive lasso: max(r_i − κ, 0)/a_i²).
        let h = [[1, 1, 1, 1], [1, -1, 1, -1], [1, 1, -1, -1], [1, -1, -1, 1]]
        var rng = SplitMix64(seed: 2746)
        for trial in 0..<24 {
            let a = (0..<4).map { _ in [-3, -2, -1, 1, 2, 3][rng.nextInt(in: 0...5)] }
            let X = mat(h.map { row in (0..<4).map { row[$0] * a[$0] } })
            let y = vec((0..<4).map { _ in rng.nextInt(in: -3...3) })
            let variant: Variant = trial % 2 == 0 ? .signed : .positive
            let problem = try Problem(X: X, y: y, scaling: .mean, variant: variant)
            let path = try LassoPath(problem: problem)
            let r = problem.r, m = (0..<4).map { problem.M[$0, $0] }
            func soft(_ kappa: Rational) -> [Rational] {
                (0..<4).map { i in
                    let excess = (variant == .positive ? r[i] : r[i].magnitude) - kappa
                    guard excess.signum > 0 else { return .zero }
                    return Rational(variant == .positive ? 1 : r[i].signum) * excess / m[i]
                }
            }
            let thresholds = Set(r.map { variant == .positive ? $0 : $0.magnitude }.filter { $0.signum > 0 } + [.zero])
            #expect(path.knots.map(\.kappa) == thresholds.sorted(by: >), "trial \(trial)")
            for k in 0...40 {
                let kappa = (path.kappaMax + .one) * Rational(k, 40)
                #expect(path.solution(at: kappa) == soft(kappa), "trial \(trial), κ = \(kappa)")
            }
        }
    }

    @Test func mairalYuLevels1To8HaveTheExpectedKnotCounts() throws {
        let levels = try MairalYu.levels(through: 8)
        #expect(levels.map { $0.path!.knots.count } == [2, 5, 14, 41, 122, 365, 1094, 3281])
        for level in levels { #expect(level.path!.isUnique && level.problem.dimension == level.p) }
        // Level 2 by hand: λ₁ = 1, w = 0, α = (99/100)/3 = 33/100, A = [[1, 33/50], [0, 33/100]], b = 𝟙.
        let two = levels[1].problem
        #expect(two.M == Matrix([[q(1), q(33, 50)], [q(33, 50), q(33 * 33, 2500) + q(33 * 33, 10000)]]))
        #expect(two.r == [q(1), q(99, 100)])
        #expect(try MairalYu.instance(p: 3) == levels[2].problem)
        #expect(throws: ProblemError.self) { try MairalYu.instance(p: 0) }
    }

    @Test func weightDecayOnlyRelabelsThePenalty() throws {
        let plain = try LassoPath(problem: Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2])))
        let decayed = try LassoPath(problem: Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2]), weightDecay: q(1, 2)))
        #expect(plain.knots == decayed.knots)
        #expect(decayed.mu(at: q(3)) == q(2, 5) && decayed.mu(at: q(1, 2)) == nil && decayed.mu(at: q(1, 3)) == nil)
        #expect(plain.mu(at: q(4, 3)) == q(3, 4) && plain.mu(at: .zero) == nil)
    }

    @Test func zeroCorrelationGivesTheZeroPath() throws {
        let signed = try LassoPath(problem: Problem(M: mat([[1, 0], [0, 0]]), r: vec([0, 0])))
        #expect(signed.knots.count == 1 && signed.knots[0].kappa == .zero && signed.segments.isEmpty)
        #expect(!signed.isUnique) // M is singular: every x with x₁ = 0 fits at κ = 0
        let positive = try LassoPath(problem: Problem(M: mat([[2, 1], [1, 2]]), r: vec([-1, -1]), variant: .positive))
        #expect(positive.knots.map(\.kappa) == [q(0)] && positive.knots[0].x == vec([0, 0]) && positive.isUnique)
        #expect(positive.solution(at: q(5)) == vec([0, 0]))
    }

    /// Nonnegative lasso with M singular along (1, 1, 0): x = (1 − κ, 0, 1 − κ) on [0, 1]. Moving
    /// t ≥ 0 along (1, 1, 0) keeps the loss and adds 2κt to the penalty (t < 0 makes x₂ < 0), so
    /// inside the segment the solution is unique; at κ = 0 every (1 + t, t, 1) solves.
    @Test func positiveSingularButUnique() throws {
        let path = try LassoPath(problem: Problem(M: mat([[1, -1, 0], [-1, 1, 0], [0, 0, 1]]), r: vec([1, -1, 1]), variant: .positive))
        #expect(path.knots.map(\.kappa) == [q(1), q(0)] && path.knots[1].x == vec([1, 0, 1]))
        #expect(path.segments.count == 1 && path.segments[0].isUnique && path.knots[0].isUnique && !path.knots[1].isUnique)
    }
}
