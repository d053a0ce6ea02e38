import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

extension SolverCheck {
    /// The problem scikit-learn solves with `fit_intercept=True`: X and y centered by their
    /// column means, `X̃ = X − 1·x̄ᵀ`, `ỹ = y − ȳ·1` (exactly, from the data the problem was read
    /// from), with the same scaling, variant and weight decay. Its coefficients are what
    /// `lars_path`/`LassoLars`/`Lasso` report in `coef_`; the intercept `ȳ − x̄ᵀx` is not
    /// part of the lasso path and is not checked. (scikit-learn ≥ 1.2 no longer rescales X.)
    public static func centered(_ problem: Problem) throws -> Problem {
        guard let data = problem.data else {
            throw SolverFileError("--fit-intercept centers the data X and y, but this problem is given as M and r; give X and y, or center them yourself")
        }
        let (n, d) = (data.X.rows, data.X.columns)
        let size = Rational(n)
        let means = (0..<d).map { j in (0..<n).reduce(Rational.zero) { $0 + data.X[$1, j] } / size }
        let yMean = data.y.reduce(Rational.zero, +) / size
        let X = Matrix((0..<n).map { i in (0..<d).map { j in data.X[i, j] - means[j] } })
        return try Problem(X: X, y: data.y.map { $0 - yMean }, scaling: data.scaling, variant: problem.variant,
                           weightDecay: problem.weightDecay)
    }
}
