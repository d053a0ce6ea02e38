import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// A float64 Gaussian instance as a scikit-learn user has it (GaussianLarsFixture, made by
/// examples/sklearn/make_gaussian_fixture.py): the exact path agrees with `lars_path`, and every
/// knot passes KKT checked here from the definition, with M and r formed in this test by plain
/// rational sums (independently of `Problem`'s integer Gram computation, which they must equal).
@Suite struct GaussianLarsTests {
    static let X = Matrix(GaussianLarsFixture.X.map { $0.map { Rational(exactly: $0)! } })
    static let y = GaussianLarsFixture.y.map { Rational(exactly: $0)! }

    /// M = XᵀX/n and r = Xᵀy/n by the definition.
    static func moments() -> (M: [[Rational]], r: [Rational]) {
        let n = X.rows, d = X.columns, scale = Rational(1, n)
        var M = [[Rational]](repeating: [Rational](repeating: .zero, count: d), count: d)
        var r = [Rational](repeating: .zero, count: d)
        for i in 0..<d {
            for k in 0..<n { r[i] += X[k, i] * y[k] }
            r[i] *= scale
            for j in 0..<d {
                for k in 0..<n { M[i][j] += X[k, i] * X[k, j] }
                M[i][j] *= scale
            }
        }
        return (M, r)
    }

    @Test func problemFromFloatDataIsTheExactDefinition() throws {
        let problem = try Problem(X: Self.X, y: Self.y)
        let (M, r) = Self.moments()
        #expect(problem.M == Matrix(M))
        #expect(problem.r == r)
        #expect(problem.isPositiveDefinite)
        #expect(problem.M.definiteness == .positiveDefinite, "the modular rank shortcut agrees with the exact test")
    }

    @Test func knotsPassExactKKTAndAgreeWithLarsPath() throws {
        let path = try LassoPath(problem: try Problem(X: Self.X, y: Self.y))
        let (M, r) = Self.moments()
        let d = r.count
        #expect(path.knots.count == GaussianLarsFixture.alphas.count)
        for (k, knot) in path.knots.enumerated() {
            // KKT from the definition: c = r − Mx, |c_i| ≤ κ, c_i = κ·sign(x_i) where x_i ≠ 0.
            for i in 0..<d {
                var c = r[i]
                for j in 0..<d where !knot.x[j].isZero { c -= M[i][j] * knot.x[j] }
                #expect(c.magnitude <= knot.kappa, "knot \(k): |c[\(i)]| > κ")
                if !knot.x[i].isZero { #expect(c == knot.kappa * Rational(knot.x[i].signum), "knot \(k): c[\(i)] ≠ κ·sign(x)") }
            }
            guard k < GaussianLarsFixture.alphas.count else { continue }
            let alpha = GaussianLarsFixture.alphas[k]
            #expect(abs(knot.kappa.doubleValue - alpha) <= 1e-9 * max(1, abs(alpha)), "knot \(k): κ = \(knot.kappa.doubleValue), lars \(alpha)")
            for i in 0..<d {
                let lars = GaussianLarsFixture.coefs[k][i]
                #expect(abs(knot.x[i].doubleValue - lars) <= 1e-9 * max(1, abs(lars)), "knot \(k) x[\(i)]: \(knot.x[i].doubleValue) vs lars \(lars)")
            }
        }
        #expect(path.knots.last!.kappa.isZero)
    }
}

/// `Problem(X:y:)` skips the exact PSD and range proofs (true by construction) and takes the rank
/// from a modular elimination when it is full: on seeded wide, tall, rank-deficient and dyadic
/// instances it must give the same M, r and definiteness as the fully validated (M, r) route.
@Suite struct DataShortcutTests {
    @Test func shortcutMatchesFullValidation() throws {
        var rng = SplitMix64(seed: 11_2026)
        var kinds: Set<String> = []
        for _ in 0..<150 {
            let n = rng.nextInt(in: 1...7), d = rng.nextInt(in: 1...7)
            var rows = (0..<n).map { _ in (0..<d).map { _ in Rational(rng.nextInt(in: -9...9), 1 << rng.nextInt(in: 0...40)) } }
            if d > 1 && rng.nextInt(in: 0...2) == 0 { for k in 0..<n { rows[k][d - 1] = Rational(-3, 2) * rows[k][0] } }
            let X = Matrix(rows)
            let y = (0..<n).map { _ in Rational(rng.nextInt(in: -9...9), rng.nextInt(in: 1...5)) }
            let fast = try Problem(X: X, y: y)
            let factor = Rational(1, n), xt = X.transposed
            let full = try Problem(M: factor * (xt * X), r: factor * (xt * y))
            #expect(fast.M == full.M && fast.r == full.r)
            #expect(fast.definiteness == full.definiteness, "\(n)×\(d): \(fast.definiteness) vs \(full.definiteness)")
            switch full.definiteness {
            case .positiveDefinite: kinds.insert("pd")
            case .positiveSemidefinite(let rank): kinds.insert(rank == min(n, d) ? "full-rank singular" : "rank-deficient")
            case .indefinite: Issue.record("XᵀX cannot be indefinite")
            }
        }
        #expect(kinds == ["pd", "full-rank singular", "rank-deficient"])
    }
}
