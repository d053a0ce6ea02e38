import ExactArithmetic
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// `DualNumerators.advanced`, one dual update q + Δ·c over one denominator, against the plain
/// rational computation: each q_i + Δ·c_i reduced, and the least common denominator of all of
/// them and of the box b. Gaps, rates and numerators are drawn with factors shared with each
/// other and with D, so that the common factor `removeContent` finds is often not 1, and D is a
/// multiple of b's denominator or not (the update then multiplies the missing part in).
@Suite struct DualAdvanceTests {
    static func integer(_ g: inout SplitMix64, bits: Int) -> BigInteger {
        var v = BigInteger(0)
        for _ in 0..<max(1, bits / 60) { v = v.shiftedLeft(60) + BigInteger(Int(g.next() >> 4)) }
        return v
    }

    @Test(arguments: [(UInt64(1), "1"), (2, "1"), (3, "4/3"), (4, "9/4"), (5, "1"), (6, "7/6"), (7, "5/3")])
    func advancedEqualsReducedRationalUpdate(seed: UInt64, box: String) {
        var g = SplitMix64(seed: seed)
        let b = q(box), w = BigInteger(g.nextInt(in: 1...3) * (b.isInteger ? 1 : 2))
        var sawRemaining = 0
        for trial in 0..<60 {
            let common = BigInteger(g.nextInt(in: 1...30)), small = BigInteger([1, 2, 3, 6, 35][g.nextInt(in: 0...4)])
            // D a multiple of b's denominator or not (the update then multiplies it in), and Q
            // inside the box: |Q_i| < D ≤ b·D (b ≥ 1).
            let base = Self.integer(&g, bits: g.nextInt(in: 60...400)) + BigInteger(1)
            let d = base * small * (g.nextInt(in: 0...1) == 0 ? b.denominator : BigInteger(1))
            let dimension = g.nextInt(in: 1...7)
            var dual = DualNumerators(zeros: dimension)
            dual.denominator = d
            dual.numerators = (0..<dimension).map { _ in
                let n = g.nextInt(in: 0...5) == 0 ? BigInteger(0) : Self.integer(&g, bits: 500).floorRemainder(dividingBy: base) * small
                return g.nextInt(in: 0...1) == 0 ? n : -n
            }
            let l = BigInteger(g.nextInt(in: 1...50)) * small
            let c = Velocity(numerators: (0..<dimension).map { _ in BigInteger(g.nextInt(in: -40...40)) * common }, denominator: l)
            let rho = BigInteger(g.nextInt(in: 1...90)) * common * small
            let gap = (Self.integer(&g, bits: 60) + BigInteger(1)) * common
            let x = [Rational](repeating: .zero, count: dimension)
            let next = dual.advanced(gap: gap, rate: rho, weightDecayDenominator: w, velocity: c, x: x, bound: b)
            // Δ = g·L·w/(D·ρ), c_i = C_i/L (before Velocity removed a common factor, the same value).
            let delta = Rational(gap * c.denominator * w, d * rho)
            let reference = dual.numerators.indices.map { i in
                Rational(dual.numerators[i], d) + delta * Rational(c.numerators[i], c.denominator)
            }
            let least = reference.reduce(b.denominator) { BigInteger.lcm($0, $1.denominator) }
            #expect(next.denominator == least, "trial \(trial)")
            #expect(next.numerators.indices.allSatisfy { Rational(next.numerators[$0], next.denominator) == reference[$0] }, "trial \(trial)")
            let extra = b.denominator.dividedExactly(by: BigInteger.gcd(d * rho, b.denominator))
            if least != d * rho * extra { sawRemaining += 1 }
        }
        #expect(sawRemaining > 5)
    }

    /// By hand: D = 6, q = (1/6, −1/3), c = (1, 1/2) (C = (2, 1), L = 2), gap 4 and rate 2
    /// (Δ = 4·2·1/(6·2) = 2/3): q + Δc = (5/6, 0) over D' = 6 (12 before the factor 2 is removed).
    @Test func handWorkedUpdate() {
        var dual = DualNumerators(zeros: 2)
        dual.denominator = BigInteger(6)
        dual.numerators = [BigInteger(1), BigInteger(-2)]
        let c = Velocity(numerators: [BigInteger(2), BigInteger(1)], denominator: BigInteger(2))
        let next = dual.advanced(gap: BigInteger(4), rate: BigInteger(2), weightDecayDenominator: BigInteger(1),
                                 velocity: c, x: [.zero, .zero], bound: .one)
        #expect(next.denominator == BigInteger(6))
        #expect(next.numerators == [BigInteger(5), BigInteger(0)])
        // Gap 3 and rate 3 (Δ = 3·2/(6·3) = 1/3): q + Δc = (1/2, −1/6), D' = 6 (18/3).
        let other = dual.advanced(gap: BigInteger(3), rate: BigInteger(3), weightDecayDenominator: BigInteger(1),
                                  velocity: c, x: [.zero, .zero], bound: .one)
        #expect(other.denominator == BigInteger(6))
        #expect(other.numerators == [BigInteger(3), BigInteger(-1)])
    }

    /// The next saddle time s + Δ, Δ = g·L·w/(D·ρ), against the reduced sum: over D·ρ when D
    /// carries s's denominator, else by adding the reduced Δ; both branches drawn often.
    @Test func nextTimeEqualsReducedSum() {
        func time(_ s: Rational, _ d: BigInteger, gap: BigInteger, rate: BigInteger, l: BigInteger, w: BigInteger) -> Rational {
            var dual = DualNumerators(zeros: 1)
            dual.denominator = d
            return DLNLimit.time(after: s, gap: gap, rate: rate, Velocity(numerators: [BigInteger(1)], denominator: l), dual,
                                 weightDecayDenominator: w)
        }
        // By hand: 1/3 + 2/(6·5) = 2/5 (3 divides D = 6); 1/7 + 2/30 = 22/105 (7 does not).
        #expect(time(Rational(1, 3), 6, gap: 2, rate: 5, l: 1, w: 1) == Rational(2, 5))
        #expect(time(Rational(1, 7), 6, gap: 2, rate: 5, l: 1, w: 1) == Rational(22, 105))
        var g = SplitMix64(seed: 9)
        var branches = (over: 0, added: 0)
        for _ in 0..<300 {
            let sd = Self.integer(&g, bits: g.nextInt(in: 1...300)) + BigInteger(1)
            let s = Rational(Self.integer(&g, bits: 200), sd)
            let carries = g.nextInt(in: 0...2) > 0
            let d = (carries ? s.denominator : BigInteger(1)) * (Self.integer(&g, bits: 100) + BigInteger(1))
            let (gap, rate) = (Self.integer(&g, bits: 150) + BigInteger(1), Self.integer(&g, bits: 80) + BigInteger(1))
            let (l, w) = (BigInteger(g.nextInt(in: 1...1000)), BigInteger(g.nextInt(in: 1...12)))
            if d.isMultiple(of: s.denominator) { branches.over += 1 } else { branches.added += 1 }
            #expect(time(s, d, gap: gap, rate: rate, l: l, w: w) == s + Rational(gap * l * w, d * rate))
        }
        #expect(branches.over > 100 && branches.added > 50)
    }
}
