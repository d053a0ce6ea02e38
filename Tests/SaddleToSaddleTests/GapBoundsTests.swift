import ExactArithmetic
import SeededRandom
import Testing
@testable import LimitVerdict

/// `GapBounds`, the floating-point filter of the gap's maximum, against exact values: its
/// intervals hold the exact value, and its estimates order as the numbers they stand for.
@Suite struct GapBoundsTests {
    /// The number an estimate stands for, exactly: m·2^e.
    static func exact(_ v: GapBounds.Value) -> Rational {
        guard v.m != 0 else { return .zero }
        let m = Rational(exactly: v.m)!, p = Rational(BigInteger(1).shiftedLeft(abs(v.e)))
        return v.e >= 0 ? m * p : m / p
    }

    /// A part's value at an end lies in its bounds: random coefficients, a double root at the
    /// end (the value 0 from terms that cancel), and terms whose exponents lie far apart.
    @Test func boundsHoldTheExactValue() {
        var g = SplitMix64(seed: 29)
        var narrow = 0, roots = 0
        for round in 0..<400 {
            let bits = [3, 60, 400, 3000][round % 4]
            var s = VerdictFilterTests.rational(&g, bits: bits).magnitude
            if round % 7 == 0 { s = s * Rational(BigInteger(1).shiftedLeft(5000)) }
            var g0 = VerdictFilterTests.rational(&g, bits: bits), g1 = VerdictFilterTests.rational(&g, bits: bits)
            let g2 = VerdictFilterTests.rational(&g, bits: bits)
            if round % 3 == 0 {
                // g₂(u − 1/s)²: 0 at u = 1/s.
                g1 = -(Rational(2) * g2 / s)
                g0 = g2 / (s * s)
            }
            if round % 5 == 1 { g0 = g0 / Rational(BigInteger(1).shiftedLeft(3000)) }
            let part = GapPolynomial(from: .zero, to: nil, g0: g0, g1: g1, g2: g2)
            let value = part.value(at: s), bounds = GapBounds(part, at: s)
            let lower = Self.exact(bounds.lower), upper = Self.exact(bounds.upper)
            #expect(lower <= value && value <= upper, "round \(round)")
            if value.isZero { roots += 1 }
            if !value.isZero && upper - lower <= value.magnitude * Rational(1, 1 << 30) { narrow += 1 }
        }
        // The filter decides whatever does not cancel; the double roots are left to exact arithmetic.
        #expect(roots >= 100 && narrow >= 200, "\(roots) roots, \(narrow) narrow")
    }

    /// `<` on estimates is the order of the numbers they stand for (signs, exponents far apart, ties).
    @Test func estimatesOrderAsTheirNumbers() {
        var g = SplitMix64(seed: 31)
        for round in 0..<500 {
            let a = VerdictFilterTests.rational(&g, bits: [3, 64, 700][round % 3])
            let b: Rational = switch round % 4 {
            case 0: a
            case 1: -a
            case 2: a * Rational(BigInteger(1).shiftedLeft(round))
            default: round % 8 == 3 ? .zero : VerdictFilterTests.rational(&g, bits: 90)
            }
            let x = GapBounds.Value.estimate(a), y = GapBounds.Value.estimate(b)
            #expect((x < y) == (Self.exact(x) < Self.exact(y)) && (y < x) == (Self.exact(y) < Self.exact(x)), "round \(round)")
            #expect(GapBounds(a).lower <= x && x <= GapBounds(a).upper)
        }
    }
}
