import ExactArithmetic
import Testing
@testable import LimitVerdict

/// `GapValue`: a gap value ordered and tested for 0 by its bounds, formed exactly only when they
/// cannot decide or the value is asked for; and the piece maximum that leaves it unformed.
@Suite struct GapValueTests {
    static func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }
    static func part(_ g0: Rational, _ g1: Rational, _ g2: Rational, from: Rational = .zero, to: Rational? = nil) -> GapPolynomial {
        GapPolynomial(from: from, to: to, g0: g0, g1: g1, g2: g2)
    }

    /// 1/3 − u/5 + 7u²/2 at s = 4/3 (u = 3/4): 1/3 − 3/20 + 63/32 = 1033/480, formed once, on request.
    @Test func formsThePartsValueWhenAsked() {
        let v = GapValue(Self.part(Self.q(1, 3), Self.q(-1, 5), Self.q(7, 2)), at: Self.q(4, 3))
        #expect(!v.isFormed)
        #expect(v.exact == Self.q(1033, 480))
        #expect(v.isFormed)
        #expect(GapValue(Self.q(2, 7)).isFormed) // an exact value is formed from the start
    }

    /// Values apart by more than their bounds' width are ordered and found nonzero unformed.
    @Test func boundsDecideWithoutForming() {
        let a = GapValue(Self.part(Self.q(1, 3), Self.q(-1, 5), Self.q(7, 2)), at: Self.q(4, 3)) // 1033/480 ≈ 2.15
        let b = GapValue(Self.part(Self.q(11, 5), .zero, .zero), at: Self.q(9)) // 11/5 = 2.2
        #expect(a < b && !(b < a))
        #expect(!a.isZero && !b.isZero)
        #expect(!a.isFormed && !b.isFormed)
    }

    /// Equal values from different sources leave the bounds undecided: both are formed and
    /// neither is below the other. A value 0 from terms that cancel is formed to be found 0.
    @Test func tiesAndCancellationAreFormed() {
        // 2 − 3u + u² at u = 1/2 is 3/4; the exact 3/4 has bounds overlapping it.
        let a = GapValue(Self.part(Self.q(2), Self.q(-3), Self.q(1)), at: Self.q(2)), b = GapValue(Self.q(3, 4))
        #expect(!(a < b) && !(b < a))
        #expect(a.isFormed && a.exact == Self.q(3, 4))
        // (u − 1/3)² = 1/9 − 2u/3 + u² at u = 1/3: 0.
        let root = GapValue(Self.part(Self.q(1, 9), Self.q(-2, 3), Self.q(1)), at: Self.q(3))
        #expect(root.isZero && root.isFormed)
        // All terms 0: bounds [0, 0], so 0 without forming.
        let zero = GapValue(Self.part(.zero, .zero, .zero), at: Self.q(5))
        #expect(zero.isZero && !zero.isFormed)
    }

    /// One candidate left by the bounds is the maximum, unformed: u = 1/s on s ∈ [1, 2] peaks at
    /// s = 1 (value 1; the other end gives 1/2). Two candidates of equal value are formed and the
    /// first met wins: a constant 5 on [1, 2] is attained first at its upper end, s = 2.
    @Test func aPieceMaximumIsFormedOnlyForTies() {
        let rising = GapPiece.maximum([Self.part(.zero, Self.q(1), .zero, from: Self.q(1), to: Self.q(2))], from: Self.q(1), to: Self.q(2), start: nil)
        #expect(rising.best?.at == Self.q(1))
        #expect(rising.best.map { !$0.value.isFormed } == true)
        #expect(rising.best?.value.exact == Self.q(1))
        #expect(rising.end.map { $0.exact == Self.q(1, 2) } == true) // the value at `to`, for the next piece
        let flat = GapPiece.maximum([Self.part(Self.q(5), .zero, .zero, from: Self.q(1), to: Self.q(2))], from: Self.q(1), to: Self.q(2), start: nil)
        #expect(flat.best?.at == Self.q(2))
        #expect(flat.best.map { $0.value.isFormed && $0.value.exact == Self.q(5) } == true)
    }
}
