import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import SeededRandom
import Testing
@testable import LimitVerdict

/// The verdict's floating-point filters against the exact rational computations they replace:
/// ordering of big rationals, the gap's vertex test and maxima, the divergence's product
/// equalities; and the gap's DLN objective against ℓ and M evaluated directly.
@Suite struct VerdictFilterTests {
    /// A random rational of about `bits` bits in numerator and denominator, of either sign.
    static func rational(_ g: inout SplitMix64, bits: Int) -> Rational {
        let n = VerdictIntegerFormTests.big(&g, bits: bits), d = VerdictIntegerFormTests.big(&g, bits: bits)
        return Rational(g.nextInt(in: 0...1) == 0 ? n : -n, d)
    }

    @Test func compareRationalsIsTheExactOrder() {
        var g = SplitMix64(seed: 71)
        var ties = 0
        for round in 0..<400 {
            let a = Self.rational(&g, bits: [3, 90, 700, 3000][round % 4])
            // Equal values, neighbours one unit apart in a long numerator, unrelated values, zero.
            let tiny = Rational(BigInteger(1), a.denominator * a.denominator + BigInteger(1))
            let b: Rational = switch round % 5 {
            case 0: a
            case 1: a + tiny
            case 2: a - tiny
            case 3: Self.rational(&g, bits: [5, 64, 900][round % 3])
            default: round % 2 == 0 ? .zero : -a
            }
            let exact = a < b ? -1 : (a == b ? 0 : 1)
            #expect(compareRationals(a, b) == exact, "round \(round)")
            #expect(compareRationals(b, a) == -exact, "round \(round)")
            #expect(Rational.filteredLess(a, b) == (a < b))
            if exact == 0 { ties += 1 }
        }
        #expect(compareRationals(.zero, .zero) == 0 && compareRationals(q("-1/3"), q("1/3")) == -1)
        #expect(ties >= 80)
    }

    /// `vertexInside` against forming u* = −g₁/(2g₂) and comparing it with 1/hi and 1/lo, with
    /// the vertex placed exactly on an end (strict inequalities) as well as near and far from it.
    @Test func vertexTestIsTheRationalOne() {
        var g = SplitMix64(seed: 5)
        var inside = 0, onEnd = 0
        for round in 0..<600 {
            let bits = [4, 80, 600][round % 3]
            let g2 = -(Self.rational(&g, bits: bits).magnitude), sign = round % 7 == 0 ? -1 : 1
            var lo = Self.rational(&g, bits: bits).magnitude, hi: Rational? = lo + Self.rational(&g, bits: bits).magnitude
            if round % 11 == 0 { lo = .zero }
            if round % 13 == 0 { hi = nil }
            // u* in (1/hi, 1/lo) mostly, sometimes exactly on an end or outside.
            var u: Rational
            switch round % 4 {
            case 0: u = hi.map { $0.reciprocal } ?? Rational(1, 1000)
            case 1: u = lo.isZero ? Rational(7) : lo.reciprocal
            case 2: u = (hi.map { $0.reciprocal } ?? .zero) + (lo.isZero ? Rational(1) : (lo.reciprocal - (hi.map { $0.reciprocal } ?? .zero)) / 3)
            default: u = Self.rational(&g, bits: bits).magnitude
            }
            if sign < 0 { u = -u }
            let g1 = -(Rational(2) * g2 * u) // so that −g₁/(2g₂) = u
            let part = GapPolynomial(from: lo, to: hi, g0: Self.rational(&g, bits: bits), g1: g1, g2: g2)
            let lower = hi.map { $0.reciprocal } ?? .zero
            let expected = u > lower && (lo.isZero || u < lo.reciprocal)
            #expect(part.vertexInside(lo: lo, hi: hi) == expected, "round \(round): u = \(u), lo = \(lo), hi = \(String(describing: hi))")
            if expected { inside += 1 }
            if u == lower || (!lo.isZero && u == lo.reciprocal) { onEnd += 1 }
            // A convex part never has an interior maximum.
            #expect(!GapPolynomial(from: lo, to: hi, g0: part.g0, g1: g1, g2: -g2).vertexInside(lo: lo, hi: hi))
        }
        #expect(inside > 100 && onEnd > 100, "\(inside) inside, \(onEnd) on an end")
    }

    /// `GapPiece.maximum` equals the plain computation (every value formed, compared with `<`):
    /// the same maximum, maximiser and end value, ties (equal values at two ends) included.
    @Test func gapMaximumIsThePlainOne() {
        var g = SplitMix64(seed: 19)
        for round in 0..<300 {
            let bits = [3, 60, 400][round % 3]
            var ends = (0..<g.nextInt(in: 2...4)).map { _ in Self.rational(&g, bits: bits).magnitude }
            ends = Array(Set(ends)).sorted()
            if round % 5 == 0 { ends[0] = .zero }
            let unbounded = round % 4 == 0
            var parts: [GapPolynomial] = []
            for n in ends.indices {
                let to: Rational? = n + 1 < ends.count ? ends[n + 1] : (unbounded ? nil : ends[n] + Rational(1))
                var g2 = Self.rational(&g, bits: bits)
                if round % 6 == 0 { g2 = .zero }
                // Half of the parts get their vertex inside, a few a constant gap (a tie everywhere).
                let u = to.map { $0.reciprocal } ?? .zero, v = ends[n].isZero ? u + Rational(2) : ends[n].reciprocal
                let g1 = round % 2 == 0 ? -(Rational(2) * g2 * ((u + v) / 2)) : Self.rational(&g, bits: bits)
                let constant = round % 17 == 0
                parts.append(GapPolynomial(from: ends[n], to: to, g0: Self.rational(&g, bits: bits), g1: constant ? .zero : g1, g2: constant ? .zero : g2))
            }
            let from = ends[0], to = parts.last!.to
            for (lo, hi) in [(from, to), (ends[ends.count / 2], to), (from, ends.count > 2 ? ends[1] : to)] {
                let start: Rational? = lo.isZero || round % 3 == 0 ? nil : plainValue(parts, at: lo)
                let fast = GapPiece.maximum(parts, from: lo, to: hi, start: start.map { GapValue($0) })
                let plain = plainMaximum(parts, from: lo, to: hi, start: start)
                #expect(fast.best?.value.exact == plain.best?.value && fast.best?.at == plain.best?.at && fast.end?.exact == plain.end, "round \(round)")
            }
        }
    }

    func plainValue(_ parts: [GapPolynomial], at s: Rational) -> Rational {
        (parts.last { $0.from <= s } ?? parts[0]).value(at: s)
    }

    /// The maximum as it was computed before the filter: u* always formed, `<` throughout.
    func plainMaximum(_ parts: [GapPolynomial], from: Rational, to: Rational?, start: Rational?)
        -> (best: (value: Rational, at: Rational?)?, end: Rational?) {
        var best: (value: Rational, at: Rational?)?
        func consider(_ value: Rational, _ s: Rational?) {
            if best.map({ $0.value < value }) ?? true { best = (value, s) }
        }
        var known: (s: Rational, value: Rational)? = start.map { (from, $0) }
        for part in parts {
            let lo = Rational.max(part.from, from)
            let hi: Rational? = switch (part.to, to) {
            case let (a?, b?): Rational.min(a, b)
            case let (a?, nil): a
            case let (nil, b): b
            }
            if let hi, hi < lo { continue }
            let atLo = known.flatMap { $0.s == lo ? $0.value : nil }
            if let hi {
                let value = part.value(at: hi)
                consider(value, hi)
                known = (hi, value)
            } else {
                consider(part.g0, nil)
                known = nil
            }
            if !lo.isZero { consider(atLo ?? part.value(at: lo), lo) }
            if part.g2.signum < 0 {
                let u = -part.g1 / (Rational(2) * part.g2)
                let lower = hi.map(\.reciprocal) ?? .zero
                if u > lower, lo.isZero || u < lo.reciprocal { consider(part.value(atInverse: u), u.reciprocal) }
            }
        }
        return (best, known.flatMap { k in to.flatMap { k.s == $0 ? k.value : nil } })
    }

    @Test func productsEqualIsTheExactEquality() {
        var g = SplitMix64(seed: 23)
        for round in 0..<300 {
            let bits = [2, 70, 1200][round % 3]
            func int() -> BigInteger {
                let x = VerdictIntegerFormTests.big(&g, bits: bits)
                return g.nextInt(in: 0...5) == 0 ? BigInteger(0) : (g.nextInt(in: 0...1) == 0 ? x : -x)
            }
            let a = int(), b = int()
            // c·d equal to a·b (regrouped), off by one, or unrelated.
            let (c, d): (BigInteger, BigInteger) = switch round % 3 {
            case 0: (a * b, BigInteger(1))
            case 1: (a * b + BigInteger(round % 2 == 0 ? 1 : -1), BigInteger(1))
            default: (int(), int())
            }
            #expect(PieceDifference.productsEqual(a, b, c, d) == (a * b == c * d), "round \(round)")
            #expect(PieceDifference.productsEqual(c, d, a, b) == (a * b == c * d))
        }
    }

    /// The gap's DLN objective ℓ(A + uB) + (λwd + u)·σᵀ(A + uB) from `objective` (ℓ₁, ℓ₂ from
    /// the saddle's c and q) against ℓ and M evaluated directly.
    @Test(arguments: VerdictIntegerFormTests.cases)
    func objectiveIsTheDirectOne(_ c: VerdictIntegerFormTests.Case) throws {
        let problem = try randomProblem(seed: c.seed, n: c.n, d: c.d, variant: c.variant, weightDecay: c.weightDecay)
        let limit = try DLNLimit(problem: problem), knots = LassoPathInTime(try LassoPath(problem: problem))
        let formulas = averagedFormulas(limit)
        var products = VerdictProducts(limit, knots)
        let calculator = GapCalculator(weightDecay: c.weightDecay, images: !problem.isPositiveDefinite)
        var g = SplitMix64(seed: c.seed)
        var checked = 0
        for k in limit.saddles.indices.dropFirst() {
            let side = products.averagedSide(k, formula: formulas[k])
            let a = formulas[k].rational.constant, b = formulas[k].rational.inverse
            for _ in 0..<3 {
                let signs = a.indices.map { _ in g.nextInt(in: -1...1) }
                func dot(_ u: [Rational], _ v: [Rational]) -> Rational {
                    var t = Rational.zero
                    for i in u.indices { t += u[i] * v[i] }
                    return t
                }
                func signed(_ v: [Rational]) -> Rational { dot(signs.map { Rational($0) }, v) }
                let ma: [Rational] = problem.M * a, mb: [Rational] = problem.M * b
                let l0 = problem.loss(a), l1 = dot(ma.subtracting(problem.r), b), l2 = Rational(1, 2) * dot(b, mb)
                let expected = (l0 + c.weightDecay * signed(a), l1 + signed(a) + c.weightDecay * signed(b), l2 + signed(b))
                let x = calculator.objective(side, signs: signs)
                #expect(x.0 == expected.0 && x.1 == expected.1 && x.2 == expected.2, "saddle \(k)")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }
}
