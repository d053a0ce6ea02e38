import ExactArithmetic
import ExactLinearAlgebra
import ProblemInput

/// "p/q" → Rational, for readable exact expectations.
func q(_ text: String) -> Rational { Rational(text)! }

func vector(_ entries: String...) -> [Rational] { entries.map(q) }

func matrix(_ rows: [[Int]]) -> Matrix { Matrix(rows.map { $0.map { Rational($0) } }) }

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so every random test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// A random problem from small integer data X (n × d) and y, M = XᵀX, r = Xᵀy (sum scaling).
func randomProblem(
    seed: UInt64, n: Int, d: Int, variant: Variant, weightDecay: Rational = .zero, range: ClosedRange<Int> = -3...3
) throws -> Problem {
    var g = SplitMix64(seed: seed)
    let X = Matrix((0..<n).map { _ in (0..<d).map { _ in Rational(g.int(in: range)) } })
    let y = (0..<n).map { _ in Rational(g.int(in: range)) }
    return try Problem(X: X, y: y, scaling: .sum, variant: variant, weightDecay: weightDecay)
}
