@testable import CounterexampleSearch
import SeededRandom
import ExactArithmetic
import Foundation
import Testing

@Suite("shrinking steps and exact draws")
struct SimplificationTests {
    @Test func exactTexts() {
        #expect(exactText(q(-1, 8)) == "-0.125")
        #expect(exactText(q(3)) == "3")
        #expect(exactText(q(1, 3)) == "1/3")
        #expect(exactText(q(123456, 100000)) == "1.23456")
        #expect(exactText(q(1, 1024)) == "1/1024") // 0.0009765625 is longer
        #expect(terminatingDecimals(BigInteger(40)) == 3 && terminatingDecimals(BigInteger(6)) == nil)
    }

    @Test func simplerValuesInOrder() {
        #expect(simplerValues(q(123456, 100000)) == [q(0), q(1), q(12, 10), q(123, 100), q(1235, 1000), q(12346, 10000)])
        #expect(simplerValues(q(-7)) == [q(0), q(-1), q(-3), q(-6)])
        #expect(simplerValues(q(1)) == [q(0)])
        #expect(simplerValues(q(0)) == [])
        #expect(simplerValues(q(355, 113)) == [q(0), q(3), q(22, 7)]) // 355/113 = [3; 7, 16]
        #expect(simplerValues(q(-5, 2)) == [q(0), q(-3)]) // half away from zero; 1 digit gives −3 again
    }

    /// Shrinking stops: each step is strictly simpler.
    @Test func complexityOrder() {
        let a = SearchInstance(index: 0, X: [[q(123456, 100000)]], y: [q(1)], variant: .signed)
        var b = a
        b.X[0][0] = q(12346, 10000)
        #expect(Complexity(b) < Complexity(a))
        var c = a
        c.X[0][0] = q(2)
        var d = a
        d.X[0][0] = q(3)
        #expect(Complexity(c) < Complexity(d)) // same length, smaller magnitude
        let wider = SearchInstance(index: 0, X: [[q(1), q(1)]], y: [q(1)], variant: .signed)
        #expect(Complexity(a) < Complexity(wider))
    }

    /// The platform-independent logarithm is within 4 ulp of libm's (what matters is that it is
    /// the same everywhere), and the Gaussian draws have mean ≈ 0 and variance ≈ 1.
    @Test func gaussian() {
        var rng = SplitMix64(seed: 3, index: 0)
        for _ in 0..<2000 {
            let x = rng.nextUnit() + 1e-300
            #expect(abs(Gaussian.log(x) - Foundation.log(x)) <= 4 * Foundation.log(x).ulp.magnitude)
        }
        var sum = 0.0, squares = 0.0
        let n = 20000
        for _ in 0..<n {
            let z = Gaussian.next(&rng)
            sum += z
            squares += z * z
        }
        #expect(abs(sum / Double(n)) < 0.03)
        #expect(abs(squares / Double(n) - 1) < 0.05)
        #expect(Gaussian.rounded(1.2345675, digits: 6) == q(123457, 100000) || Gaussian.rounded(1.2345675, digits: 6) == q(123456, 100000))
        #expect(Gaussian.rounded(-0.000123456789, digits: 3) == q(-123, 1000000))
        #expect(Gaussian.rounded(98765.4, digits: 2) == q(99000))
    }

    /// The double fast path of the rounding agrees with the rational one, ties and boundaries included.
    @Test func roundingFastPathIsExact() {
        var rng = SplitMix64(seed: 4, index: 0)
        var values: [Double] = [1.2345675, 0.5, 2.5, 999999.5, 9.999995, 9.9999949999, 1e-7, 123456.5, 0.1, 1, 10, 99999.95]
        for _ in 0..<3000 { values.append(Gaussian.next(&rng) * [1e-3, 1, 1e3][values.count % 3]) }
        for v in values {
            for digits in [1, 3, 6, 9] {
                #expect(Gaussian.rounded(v, digits: digits) == Gaussian.exactlyRounded(v, digits: digits), "\(v), \(digits)")
                #expect(Gaussian.rounded(-v, digits: digits) == -Gaussian.exactlyRounded(v, digits: digits), "\(v), \(digits)")
            }
        }
    }

    @Test func splitMixStreams() {
        var a = SplitMix64(seed: 1, index: 0), b = SplitMix64(seed: 1, index: 1)
        #expect(a.next() != b.next())
        var c = SplitMix64(seed: 0)
        #expect(c.next() == 0xE220_A839_7B1D_CDAF) // the reference SplitMix64 first output from state 0
        var r = SplitMix64(seed: 9, index: 9)
        for _ in 0..<1000 { #expect((-3...3).contains(r.nextInt(in: -3...3))) }
    }
}
