import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import SeededRandom
import ProblemDefinition
import SolverCheck
import Testing

@Suite("SolverCheck.compare")
struct CompareTests {
    @Test func exactKnotsPass() throws {
        let path = try LassoPath(problem: try workedExample())
        let report = try SolverCheck.compare(path: path, solution: knotsOutput(path))
        #expect(report.passed, "\(report.summary)")
        #expect(report.points.count == 5)
        #expect(report.points.allSatisfy { $0.comparison?.error == .zero && $0.comparison?.kktViolation == .zero })
        #expect(report.points.allSatisfy { $0.comparison?.objectiveGap == .zero && $0.comparison?.supportAgrees == true })
        let knots = try #require(report.knots)
        #expect(knots.exactKnots.map(\.kappa) == [q(3), q(4, 3), q(1), q(1, 3), q(0)])
        #expect(knots.missed.isEmpty && knots.spurious.isEmpty && knots.knotsAbove == 0 && knots.knotsBelow == 0)
        #expect(report.summary.hasPrefix("PASS: all 5 λ within tolerance 1e-06"), "\(report.summary)")
    }

    /// Doubles nearest to the exact knots and solutions: a correct double-precision code.
    @Test func roundedKnotsPassWithTinyErrors() throws {
        let path = try LassoPath(problem: try workedExample())
        let output = SolverOutput(lambdas: path.knots.map(\.kappa.doubleValue),
                                  solutions: path.knots.map { $0.x.map(\.doubleValue) }, kind: .path)
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.passed, "\(report.summary)")
        let largest = try #require(report.largestError)
        #expect(largest.error.signum > 0 && largest.error < Rational(1, 1_000_000_000_000_000))
        #expect(report.knots?.missed.isEmpty == true)
    }

    /// One coordinate of one point moved by 1/1000: that λ, and only it, fails, by 1/1000 over
    /// the solution's size. Here M = [[10, −4], [−4, 2]], r = (−3, 2): the first coefficient alone
    /// reaches ‖r‖∞ / max M_ii = 3/10 and x(0) = (1/2, 2), so sizes below 3/10 count as 3/10.
    @Test func perturbedPointFailsAtItsLambda() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path, kind: .points)
        output.points[2].x[0] = .exact(output.points[2].x[0].exactValue! + q(1, 1000))
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(!report.passed)
        #expect(report.failedPoints.map(\.index) == [2])
        let c = try #require(report.failedPoints.first?.comparison)
        #expect(c.kappa == q(1))
        #expect(c.absoluteError == q(1, 1000))
        // x(1) = (0, 1/2): error = (1/1000) / max(1/2, 3/10).
        #expect(c.error == q(1, 500) && c.criterion == .solution && c.scale == q(1, 2))
        // x₀ = 1/1000 where the exact x₀ is 0: a wrong support, structural.
        #expect(report.points[2].errorClass == .structural && report.points[2].reason == "x1 has sign +, exact 0")
        #expect(report.summary.hasPrefix("FAIL: structural error at 1 of 5 λ (first at λ = 1, solution 3: x1 has sign +, exact 0)"), "\(report.summary)")
        // With a looser tolerance it passes.
        #expect(try SolverCheck.compare(path: path, solution: output, tolerance: q(1, 500)).passed)
        #expect(try !SolverCheck.compare(path: path, solution: output, tolerance: q(1, 501)).passed)
    }

    /// A path that skips the knot 4/3 interpolates straight from 3 to 1: the exact knot is
    /// missed, and the interpolant there is off by exactly |x(4/3) − interpolated|.
    @Test func missingKnotIsMissedAndItsInterpolantFails() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path)
        output.points.remove(at: 1)
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.failedPoints.isEmpty)
        let knots = try #require(report.knots)
        #expect(knots.missed.map(\.kappa) == [q(4, 3)])
        #expect(knots.failures.map(\.kappa) == [q(4, 3)])
        // Interpolating x(3) = 0 and x(1) = (0, 1/2) at 4/3 gives (0, 5/12); exact x(4/3) = (−1/6, 0),
        // whose size 1/6 counts as 3/10: the error is (5/12) / (3/10) = 25/18.
        let exact = path.solution(at: q(4, 3))
        let interpolated = [q(0), q(5, 12)]
        #expect(knots.failures[0].interpolation?.error == maxNorm(interpolated.subtracting(exact)) / q(3, 10))
        #expect(knots.failures[0].interpolation?.error == q(25, 18))
        #expect(!report.passed)
    }

    /// lars_path(method='lar') gives alphas that go up again; as a path they are refused, naming
    /// the likely cause and the way to check them anyway.
    @Test func unsortedPathAlphasNameTheLikelyCause() throws {
        let path = try LassoPath(problem: try workedExample())
        let output = SolverOutput(lambdas: [3, 1, 2], solutions: [[0, 0], [0, 0.5], [0, 0]], kind: .path)
        #expect(throws: SolverFileError("a path's alphas must be sorted (the solver's knots in order); these are not (lars_path's method='lar' gives such alphas; the lasso path is method='lasso'); without --path they are checked as independent points")) {
            try SolverCheck.compare(path: path, solution: output)
        }
    }

    /// An extra point on a segment, with correct values, is a spurious knot but not a failure.
    @Test func extraKnotIsSpuriousButPasses() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path)
        output.points.insert(SolverOutput.Point(lambda: .exact(q(2)), x: path.solution(at: q(2)).map(SolverNumber.exact), place: "extra"), at: 1)
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.passed, "\(report.summary)")
        #expect(report.knots?.spurious.map(\.lambda) == [q(2)])
        #expect(report.knots?.spurious.first?.index == 1)
    }

    /// scikit-learn 1.9.1's lars_path on issue 2746 (alphas [1.25, 1.25, 0]): a one-at-a-time
    /// code takes a zero-length step at the tie. The knot 5/4 has two events, so it absorbs both
    /// solver knots; points 2 and 3 fail by exactly 1 and 1: M = diag(0, 1/2, 0, 1/2, 0) and
    /// r = (0, 5/4, 0, 5/4, 0), so sizes count from ‖r‖∞ / max M_ii = 5/2 = ‖x(0)‖∞.
    @Test func sklearnTieOutputFailsWhereExpected() throws {
        let path = try LassoPath(problem: try tieExample())
        let output = SolverOutput(
            lambdas: [1.25, 1.25, 0],
            solutions: [[0, 0, 0, 0, 0], [0, 2.5, 0, 0, 0], [0, 5, 0, 2.5, 0]], kind: .path)
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.failedPoints.map(\.index) == [1, 2])
        #expect(report.points[1].comparison?.error == q(1)) // ‖(0, 5/2, 0, 0, 0)‖∞ / (5/2), x* = 0
        #expect(report.points[1].comparison?.supportAgrees == false)
        #expect(report.points[2].comparison?.error == q(1)) // ‖(0, 5/2, 0, 0, 0)‖∞ / ‖(0, 5/2, 0, 5/2, 0)‖∞
        #expect(report.points[2].comparison?.kktViolation == q(5, 4))
        #expect(report.knots?.exactKnots.map(\.matches) == [2, 1])
        #expect(report.knots?.missed.isEmpty == true && report.knots?.spurious.isEmpty == true)
    }

    /// Singular M: any member of the solution set passes (KKT criterion), a non-member fails,
    /// and the objective gap is 0 exactly for members.
    @Test func differentValidMemberPasses() throws {
        let problem = try duplicateColumns()
        let path = try LassoPath(problem: problem)
        let kappa = q(1, 10)
        let canonical = path.solution(at: kappa)
        #expect(path.segments.contains { !$0.isUnique })
        // Move all the weight of the duplicated pair onto the first copy: still a solution.
        let other = [canonical[0] + canonical[1], q(0), canonical[2]]
        #expect(other != canonical)
        let wrong = [canonical[0] + canonical[1], q(1, 100), canonical[2]]
        let output = SolverOutput(exactLambdas: [kappa, kappa, kappa], solutions: [canonical, other, wrong])
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points.map(\.passed) == [true, true, false])
        let member = try #require(report.points[1].comparison)
        #expect(!member.unique && member.criterion == .kkt && member.error == .zero && member.objectiveGap == .zero)
        #expect(member.absoluteError.signum > 0) // far from the canonical member, yet valid
        #expect(member.supportAgrees)
        #expect(report.points[2].comparison!.objectiveGap.signum > 0)
    }

    @Test func unusablePointsFail() throws {
        let path = try LassoPath(problem: try workedExample())
        let output = SolverOutput(points: [
            .init(lambda: .nonFinite(.nan), x: [.exact(0), .exact(0)], place: "a"),
            .init(lambda: .exact(q(-1)), x: [.exact(0), .exact(0)], place: "b"),
            .init(lambda: .exact(q(1)), x: [.exact(0), .nonFinite(.infinity)], place: "c"),
            .init(lambda: .exact(q(5)), x: [.exact(0), .exact(0)], place: "d"),
        ])
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points.map(\.passed) == [false, false, false, true])
        #expect(report.points[0].unusable == "λ is nan")
        #expect(report.points[1].unusable == "λ = -1 is negative; the lasso needs λ ≥ 0")
        #expect(report.points[2].unusable == "x is inf at coordinate 2")
    }

    @Test func wrongDimensionIsAFileError() throws {
        let path = try LassoPath(problem: try workedExample())
        let output = SolverOutput(exactLambdas: [q(1)], solutions: [[q(0), q(0), q(0)]], source: "sol.json")
        #expect(throws: SolverFileError("sol.json: solution 1 has 3 coordinates but the problem has d = 2")) {
            try SolverCheck.compare(path: path, solution: output)
        }
        let unsorted = SolverOutput(exactLambdas: [q(1), q(3), q(2)], solutions: Array(repeating: [q(0), q(0)], count: 3), kind: .path)
        #expect(throws: SolverFileError.self) { try SolverCheck.compare(path: path, solution: unsorted) }
    }

    /// The O(d) optimal value used for the objective gap agrees with ℓ(x) + κ‖x‖₁ evaluated directly.
    @Test func optimalValueIdentity() throws {
        for problem in [try workedExample(), try tieExample(), try duplicateColumns()] {
            let path = try LassoPath(problem: problem)
            for kappa in [q(0), q(1, 7), q(1, 3), q(2, 3), q(1), q(5, 4), q(7, 2)] {
                let output = SolverOutput(exactLambdas: [kappa], solutions: [path.solution(at: kappa)])
                let c = try #require(try SolverCheck.compare(path: path, solution: output).points[0].comparison)
                #expect(c.objectiveGap == .zero, "κ = \(kappa)")
                #expect(c.kktViolation == .zero, "κ = \(kappa)")
            }
        }
    }

    /// The KKT residual of docs/math.md §1 on a hand example: M = I, r = (2, −1, 1/2) at κ = 1.
    @Test func kktViolationValues() throws {
        let problem = try Problem(M: Matrix.identity(3), r: [q(2), q(-1), q(1, 2)])
        let path = try LassoPath(problem: problem)
        // x = (1, 0, 0) is the solution at κ = 1. x = (1/2, 0, 1/4): c = (3/2, −1, 1/4):
        // residuals |3/2 − 1| = 1/2, max(1 − 1, 0) = 0, |1/4 − 1| = 3/4.
        let output = SolverOutput(exactLambdas: [q(1), q(1)], solutions: [[q(1), q(0), q(0)], [q(1, 2), q(0), q(1, 4)]])
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points[0].comparison?.kktViolation == .zero)
        #expect(report.points[1].comparison?.kktViolation == q(3, 4))
        #expect(report.points[1].comparison?.absoluteError == q(1, 2))
        #expect(report.points[1].comparison?.supportAgrees == false)
        // Positive variant: a negative coordinate counts with max(|x_i|, |c_i − κ|).
        let positive = try Problem(M: Matrix.identity(3), r: [q(2), q(-1), q(1, 2)], variant: .positive)
        let negative = SolverOutput(exactLambdas: [q(1)], solutions: [[q(1), q(-1, 10), q(0)]])
        let c = try #require(try SolverCheck.compare(problem: positive, solution: negative).points[0].comparison)
        // c = r − x = (1, −9/10, 1/2): residuals 0, max(1/10, |−9/10 − 1|) = 19/10, max(1/2 − 1, 0) = 0.
        #expect(c.kktViolation == q(19, 10))
    }
}

/// The comparison works on x* over one common denominator and does not keep it; these are its
/// numbers against the same ones in reduced rationals, from their definitions.
@Suite("SolverCheck.compare against reduced arithmetic")
struct ReducedArithmeticTests {
    /// Seeded double-valued designs, square and wide (singular M, unique solutions in general
    /// position), and solver points at double λ near x(λ): rounded to doubles, some coordinates
    /// zeroed, some moved by 1%.
    @Test func everyNumberMatchesItsDefinition() throws {
        var rng = SplitMix64(seed: 2026_12_06)
        var compared = 0, wrongSigns = 0
        for trial in 0..<12 {
            let (n, d) = trial % 2 == 0 ? (9, 5) : (4, 6)
            let X = Matrix((0..<n).map { _ in (0..<d).map { _ in Rational(exactly: rng.nextUnit() * 4 - 2)! } })
            let y = (0..<n).map { _ in Rational(exactly: rng.nextUnit() * 6 - 3)! }
            let problem = try Problem(X: X, y: y)
            let path = try LassoPath(problem: problem)
            let kappaMax = path.kappaMax.doubleValue
            let lambdas = (0..<8).map { _ in rng.nextUnit() * kappaMax * 1.1 }
            let solutions = lambdas.map { lambda in
                path.solution(at: Rational(exactly: lambda)!).map { v -> Double in
                    switch rng.nextInt(in: 0...5) {
                    case 0: return 0
                    case 1: return v.doubleValue * 1.01
                    default: return v.doubleValue
                    }
                }
            }
            let report = try SolverCheck.compare(path: path, solution: SolverOutput(lambdas: lambdas, solutions: solutions))
            for point in report.points {
                let c = try #require(point.comparison)
                let kappa = c.kappa, x = c.given, xStar = path.solution(at: kappa)
                #expect(c.exactIsZero == xStar.allSatisfy(\.isZero))
                let difference = maxNorm(x.subtracting(xStar)), size = maxNorm(xStar)
                #expect(c.absoluteError == difference, "trial \(trial) κ = \(kappa)")
                #expect(c.relativeError == (size.isZero ? nil : difference / size))
                func objective(_ v: [Rational]) -> Rational { problem.loss(v) + kappa * oneNorm(v) }
                #expect(c.objectiveGap == objective(x) - objective(xStar), "trial \(trial) κ = \(kappa)")
                #expect(c.objectiveGap.signum >= 0)
                #expect(c.unique == path.isUnique(at: kappa))
                if c.unique {
                    #expect(c.error == difference / Rational.max(size, c.scale) && c.scale >= size)
                    #expect(c.exactSupport == xStar.indices.filter { !xStar[$0].isZero })
                    #expect(c.exactSigns == c.exactSupport.map { xStar[$0].signum })
                    let wrong = x.indices.filter { x[$0].signum != xStar[$0].signum }
                    #expect(c.wrongSignDistances == Dictionary(uniqueKeysWithValues: wrong.map { ($0, (x[$0] - xStar[$0]).magnitude) }))
                    wrongSigns += wrong.count
                }
                compared += 1
            }
        }
        #expect(compared == 96 && wrongSigns > 20)
    }
}
