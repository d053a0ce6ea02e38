import ExactArithmetic
import Testing
@testable import LimitVerdict

/// Where |z_i| decreases on one segment (`decreases`), from hand-derived formulas
/// x(μ) = a + b/μ, so z(μ) = aμ + b crosses 0 at μ₀ = −b/a.
@Suite struct SegmentDecreaseTests {
    private func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(BigInteger(n), BigInteger(d)) }

    /// Coordinate 0: a = −1/2, b = 3/4 (x = 1/4 > 0 at μ = 1, μ₀ = 3/2, crossing denominator < 0);
    /// coordinate 1: a = 1, b = 0 (no decrease); coordinate 2: a = 2, b = −6 (x = −4 < 0, μ₀ = 3).
    private let f = IntegerAffine(constant: IntegerVector([Rational(BigInteger(-1), BigInteger(2)), Rational(BigInteger(1)), Rational(BigInteger(2))]),
                                  inverse: IntegerVector([Rational(BigInteger(3), BigInteger(4)), .zero, Rational(BigInteger(-6))]))
    private var start: [Rational] { [q(1, 4), q(1), q(-4)] }

    private func ends(to muTo: Rational?) -> [Rational?] {
        let found = decreases(f, start: start, from: q(1), to: muTo)
        #expect(found.map(\.coordinate) == [0, 2])
        #expect(found.map(\.rate) == [q(1, 2), q(2)])
        #expect(found.allSatisfy { $0.from == q(1) })
        return found.map(\.to)
    }

    @Test func theEndComesFirst() {
        #expect(ends(to: q(5, 4)) == [q(5, 4), q(5, 4)])
    }

    @Test func theCrossingComesFirst() {
        #expect(ends(to: q(2)) == [q(3, 2), q(2)])
        #expect(ends(to: q(4)) == [q(3, 2), q(3)])
    }

    @Test func aCrossingAtTheEndIsTheEnd() {
        #expect(ends(to: q(3, 2)) == [q(3, 2), q(3, 2)])
        #expect(ends(to: q(3)) == [q(3, 2), q(3)])
    }

    @Test func theLastSegmentEndsAtTheCrossing() {
        #expect(ends(to: nil) == [q(3, 2), q(3)])
    }
}
