import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SeededRandom
import Testing
@testable import LassoHomotopy

/// The rational engine on x̃ = s∘x (`ColumnScaling`): the scales are the columns' contents, and
/// the path is the one the unscaled engine and the integer engine give.
@Suite struct ColumnScalingTests {
    static func path(_ problem: Problem, scale: [Rational]?) throws -> LassoPath {
        let engine = RationalEngine(M: problem.M, r: problem.r, positive: problem.variant == .positive, scale: scale)
        return try LassoPath(problem: problem, scaled: ScaledProblem(M: problem.M, r: problem.r), engine: engine, factorisation: .rational)
    }

    static func expectSamePath(_ a: LassoPath, _ b: LassoPath, _ label: String) {
        #expect(a.knots == b.knots, "\(label)")
        #expect(a.segments.map(\.active) == b.segments.map(\.active) && a.segments.map(\.direction) == b.segments.map(\.direction), "\(label)")
    }

    /// By hand: columns (1/2, 3/4) → 1/4, (6, −10) → 2, (0, 0) → 1, (5/3, 7/3) → 1/3; nil when all are 1.
    @Test func scalesAreTheColumnContents() throws {
        let X = Matrix([[q(1, 2), q(6), q(0), q(5, 3)], [q(3, 4), q(-10), q(0), q(7, 3)]])
        let problem = try Problem(X: X, y: [q(1), q(2)], scaling: .sum, variant: .signed)
        #expect(ColumnScaling.of(problem) == [q(1, 4), q(2), q(1), q(1, 3)])
        #expect(ColumnScaling.of(try Problem(X: mat([[1, 2], [3, 5]]), y: vec([1, 1]), scaling: .mean, variant: .signed)) == nil)
        #expect(ColumnScaling.of(try Problem(M: mat([[2, 1], [1, 2]]), r: vec([1, 0]), variant: .signed)) == nil)
    }

    /// Seeded designs whose columns are scaled by unrelated fractions (up to ~60-bit numerators
    /// and denominators), both variants: the scaled engine's knots, supports and directions are the
    /// unscaled engine's and the integer engine's.
    @Test func scaledEngineFollowsTheSamePath() throws {
        var rng = SplitMix64(seed: 11_1205)
        var knots = 0
        for trial in 0..<40 {
            let d = rng.nextInt(in: 2...6), n = rng.nextInt(in: 2...7)
            let factors = (0..<d).map { _ in Rational(rng.nextInt(in: 1...(1 << 30)) * rng.nextInt(in: 1...999), rng.nextInt(in: 1...(1 << 30))) }
            let X = Matrix((0..<n).map { _ in (0..<d).map { j in Rational(rng.nextInt(in: -4...4)) * factors[j] } })
            let y = (0..<n).map { _ in Rational(rng.nextInt(in: -5...5), rng.nextInt(in: 1...3)) }
            let problem = try Problem(X: X, y: y, scaling: trial % 2 == 0 ? .sum : .mean, variant: trial % 3 == 2 ? .positive : .signed)
            let scale = ColumnScaling.of(problem)
            #expect(scale != nil, "trial \(trial)")
            let scaled = try Self.path(problem, scale: scale), plain = try Self.path(problem, scale: nil)
            Self.expectSamePath(scaled, plain, "trial \(trial)")
            Self.expectSamePath(scaled, try LassoPath(problem: problem, factorisation: .integer), "trial \(trial) integer")
            knots += scaled.knots.count
        }
        #expect(knots > 150)
    }

    /// Mairal–Yu p = 6 (365 knots): the same path, and M' = S⁻¹MS⁻¹ has integer entries of at most
    /// 6 bits where M's denominators pass 40 bits.
    @Test func mairalYuScaledMatrixIsSmall() throws {
        let problem = try MairalYu.instance(p: 6)
        let scale = try #require(ColumnScaling.of(problem))
        let d = problem.dimension
        let scaledEntries = (0..<d).flatMap { i in (0..<d).map { j in problem.M[i, j] / (scale[i] * scale[j]) } }
        #expect(scaledEntries.allSatisfy { $0.isInteger && $0.numerator.bitWidth <= 6 })
        #expect(problem.M.elements.map { $0.denominator.bitWidth }.max()! > 40)
        let scaled = try Self.path(problem, scale: scale)
        #expect(scaled.knots.count == 365)
        Self.expectSamePath(scaled, try Self.path(problem, scale: nil), "Mairal–Yu p = 6")
    }
}
