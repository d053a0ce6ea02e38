import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver

/// SplitMix64 (Steele, Lea, Flood 2014): seeded, so every random test is reproducible.
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

func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }
func vec(_ v: [Int]) -> [Rational] { v.map { Rational($0) } }
func mat(_ rows: [[Int]]) -> Matrix { Matrix(rows.map(vec)) }

/// The KKT conditions, written independently of the solver: sign feasibility, gradient zero on
/// free coordinates, sign and complementarity of the multipliers on constrained ones.
func satisfiesKKT(_ z: [Rational], _ problem: FaceProblem) -> Bool {
    let g = (problem.P * z).subtracting(problem.p)
    for i in z.indices {
        switch problem.constraints[i] {
        case .free: if !g[i].isZero { return false }
        case .nonnegative: if z[i].signum < 0 || g[i].signum < 0 || (!z[i].isZero && !g[i].isZero) { return false }
        case .nonpositive: if z[i].signum > 0 || g[i].signum > 0 || (!z[i].isZero && !g[i].isZero) { return false }
        }
    }
    return true
}

func isFeasible(_ z: [Rational], _ constraints: [SignConstraint]) -> Bool {
    zip(z, constraints).allSatisfy { v, c in
        switch c {
        case .free: return true
        case .nonnegative: return v.signum >= 0
        case .nonpositive: return v.signum <= 0
        }
    }
}
