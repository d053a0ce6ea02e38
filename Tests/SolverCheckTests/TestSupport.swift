import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import LassoHomotopy
import ProblemDefinition
import SolverCheck
import TestScratch

func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

/// docs/math.md §4's worked example: knots 3, 4/3, 1, 1/3, 0 (positive definite, unique solutions).
func workedExample() throws -> Problem {
    try Problem(M: Matrix([[q(10), q(-4)], [q(-4), q(2)]]), r: [q(-3), q(2)])
}

/// scikit-learn issue 2746 (docs/math.md §6): an exact tie at λ = 5/4 between x₂ and x₄.
func tieExample() throws -> Problem {
    let X = Matrix([[0, 0, 0, -1, 0], [0, -1, 0, 0, 0]].map { $0.map { q($0) } })
    return try Problem(X: X, y: [q(-5, 2), q(-5, 2)])
}

/// Columns 1 and 2 equal (singular M): wherever x₁ + x₂ ≠ 0 the solution set is a segment.
func duplicateColumns() throws -> Problem {
    let X = Matrix([[1, 1, 0], [0, 0, 1], [1, 1, 1]].map { $0.map { q($0) } })
    return try Problem(X: X, y: [q(3), q(1), q(2)])
}

/// The exact path's knots as an output (what a perfect homotopy code would write).
func knotsOutput(_ path: LassoPath, kind: SolverOutput.Kind = .path) -> SolverOutput {
    SolverOutput(exactLambdas: path.knots.map(\.kappa), solutions: path.knots.map(\.x), kind: kind)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    try TestScratch.directory("SolverCheckTests")
}
