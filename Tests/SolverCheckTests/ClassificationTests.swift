import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SolverCheck
import Testing

@Suite("error classes and intercept centering")
struct ClassificationTests {
    /// x(1) = (0, 1/2) on the worked example; x₁ off by 1/1000 (an error of 1/500 of x's size)
    /// keeps the support and signs: a stopping-tolerance error, which passes unless the tolerance
    /// is strict.
    @Test func stoppingToleranceIsNotStructural() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path, kind: .points)
        output.points[2].x[1] = .exact(q(1, 2) + q(1, 1000))
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points.map(\.errorClass) == [.ok, .ok, .stoppingTolerance, .ok, .ok])
        #expect(report.errorClass == .stoppingTolerance && report.passed)
        #expect(report.summary.hasPrefix("PASS with stopping-tolerance errors: 1 of 5 λ off by up to 0.002 > 1e-06 with the right support and signs (first at λ = 1, solution 3); tighten the solver's tolerance, or give --tolerance to fail on them (if the solver did converge, it solved another problem: check alpha's scaling, --fit-intercept, --positive)"), "\(report.summary)")
        let strict = try SolverCheck.compare(path: path, solution: output, strict: true)
        #expect(!strict.passed && strict.summary.hasPrefix("FAIL: 1 of 5 λ off by up to 0.002 > 1e-06 with the right support and signs (first at λ = 1, solution 3)"), "\(strict.summary)")
        // Off by 2/5 of x's size on the right support: not a stopping rule's doing.
        output.points[2].x[1] = .exact(q(1, 2) + q(1, 5))
        let far = try SolverCheck.compare(path: path, solution: output)
        #expect(far.points[2].errorClass == .structural && !far.passed)
        #expect(far.points[2].reason?.contains("values off by 0.4") == true, "\(far.points[2].reason ?? "")")
        #expect(!far.summary.contains("tighter tol"), "\(far.summary)")
    }

    /// A sign wrong at a coordinate near 0 with the values within 1/10 of x's size: structural,
    /// with the hint that a solver stopped by its convergence test leaves such points (coordinate
    /// descent at scikit-learn's default tol); with a sign wrong by more, no hint.
    @Test func wrongSignsNearZeroNameTheStoppingRule() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path, kind: .points)
        output.points[2].x[0] = .exact(q(1, 1000)) // x(1) = (0, 1/2): off by 1/500 of x's size
        let near = try SolverCheck.compare(path: path, solution: output)
        #expect(near.points[2].errorClass == .structural && !near.passed)
        #expect(near.summary.hasSuffix("(each within 0.1 of the solution's size, a coordinate near 0 on the wrong side: what a solver stopped by its convergence test leaves, such as coordinate descent at scikit-learn's default tol=1e-4; rerun it with a tighter tol to tell)"), "\(near.summary)")
        output.points[2].x[0] = .exact(q(1, 5)) // off by 2/5
        let far = try SolverCheck.compare(path: path, solution: output)
        #expect(far.points[2].errorClass == .structural && !far.summary.contains("tighter tol"), "\(far.summary)")
    }

    /// Data in other units: y scaled by 10⁻⁷ (so r, x and the knots' λ by 10⁻⁷) or X by 10⁴ (M by
    /// 10⁸, r by 10⁴, x by 10⁻⁴) gives the same errors and classes. Before, errors were measured
    /// against max(1, ‖x*‖∞), so at y × 10⁻⁷ a solution with every sign flipped passed.
    @Test(arguments: [(q(1, 10_000_000), q(1)), (q(10_000), q(100_000_000))])
    func errorsDoNotDependOnTheDataUnits(rScale: Rational, mScale: Rational) throws {
        func report(_ problem: Problem, flip: Bool) throws -> SolverReport {
            let path = try LassoPath(problem: problem)
            var output = knotsOutput(path, kind: .points)
            output.points[2].x[1] = .exact(output.points[2].x[1].exactValue! * (flip ? q(-1) : q(1001, 1000)))
            return try SolverCheck.compare(path: path, solution: output)
        }
        let base = try workedExample()
        let scaled = try Problem(M: Matrix(base.M.rowArrays.map { $0.map { $0 * mScale } }), r: base.r.map { $0 * rScale })
        for flip in [false, true] {
            let (a, b) = (try report(base, flip: flip), try report(scaled, flip: flip))
            #expect(a.points.map { $0.comparison?.error } == b.points.map { $0.comparison?.error })
            #expect(a.points.map(\.errorClass) == b.points.map(\.errorClass))
            #expect(b.points[2].errorClass == (flip ? .structural : .stoppingTolerance))
        }
    }

    /// A solver that penalised ½‖Xx − y‖² reports λ n times scikit-learn's: the knots' solutions
    /// at 100·κ, where the exact solution is 0, fail, and the verdict names --scaling sum.
    @Test func solutionsAtLambdasOnAnotherScaleNameTheScaling() throws {
        let path = try LassoPath(problem: try workedExample())
        let output = SolverOutput(exactLambdas: path.knots.map { $0.kappa * q(100) }, solutions: path.knots.map(\.x), kind: .points)
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points.map(\.errorClass) == [.ok, .structural, .structural, .structural, .ok]) // 100·0 = 0
        #expect(report.summary.hasSuffix("(at 3 of them the exact solution is 0: if the solver penalised ½‖Xx − y‖², give --scaling sum)"), "\(report.summary)")
    }

    /// The 2746 tie: point 1 has the wrong support; point 2 the right one but KKT violated by 1.
    @Test func tieIsStructural() throws {
        let path = try LassoPath(problem: try tieExample())
        let output = SolverOutput(lambdas: [1.25, 1.25, 0], solutions: [[0, 0, 0, 0, 0], [0, 2.5, 0, 0, 0], [0, 5, 0, 2.5, 0]], kind: .path)
        let names = ["a", "b", "c", "d", "e"]
        let report = try SolverCheck.compare(path: path, solution: output, names: names)
        #expect(report.points.map(\.errorClass) == [.ok, .structural, .structural])
        #expect(report.points[1].reason == "b has sign +, exact 0")
        #expect(!report.passed && report.errorClass == .structural)
    }

    /// A missing knot with an interpolant off at it is a structural error of the path.
    @Test func missedKnotIsStructural() throws {
        let path = try LassoPath(problem: try workedExample())
        var output = knotsOutput(path)
        output.points.remove(at: 1) // the knot 4/3
        let report = try SolverCheck.compare(path: path, solution: output)
        #expect(report.points.allSatisfy { $0.errorClass == .ok })
        #expect(report.knotErrors.count == 1 && report.knotErrors[0].hasPrefix("exact knot κ_1 at λ = 1.3333333 missed"))
        #expect(report.errorClass == .structural && !report.passed)
        // An extra solver knot at λ = 2 whose point is off: named by its row, counted from 1.
        var extra = knotsOutput(path)
        extra.points.insert(SolverOutput.Point(lambda: .exact(q(2)), x: [.exact(q(-1, 10)), .exact(q(1, 10))], place: "extra"), at: 1)
        #expect(try SolverCheck.compare(path: path, solution: extra).knotErrors == ["extra knot at λ = 2 (solver knot #2)"])
    }

    /// X = [[1, 2], [3, 0], [5, 4]], y = (1, 2, 6): column means (3, 2), ȳ = 3, so
    /// X̃ = [[−2, 0], [0, −2], [2, 2]], ỹ = (−2, −1, 3), M = X̃ᵀX̃/3 = [[8, 4], [4, 8]]/3,
    /// r = X̃ᵀỹ/3 = (10, 8)/3.
    @Test func centeringIsScikitLearns() throws {
        let X = Matrix([[1, 2], [3, 0], [5, 4]].map { $0.map { q($0) } })
        let centered = try SolverCheck.centered(try Problem(X: X, y: [q(1), q(2), q(6)]))
        #expect(centered.M == Matrix([[q(8, 3), q(4, 3)], [q(4, 3), q(8, 3)]]))
        #expect(centered.r == [q(10, 3), q(8, 3)])
        #expect(throws: SolverFileError.self) { try SolverCheck.centered(try workedExample()) }
    }

    /// The class boundaries on the worked example at λ = 1, x(1) = (0, 1/2), whose size 1/2
    /// errors are measured against: an error of exactly the tolerance 10⁻⁶ is ok, of exactly 1/10
    /// a stopping-tolerance error, and a coordinate exactly tolerance × size on the wrong side of
    /// 0 is not yet a wrong sign.
    @Test func classBoundaries() throws {
        let path = try LassoPath(problem: try workedExample())
        func errorClass(_ x: [Rational]) throws -> ErrorClass {
            var output = knotsOutput(path, kind: .points)
            output.points[2].x = x.map { .exact($0) }
            return try SolverCheck.compare(path: path, solution: output).points[2].errorClass
        }
        #expect(try errorClass([q(0), q(1, 2) + q(1, 2_000_000)]) == .ok)
        #expect(try errorClass([q(0), q(1, 2) + q(1, 2_000_000) + q(1, 10_000_000_000)]) == .stoppingTolerance)
        #expect(try errorClass([q(0), q(1, 2) + q(1, 20)]) == .stoppingTolerance)
        #expect(try errorClass([q(0), q(1, 2) + q(1, 20) + q(1, 10_000_000_000)]) == .structural)
        #expect(try errorClass([q(-1, 2_000_000), q(1, 2) + q(1, 1000)]) == .stoppingTolerance)
        #expect(try errorClass([q(-1, 2_000_000) - q(1, 10_000_000_000), q(1, 2) + q(1, 1000)]) == .structural)
    }
}
