import ExactArithmetic
import ExactLinearAlgebra
import SeededRandom
import Testing
@testable import LimitVerdict

/// The saddle's image M·B = s_k c_k − q_k as the verdict forms it (`unreducedCombination`): an
/// entry with c_i = 0 and q_i = ±1 (the saddle's support) is ∓1 over the common denominator
/// without a product; against α·u + β·v in rationals.
@Suite struct VerdictImageTests {
    /// By hand: (2/3)·(0, 1/2, 0, 0) − (1, −1, 0, 1/5) = (−1, 4/3, 0, −1/5), over
    /// lcm(3·2, 5) = 30 (v over 5, so v's ±1 are ±5/5).
    @Test func byHand() {
        let u = IntegerVector([.zero, Rational(1, 2), .zero, .zero]), v = IntegerVector([Rational(1), Rational(-1), .zero, Rational(1, 5)])
        let w = IntegerVector.unreducedCombination(Rational(2, 3), u, -.one, v)
        #expect(w.denominator == 30)
        #expect(w.numerators == [-30, 40, 0, -6])
        #expect(w.rationals == [Rational(-1), Rational(4, 3), .zero, Rational(-1, 5)])
    }

    /// Seeded: u with zeros where v is ±1 (and elsewhere), both over spread denominators of up
    /// to ~3,000 bits (v's ±1 are then ±den(v), not 1), α and β of either sign or zero.
    @Test func equalsTheRationalCombination() {
        var g = SplitMix64(seed: 8128)
        var units = 0
        for round in 0..<200 {
            let bits = [3, 120, 1500][round % 3], d = 1 + round % 9
            func r() -> Rational { VerdictFilterTests.rational(&g, bits: bits) }
            var u: [Rational] = [], v: [Rational] = []
            for _ in 0..<d {
                switch g.nextInt(in: 0...4) {
                case 0, 1: // the support: c_i = 0, q_i = ±1
                    u.append(.zero)
                    v.append(Rational(g.nextInt(in: 0...1) == 0 ? 1 : -1))
                    units += 1
                case 2: u.append(r()); v.append(Rational(g.nextInt(in: 0...1) == 0 ? 1 : -1)) // ±1 beside a nonzero u_i
                case 3: u.append(.zero); v.append(g.nextInt(in: 0...1) == 0 ? .zero : r())
                default: u.append(r()); v.append(r())
                }
            }
            let alpha = round % 10 == 0 ? Rational.zero : r(), beta = round % 4 == 0 ? -Rational.one : r()
            let su = VerdictIntegerFormTests.spread(u, &g, bits: [1, 70, 3000][round % 3])
            let sv = VerdictIntegerFormTests.spread(v, &g, bits: [2500, 1, 90][round % 3])
            let w = IntegerVector.unreducedCombination(alpha, su, beta, sv)
            #expect(w.rationals == (alpha * u).adding(beta * v), "round \(round)")
            #expect(IntegerVector.combination(alpha, su, beta, sv) == IntegerVector((alpha * u).adding(beta * v)), "round \(round)")
        }
        #expect(units >= 300)
    }
}
