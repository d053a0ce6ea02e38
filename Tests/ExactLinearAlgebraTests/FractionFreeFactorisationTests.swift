import SeededRandom
import ExactArithmetic
@testable import ExactLinearAlgebra
import Testing

/// `SemidefiniteFactorisation`'s two forms give the same answers: the fraction-free one on long
/// entries (hand values, and the rational form run on the same matrices), and `IntegerMatrix`
/// products against plain `Rational` sums.
struct FractionFreeFactorisationTests {
    /// c = (2⁶⁴ + 1)/3: beyond the Int64 fast path, so the public type takes the fraction-free form.
    static let c = Rational(BigInteger.power(base: 2, exponent: 64) + BigInteger(1), BigInteger(3))

    static func scaled(_ m: Matrix, by s: Rational) -> Matrix { s * m }

    @Test func handValuesOnLongEntries() throws {
        let c = Self.c
        let a = try #require(SemidefiniteFactorisation(Self.scaled(M([[2, 1], [1, 1]]), by: c)))
        #expect(a.rank == 2 && a.nullSpace.isEmpty)
        #expect(a.solve([.one, .zero]) == .solution([.one / c, -.one / c]))  // (c·A)⁻¹ = A⁻¹/c

        let s = try #require(SemidefiniteFactorisation(Self.scaled(M([[1, 1], [1, 1]]), by: c)))
        #expect(s.rank == 1 && s.nullSpace == [v([-1, 1])])
        #expect(s.solve(v([3, 3])) == .solution([Rational(3) / c, .zero]))
        // y₁ = b₁ − L₁₀y₀ = 2 − 1, witnessed by h = (−1, 1).
        #expect(s.solve(v([1, 2])) == .inconsistent(nullVector: v([-1, 1]), value: .one))
        #expect(SemidefiniteFactorisation(Self.scaled(M([[1, 2], [2, 1]]), by: c)) == nil)
        #expect(SemidefiniteFactorisation(Self.scaled(M([[0, 1], [1, 0]]), by: c)) == nil)
    }

    @Test func bothFormsAgreeOnRandomMatrices() throws {
        var rng = SplitMix64(seed: 503)
        for trial in 0..<120 {
            let n = rng.nextInt(in: 1...7)
            let b = rng.integerMatrix(rng.nextInt(in: 1...(n + 1)), n, -5...5)
            var m = b.transposed * b
            if trial % 5 == 0 { m[0, 0] -= Rational(rng.nextInt(in: 0...3)) } // sometimes indefinite
            // A long rational factor, and per-entry noise on a symmetric long part.
            m = Self.scaled(m, by: Self.c / Rational(rng.nextInt(in: 1...9)))
            let rational = RationalLDL(symmetric: m.elements, order: n)
            let bareiss = BareissLDL(symmetric: m.elements, order: n)
            #expect((rational == nil) == (bareiss == nil), "trial \(trial)")
            guard let rational, let bareiss else { continue }
            #expect(rational.isPivot == bareiss.isPivot, "trial \(trial)")
            for k in 0..<n where !rational.isPivot[k] {
                #expect(rational.nullVector(at: k) == bareiss.nullVector(at: k), "trial \(trial)")
            }
            for _ in 0..<3 {
                let rhs = (0..<n).map { _ in Rational(rng.nextInt(in: -9...9), rng.nextInt(in: 1...4)) * Self.c }
                let inRange = apply(m, rhs)
                #expect(rational.solve(rhs) == bareiss.solve(rhs), "trial \(trial)")
                #expect(rational.solve(inRange) == bareiss.solve(inRange), "trial \(trial)")
            }
        }
    }

    @Test func balancingShiftsByHand() {
        // v₂ of the diagonal: 1/4 → −2, 8 → 3, 1/8 → −3, 6 → 1; k_i = −⌊v/2⌋ leaves 0 or 1.
        let a = [Rational(1, 4), .zero, .zero, .zero,
                 .zero, Rational(8), .zero, .zero,
                 .zero, .zero, Rational(1, 8), .zero,
                 .zero, .zero, .zero, Rational(6)]
        #expect(BareissLDL.balancingShifts(a, order: 4) == [1, -1, 2, 0])
    }

    /// Columns of very different binary exponents (float64 data beside one-hot columns): the
    /// balanced fraction-free form against the rational one.
    @Test func bothFormsAgreeWhenColumnsHaveTheirOwnExponents() {
        var rng = SplitMix64(seed: 505)
        for trial in 0..<80 {
            let n = rng.nextInt(in: 1...6)
            let b = rng.integerMatrix(rng.nextInt(in: 1...(n + 1)), n, -5...5)
            let scales = (0..<n).map { _ in Rational(2).power(rng.nextInt(in: -70...70)) * Rational(rng.nextInt(in: 1...3)) }
            var m = b.transposed * b
            for i in 0..<n { for j in 0..<n { m[i, j] *= scales[i] * scales[j] / Rational(1000) } }
            guard let rational = RationalLDL(symmetric: m.elements, order: n),
                  let bareiss = BareissLDL(symmetric: m.elements, order: n) else { Issue.record("trial \(trial): rejected"); continue }
            #expect(rational.isPivot == bareiss.isPivot, "trial \(trial)")
            for k in 0..<n where !rational.isPivot[k] {
                #expect(rational.nullVector(at: k) == bareiss.nullVector(at: k), "trial \(trial)")
            }
            let rhs = (0..<n).map { _ in Rational(rng.nextInt(in: -9...9), rng.nextInt(in: 1...4)) * Rational(2).power(rng.nextInt(in: -40...40)) }
            #expect(rational.solve(rhs) == bareiss.solve(rhs), "trial \(trial)")
            #expect(rational.solve(apply(m, rhs)) == bareiss.solve(apply(m, rhs)), "trial \(trial)")
        }
    }

    @Test func integerMatrixProductsEqualRationalSums() {
        var rng = SplitMix64(seed: 504)
        for trial in 0..<60 {
            let rows = rng.nextInt(in: 1...6), columns = rng.nextInt(in: 1...6)
            let a = Self.scaled(rng.rationalMatrix(rows, columns), by: Self.c)
            let x = (0..<columns).map { _ in rng.nextInt(in: 0...2) == 0 ? .zero : Rational(rng.nextInt(in: -9...9), rng.nextInt(in: 1...7)) / Self.c }
            let plain = (0..<rows).map { i in (0..<columns).reduce(Rational.zero) { $0 + a[i, $1] * x[$1] } }
            #expect(IntegerMatrix(a).times(x) == plain, "trial \(trial)")
            #expect(a * x == plain, "trial \(trial)")
        }
    }
}
