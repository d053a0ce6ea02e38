import JSONFormat
import SeededRandom
import Testing
@testable import ExactArithmetic

/// `ExactJSON.write(_:to:)` through a `JSONCursor` (the knot writer's raw path) gives the bytes of
/// `description` and of the tree writer, within the capacity it states; `--float`'s doubles too.
@Suite struct CursorTextTests {
    static func cursorText(_ q: Rational, _ exact: ExactJSON = .exactStrings) -> String {
        var out = JSONOutput()
        out.compose(capacity: exact.capacity(q)) { exact.write(q, to: &$0) }
        return out.string
    }

    static func cursorText(_ v: [Rational], indent: Int, _ exact: ExactJSON = .exactStrings) -> String {
        var out = JSONOutput()
        out.compose(capacity: exact.capacity(v, indent: indent)) { exact.write(v, to: &$0, indent: indent) }
        return out.string
    }

    static func treeText(_ v: [Rational], indent: Int, _ exact: ExactJSON = .exactStrings) -> String {
        var out = JSONOutput()
        exact(v).write(to: &out, indent: indent)
        return out.string
    }

    static func treeText(_ q: Rational, _ exact: ExactJSON) -> String {
        var out = JSONOutput()
        exact(q).write(to: &out, indent: 0)
        return out.string
    }

    /// Small values at the digit-count and Int64 edges, wide ones at the 19-digit chunk edges,
    /// GMP values (integers too), both signs.
    @Test func scalarsAtTheEdges() {
        let ten19 = pow10(19)
        var magnitudes: [BigInteger] = [0, 1, 9, 10, 99, 100, 101, 999_999_999, 1_000_000_000]
        magnitudes += [pow10(18) - BigInteger(1), pow10(18), ten19 - BigInteger(1), pow2(63) - BigInteger(1), pow2(63), ten19]
        magnitudes += [pow2(64) - BigInteger(1), pow2(64), ten19 * ten19 - BigInteger(1), ten19 * ten19, pow2(128) - BigInteger(1)]
        magnitudes += [pow2(128), pow10(60) + BigInteger(3)]
        let denominators = [BigInteger(1), BigInteger(7), pow2(63) - BigInteger(25), ten19 + BigInteger(3), pow2(119) - BigInteger(1), pow2(130) + BigInteger(1)]
        var forms = Set<String>()
        for n in magnitudes {
            for d in denominators {
                for sign in [BigInteger(1), BigInteger(-1)] {
                    let q = Rational(sign * n, d)
                    forms.insert(q.isSmall ? "small" : q.isInline ? "wide" : "big")
                    #expect(Self.cursorText(q) == "\"\(q.description)\"", "\(q)")
                    #expect(Self.cursorText(q).utf8.count <= ExactJSON.exactStrings.capacity(q))
                    let float = Self.cursorText(q, .nearestDouble)
                    #expect(float == Self.treeText(q, .nearestDouble) && float.utf8.count <= ExactJSON.nearestDouble.capacity(q), "\(q)")
                }
            }
        }
        #expect(forms == ["small", "wide", "big"])
    }

    /// Seeded vectors mixing the three forms, with GMP entries that repeat a denominator (its
    /// digits are reused) and that change it, at indents on both sides of the one-line width.
    @Test func seededVectorsMatchTheTreeWriter() {
        var rng = SplitMix64(seed: 11_1203)
        for trial in 0..<300 {
            let shared = rng.bigInteger(bits: rng.nextInt(in: 1...300)) + BigInteger(1)
            let v: [Rational] = (0..<rng.nextInt(in: 0...12)).map { _ in
                let n = rng.bigInteger(bits: rng.nextInt(in: 0...260)) * BigInteger(rng.nextInt(in: 0...1) == 0 ? 1 : -1)
                switch rng.nextInt(in: 0...2) {
                case 0: return Rational(n, shared)
                case 1: return Rational(n, rng.bigInteger(bits: rng.nextInt(in: 1...200)) + BigInteger(1))
                default: return Rational(rng.nextInt(in: -1000...1000), rng.nextInt(in: 1...50))
                }
            }
            let indent = rng.nextInt(in: 0...40)
            let text = Self.cursorText(v, indent: indent)
            #expect(text == Self.treeText(v, indent: indent), "trial \(trial)")
            #expect(text.utf8.count <= ExactJSON.exactStrings.capacity(v, indent: indent))
            let float = Self.cursorText(v, indent: indent, .nearestDouble)
            #expect(float == Self.treeText(v, indent: indent, .nearestDouble), "trial \(trial)")
            #expect(float.utf8.count <= ExactJSON.nearestDouble.capacity(v, indent: indent))
        }
    }

    /// `--float` by hand: the nearest double's shortest text, "0.0" for zero (and for a value
    /// that rounds to −0.0), `null` beyond the double range, the longest texts within capacity.
    @Test func floatsByHand() {
        #expect(Self.cursorText(Rational(1, 3), .nearestDouble) == "0.3333333333333333")
        #expect(Self.cursorText(Rational(-5, 2), .nearestDouble) == "-2.5")
        #expect(Self.cursorText(.zero, .nearestDouble) == "0.0")
        #expect(Self.cursorText(Rational(BigInteger(-1), pow10(400)), .nearestDouble) == "0.0")
        #expect(Self.cursorText(Rational(pow10(400)), .nearestDouble) == "null")
        #expect(Self.cursorText(Rational(-pow10(400)), .nearestDouble) == "null")
        let longest = Rational(BigInteger(-22250738585072014), pow10(324))  // −2.2250738585072014e-308
        #expect(Self.cursorText(longest, .nearestDouble) == "-2.2250738585072014e-308")
        #expect(Self.cursorText([Rational(1, 3), Rational(pow10(400)), .zero], indent: 0, .nearestDouble) == "[0.3333333333333333, null, 0.0]")
    }
}
