import ExactArithmetic
import ExactLinearAlgebra
import JSONFormat
import ProblemDefinition
import SaddleToSaddle
import SeededRandom
import Testing

/// The event loop keeps q over one common denominator and decides events on integers
/// (docs/math.md §3). Cross-checked here against the plain rational computation of the same
/// algorithm: each Δ as the least (b ∓ q_i)/(±c_i − λwd), q accumulated as q + Δ·c with reduced
/// rationals, the face as {i : |q_i| = b}.
@Suite struct DualNumeratorsTests {
    static let cases: [(seed: UInt64, n: Int, d: Int, variant: Variant, weightDecay: String, dyadic: Bool)] = [
        (21, 5, 9, .signed, "0", false), (22, 5, 9, .positive, "0", false), (23, 6, 8, .signed, "1/7", false),
        (24, 6, 8, .positive, "2/9", false), (25, 8, 6, .signed, "0", true), (26, 6, 12, .signed, "0", true),
        (27, 7, 10, .signed, "3/1024", true), (28, 9, 9, .positive, "0", true),
    ]

    /// X with small integers, or (dyadic) with entries k/2¹⁰ as float64 data have: long saddle times.
    static func problem(_ c: (seed: UInt64, n: Int, d: Int, variant: Variant, weightDecay: String, dyadic: Bool)) throws -> Problem {
        var g = SplitMix64(seed: c.seed)
        let scale = c.dyadic ? 1024 : 1, range = c.dyadic ? -3000...3000 : -3...3
        let X = Matrix((0..<c.n).map { _ in (0..<c.d).map { _ in Rational(g.nextInt(in: range), scale) } })
        let y = (0..<c.n).map { _ in Rational(g.nextInt(in: range), scale) }
        return try Problem(X: X, y: y, scaling: .mean, variant: c.variant, weightDecay: q(c.weightDecay))
    }

    @Test(arguments: cases.indices)
    func integerEventLoopEqualsRationalReference(_ index: Int) throws {
        let problem = try Self.problem(Self.cases[index])
        let limit = try DLNLimit(problem: problem)
        let saddles = limit.saddles, lwd = problem.weightDecay
        #expect(saddles.count > 2)
        // Before q is read, each saddle holds it over its least common denominator.
        var forms: [(numerators: [BigInteger], denominator: BigInteger)] = []
        for saddle in saddles.dropFirst() {
            let form = try #require(saddle.dualOverCommonDenominator)
            #expect(form.denominator.signum > 0)
            #expect(form.numerators.reduce(form.denominator) { BigInteger.gcd($0, $1) } == BigInteger(1))
            forms.append(form)
        }
        var reference = [Rational](repeating: .zero, count: problem.dimension)
        for k in saddles.indices.dropFirst() {
            let previous = saddles[k - 1], current = saddles[k]
            let b = Rational.one + lwd * previous.s
            var delta: Rational?
            var entering: [Int] = []
            for i in reference.indices {
                let c = previous.correlation[i]
                var arrival: Rational?
                if c > lwd, reference[i] < b { arrival = (b - reference[i]) / (c - lwd) }
                if problem.variant == .signed, -c > lwd, reference[i] > -b { arrival = (b + reference[i]) / (-c - lwd) }
                guard let a = arrival else { continue }
                if delta == nil || a < delta! { delta = a; entering = [i] } else if a == delta! { entering.append(i) }
            }
            let step = try #require(delta)
            #expect(current.s == previous.s + step)
            #expect(current.entering == entering)
            reference = reference.adding(step * previous.correlation)
            #expect(current.q == reference)
            let form = forms[k - 1]
            #expect(form.numerators.indices.allSatisfy { Rational(form.numerators[$0], form.denominator) == reference[$0] })
            #expect(current.dualOverCommonDenominator == nil)
            let bound = limit.bound(at: current.s)
            #expect(current.face == reference.indices.filter { reference[$0] == bound || (problem.variant == .signed && reference[$0] == -bound) })
        }
        // After the last saddle no coordinate can reach the box.
        let last = saddles[saddles.count - 1]
        #expect(last.correlation.allSatisfy { $0 <= lwd && (problem.variant == .positive || -$0 <= lwd) })
    }

    /// `--json --float` writes q's nearest doubles from the common-denominator form, without
    /// reducing it: the same doubles as from the reduced values.
    @Test func floatJSONFromTheIntegerFormEqualsTheReducedValues() throws {
        let problem = try Self.problem(Self.cases[5])
        let limit = try DLNLimit(problem: problem)
        for saddle in limit.saddles.dropFirst() {
            #expect(saddle.dualOverCommonDenominator != nil)
            let fromIntegers = saddle.json(.nearestDouble)
            #expect(saddle.dualOverCommonDenominator != nil)
            _ = saddle.q
            #expect(saddle.dualOverCommonDenominator == nil)
            #expect(fromIntegers == saddle.json(.nearestDouble))
            #expect(fromIntegers == saddle.json(.nearestDouble))
        }
    }

    /// The near-tie case of `NearTieLimitTests` with weight decay: with M = I and r = y, q_i
    /// reaches the box 1 + λwd·s at s = 1/(y_i − λwd) and x_i = y_i − λwd there; the 10⁻²⁰
    /// separations are decided on the integer form.
    @Test func nearTiesWithWeightDecay() throws {
        let tiny = q("1/100000000000000000000"), lwd = q("1/3")
        let y = [Rational.one, .one + tiny, .one + tiny, .one + 2 * q("1/1000000000000")]
        let X = Matrix((0..<4).map { i in (0..<4).map { Rational($0 == i ? 1 : 0) } })
        let problem = try Problem(X: X, y: y, scaling: .sum, weightDecay: lwd)
        let limit = try DLNLimit(problem: problem)
        #expect(limit.saddles.map(\.entering) == [[], [3], [1, 2], [0]])
        #expect(limit.saddles.map(\.s) == [.zero, (y[3] - lwd).reciprocal, (y[1] - lwd).reciprocal, (y[0] - lwd).reciprocal])
        #expect(limit.saddles[3].x == y.map { $0 - lwd })
        let s2 = limit.saddles[2].s
        #expect(limit.saddles[2].q[0] == s2 * y[0])
        #expect(limit.saddles[2].q[3] == .one + lwd * s2)
    }
}
