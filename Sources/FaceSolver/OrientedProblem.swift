import ExactArithmetic
import ExactLinearAlgebra

/// A face problem with its nonpositive coordinates flipped (`z_i → −z_i`), so every constraint
/// reads `z_i ≥ 0`. Flipping is an exact change of variables: `P_ij → σ_iσ_j P_ij`, `p_i → σ_i p_i`.
/// Matrices are flat row-major arrays: this is the inner loop of the counterexample search.
struct OrientedProblem {
    let n: Int
    let P: [Rational]
    let p: [Rational]
    let constrained: [Bool]
    /// −1 on flipped coordinates, +1 elsewhere.
    let flip: [Bool]
    /// P over one denominator, for products (`times`) when some entry is beyond `Rational`'s
    /// Int64 fast path; nil otherwise, where `Rational` sums are cheaper.
    private let integerP: IntegerMatrix?

    init(n: Int, P: [Rational], p: [Rational], constrained: [Bool]) {
        self.n = n
        self.P = P
        self.p = p
        self.constrained = constrained
        flip = Array(repeating: false, count: n)
        integerP = Self.integerForm(P, order: n)
    }

    private static func integerForm(_ P: [Rational], order n: Int) -> IntegerMatrix? {
        P.allSatisfy(\.isSmall) ? nil : IntegerMatrix(elements: P, rows: n, columns: n)
    }

    /// Validates the contract of `FaceProblem` and orients it.
    init(validating problem: FaceProblem) throws {
        let n = problem.p.count
        guard problem.P.rows == n, problem.P.columns == n else {
            throw FaceSolverError.invalidProblem("P is \(problem.P.rows)×\(problem.P.columns) but p has \(n) entries")
        }
        guard problem.constraints.count == n else {
            throw FaceSolverError.invalidProblem("there are \(problem.constraints.count) sign constraints for \(n) coordinates")
        }
        if let i = problem.warmSupport.first(where: { !(0..<n).contains($0) }) {
            throw FaceSolverError.invalidProblem("warm support index \(i) is not a coordinate (there are \(n))")
        }
        if let (i, j) = problem.P.firstAsymmetry {
            throw FaceSolverError.invalidProblem("P is not symmetric: P[\(i + 1)][\(j + 1)] ≠ P[\(j + 1)][\(i + 1)]")
        }
        let flip = problem.constraints.map { $0 == .nonpositive }
        var P = problem.P.elements
        for i in 0..<n where flip[i] {
            for j in 0..<n {
                P[i * n + j] = -P[i * n + j]
                P[j * n + i] = -P[j * n + i]
            }
        }
        guard problem.isKnownSemidefinite || SemidefiniteFactorisation(symmetric: P, order: n) != nil else {
            throw FaceSolverError.invalidProblem("P is not positive semidefinite")
        }
        self.n = n
        self.P = P
        self.p = (0..<n).map { flip[$0] ? -problem.p[$0] : problem.p[$0] }
        constrained = problem.constraints.map { $0 != .free }
        self.flip = flip
        integerP = Self.integerForm(P, order: n)
    }

    /// Maps a vector between the original and the oriented coordinates (an involution).
    func reorient(_ v: [Rational]) -> [Rational] {
        (0..<n).map { flip[$0] ? -v[$0] : v[$0] }
    }

    /// `p − Pz`, the negative gradient.
    func negativeGradient(_ z: [Rational]) -> [Rational] { p.subtracting(times(z)) }

    /// `Pz − p`.
    func gradient(_ z: [Rational]) -> [Rational] { times(z).subtracting(p) }

    /// `P_SS` for an index list S, flat.
    func principal(_ s: [Int]) -> [Rational] {
        var m = [Rational](repeating: .zero, count: s.count * s.count)
        for (a, i) in s.enumerated() { for (b, j) in s.enumerated() { m[a * s.count + b] = P[i * n + j] } }
        return m
    }

    /// `P·v`.
    func times(_ v: [Rational]) -> [Rational] {
        if let integerP { return integerP.times(v) }
        return (0..<n).map { i in
            var s = Rational.zero
            for j in 0..<n where !v[j].isZero { s.addProduct(P[i * n + j], v[j]) }
            return s
        }
    }

    /// The KKT conditions of docs/math.md §5, exactly: z ≥ 0 on constrained coordinates, gradient zero
    /// on free ones, ≥ 0 and complementary on constrained ones. Sufficient for optimality
    /// because P is positive semidefinite. Returns the first violation in words.
    func kktViolation(_ z: [Rational]) -> String? {
        let gradient = gradient(z)
        for i in 0..<n {
            let g = gradient[i]
            if constrained[i] {
                if z[i].signum < 0 { return "coordinate \(i + 1) violates its sign constraint" }
                if g.signum < 0 { return "multiplier \(i + 1) has the wrong sign" }
                if !z[i].isZero && !g.isZero { return "complementarity fails at coordinate \(i + 1)" }
            } else if !g.isZero {
                return "gradient is nonzero at free coordinate \(i + 1)"
            }
        }
        return nil
    }

    /// Whether `h` proves unboundedness: `Ph = 0`, `pᵀh > 0`, `h ≥ 0` on constrained coordinates.
    func isUnboundedDirection(_ h: [Rational]) -> Bool {
        guard h.count == n else { return false }
        for i in 0..<n where constrained[i] && h[i].signum < 0 { return false }
        return times(h).allSatisfy(\.isZero) && dot(p, h).signum > 0
    }
}
