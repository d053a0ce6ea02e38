import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SeededRandom

/// "p/q" → Rational, for readable exact expectations.
func q(_ text: String) -> Rational { Rational(text)! }

func vector(_ entries: String...) -> [Rational] { entries.map(q) }

func matrix(_ rows: [[Int]]) -> Matrix { Matrix(rows.map { $0.map { Rational($0) } }) }


/// A random problem from small integer data X (n × d) and y, M = XᵀX, r = Xᵀy (sum scaling).
func randomProblem(
    seed: UInt64, n: Int, d: Int, variant: Variant, weightDecay: Rational = .zero, range: ClosedRange<Int> = -3...3
) throws -> Problem {
    var g = SplitMix64(seed: seed)
    let X = Matrix((0..<n).map { _ in (0..<d).map { _ in Rational(g.nextInt(in: range)) } })
    let y = (0..<n).map { _ in Rational(g.nextInt(in: range)) }
    return try Problem(X: X, y: y, scaling: .sum, variant: variant, weightDecay: weightDecay)
}
