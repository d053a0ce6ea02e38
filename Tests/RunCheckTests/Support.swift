import ExactArithmetic
import ExactLinearAlgebra
import NumericFlow
import ProblemDefinition
import RunCheck

/// docs/math.md §4's worked example: M = [[10, −4], [−4, 2]], r = (−3, 2); the averaged limit
/// leaves the lasso path on (3/4, 3); default s_max = 9/2.
func workedExample(weightDecay: Rational = .zero) throws -> Problem {
    try Problem(M: Matrix([[Rational(10), Rational(-4)], [Rational(-4), Rational(2)]]), r: [Rational(-3), Rational(2)],
                weightDecay: weightDecay)
}

func reference(_ p: Problem) throws -> FlowReference { try FlowReference(p) }

/// A run made by the tool's own integrator: x_ε(s) of `problem` at `epsilon`, sampled at
/// `count` equally spaced flow times up to s_max, with times in t = s·log(1/ε)/2 (u∘v).
/// `timeScale` and `sScale` fake a user's wrong conventions.
func flowRun(_ problem: DLNProblem, epsilon: FlowEpsilon, sMax: Double, count: Int,
             declared: FlowEpsilon? = nil, sScale: Double = 1) throws -> TrainingRun {
    let trajectory = try ZFlow.solve(problem, epsilon: epsilon, sMax: sMax * sScale,
                                     options: FlowOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-12))
    let L = (declared ?? epsilon).logInverse
    let s = (0..<count).map { sMax * Double($0) / Double(count - 1) }
    return try TrainingRun(times: s.map { $0 * L / 2 }, x: s.map { trajectory.iterate(at: $0 * sScale) },
                           epsilon: declared ?? epsilon, dimension: problem.dimension)
}

/// Gradient descent by the tool itself at `step`, every iteration saved, t = iteration numbers
/// (a u∘v run up to s_max).
func descentRun(_ problem: DLNProblem, epsilon: FlowEpsilon, step: Double, sMax: Double = 4.5) throws -> TrainingRun {
    let perIteration = step * 2 / epsilon.logInverse
    let n = Int((sMax / perIteration).rounded(.up))
    let times = (0...n).map { Double($0) * perIteration }
    let result = try GradientDescent.run(problem, epsilon: epsilon, stepSize: step, sMax: sMax, sampleAt: times)
    return try TrainingRun(times: (0...n).map(Double.init), x: result.samples.map(\.iterate), epsilon: epsilon, dimension: problem.dimension)
}
