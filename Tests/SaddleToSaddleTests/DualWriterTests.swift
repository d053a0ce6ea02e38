import ExactArithmetic
import JSONFormat
import ParallelWork
@testable import SaddleToSaddle
import SeededRandom
import Testing

/// `DualValues.appendExactJSON` (q written from Q/D: g_i = gcd(Q_i, D) from the shared product,
/// D/g_i's digits by short division) against the reduced values written by the plain writer, on
/// seeded duals with small shared primes, factors beyond a word, numerators that are multiples of
/// D (reduced denominator 1), zeros and box coordinates ±b.
@Suite struct DualWriterTests {
    @Test func writtenFromTheIntegerFormEqualsTheReducedValues() {
        var g = SplitMix64(seed: 4242)
        var wide = 0, whole = 0, box = 0
        for trial in 0..<120 {
            // D = 3·(shared)·(rest): b = 5/3 or an integer; Q_i share random parts of D.
            let shared = DualReductionTests.number(&g, words: g.nextInt(in: 0...3))
            let rest = DualReductionTests.number(&g, words: g.nextInt(in: 0...4))
            let d = BigInteger(3) * shared * rest
            let b = trial % 3 == 0 ? Rational(2) : Rational(5, 3)
            let onBox = b.integer(over: d)
            let numerators = (0..<g.nextInt(in: 0...40)).map { _ -> BigInteger in
                let sign = BigInteger(g.nextInt(in: 0...1) == 0 ? 1 : -1)
                switch g.nextInt(in: 0...7) {
                case 0: return BigInteger(0)
                case 1: return sign * onBox
                case 2: return sign * d * BigInteger(g.nextInt(in: 3...9)) // a whole number (not ±b)
                case 3: return sign * shared * DualReductionTests.number(&g, words: 1) // g may exceed a word
                default: return sign * (DualReductionTests.number(&g, words: g.nextInt(in: 1...5)) + BigInteger(g.nextInt(in: 0...1)))
                }
            }
            var q = DualNumerators(zeros: numerators.count)
            q.denominator = d
            q.numerators = numerators
            let plain = numerators.map { Rational($0, d) }
            for indent in [0, 6] {
                let expected = SaddleWriterTests.bytes { ExactJSON.exactStrings.append(plain, to: &$0, indent: indent) }
                let dual = DualValues(q, bound: b)
                #expect(SaddleWriterTests.bytes { dual.appendExactJSON(to: &$0, indent: indent) } == expected, "trial \(trial)")
                #expect(dual.integerForm != nil) // nothing reduced was kept
                #expect(dual.valuesOnce == plain, "trial \(trial)")
                #expect(SaddleWriterTests.bytes { ExactJSON.exactStrings.append(dual.values, to: &$0, indent: indent) } == expected, "trial \(trial)")
            }
            for (n, v) in zip(numerators, plain) where !n.isZero {
                if n.magnitude == onBox { box += 1 } else if v.isInteger { whole += 1 } else if BigInteger.gcd(n, d).intValue == nil { wide += 1 }
            }
        }
        // Every branch was taken: factors beyond a word, whole numbers, box coordinates.
        #expect(wide > 20 && whole > 20 && box > 20)
    }

    /// Two threads reading the same duals at once (`limit --json`'s render workers, the verdict):
    /// one waits for the factors of a dual the other is finding, or finds them first; the bytes
    /// and values are the plain computation's, whoever finds them.
    @Test func factorsFoundOnAnotherThreadWhileWriting() throws {
        var g = SplitMix64(seed: 77)
        let d = (0..<6).reduce(BigInteger(3)) { p, _ in p * DualReductionTests.number(&g, words: 5) }
        let b = Rational(5, 3), onBox = b.integer(over: d)
        let duals = (0..<60).map { _ -> (DualNumerators, [Rational]) in
            var q = DualNumerators(zeros: 30)
            q.denominator = d
            q.numerators = (0..<30).map { _ in
                g.nextInt(in: 0...4) == 0 ? onBox : DualReductionTests.number(&g, words: 30) * BigInteger(g.nextInt(in: -2...2))
            }
            return (q, q.numerators.map { Rational($0, d) })
        }
        for round in 0..<3 {
            let values = duals.map { DualValues($0.0, bound: b) }
            let shared = Handover(value: values)
            let (written, _) = try concurrently({
                values.indices.map { k in
                    if round == 2 && k % 2 == 0 { return SaddleWriterTests.bytes { ExactJSON.exactStrings.append(values[k].values, to: &$0, indent: 2) } }
                    return SaddleWriterTests.bytes { values[k].appendExactJSON(to: &$0, indent: 2) }
                }
            }) {
                for dual in round == 0 ? shared.value : shared.value.reversed() { _ = dual.valuesOnce }
            }
            for k in duals.indices {
                #expect(written[k] == SaddleWriterTests.bytes { ExactJSON.exactStrings.append(duals[k].1, to: &$0, indent: 2) }, "round \(round), dual \(k)")
                #expect(values[k].valuesOnce == duals[k].1)
            }
        }
    }
}
