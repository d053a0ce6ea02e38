import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SeededRandom
import Testing
@testable import LassoHomotopy

/// `WordAdjugate` (adj(M_AA) and det(M_AA) in words) and the rational engine's updates over it.
@Suite struct WordAdjugateTests {
    /// A random symmetric PSD integer matrix XᵀX (d×d, X n×d with entries of up to `bits` bits;
    /// singular when n < d).
    static func gram(_ rng: inout SplitMix64, d: Int, n: Int, bits: Int) -> Matrix {
        let X = (0..<n).map { _ in (0..<d).map { _ in rng.nextInt(in: -(1 << bits)...(1 << bits)) } }
        return Matrix((0..<d).map { i in (0..<d).map { j in Rational((0..<n).reduce(0) { $0 + X[$1][i] * X[$1][j] }) } })
    }

    /// adj and det from the definition: det by elimination, adj = det·M_AA⁻¹ (`BorderedInverse`).
    static func expectMatches(_ w: WordAdjugate, _ M: Matrix, _ label: String) {
        let a = w.indices
        let det = a.isEmpty ? Rational.one : M.submatrix(rows: a, columns: a).determinant
        #expect(Rational(Int(w.determinant)) == det, "\(label)")
        guard let inverse = BorderedInverse(M, indices: a) else {
            Issue.record("\(label): M_AA singular")
            return
        }
        for p in a.indices {
            for q in a.indices where Rational(Int(w[p, q])) != det * inverse[p, q] {
                Issue.record("\(label): adj[\(p), \(q)] = \(w[p, q]), expected \(det * inverse[p, q])")
            }
        }
    }

    /// By hand: M = [[2, 1], [1, 3]]; bordering 0 then 1 gives det 2 then 5 and adj [[3, −1], [−1, 2]];
    /// removing index 0 leaves det 3 (= adj'₀₀) and adj [1].
    @Test func borderingAndRemovingByHand() throws {
        var w = try #require(WordAdjugate([q(2), q(1), q(1), q(3)], dimension: 2))
        guard case .success(let b0) = w.bordering(0) else { Issue.record("bordering 0"); return }
        #expect(b0.z == [] && b0.determinant == 2)
        w.commit(0, b0)
        guard case .success(let b1) = w.bordering(1) else { Issue.record("bordering 1"); return }
        #expect(b1.z == [1] && b1.determinant == 5)                 // z = adj([2])·1 = 1; Δ' = 2·3 − 1·1
        w.commit(1, b1)
        #expect(w.indices == [0, 1] && w.determinant == 5 && [w[0, 0], w[0, 1], w[1, 0], w[1, 1]] == [3, -1, -1, 2])
        guard case .success = w.remove(at: 0) else { Issue.record("remove"); return }
        #expect(w.indices == [1] && w.determinant == 3 && w[0, 0] == 1)
        #expect(WordAdjugate([q(1, 2)], dimension: 1) == nil)
    }

    /// Seeded PSD matrices (singular ones too), random appends and removals: after every step the
    /// words are the exact adjugate and determinant; a singular step is refused and changes nothing.
    @Test func followsTheExactAdjugate() throws {
        var rng = SplitMix64(seed: 8_0812)
        var steps = 0, singular = 0
        for trial in 0..<60 {
            let d = rng.nextInt(in: 2...7)
            let M = Self.gram(&rng, d: d, n: rng.nextInt(in: 1...8), bits: 3)
            var w = try #require(WordAdjugate(M.elements, dimension: d))
            for step in 0..<20 {
                let outside = (0..<d).filter { !w.indices.contains($0) }
                if !outside.isEmpty && (w.indices.isEmpty || rng.nextInt(in: 0...2) > 0) {
                    let j = outside[rng.nextInt(in: 0..<outside.count)]
                    switch w.bordering(j) {
                    case .success(let b): w.commit(j, b)
                    case .failure(.singular):
                        singular += 1
                        #expect(M.submatrix(rows: w.indices + [j], columns: w.indices + [j]).determinant.isZero)
                    case .failure(.overflow): Issue.record("trial \(trial): overflow at 3-bit entries")
                    }
                } else {
                    let before = w
                    let p = rng.nextInt(in: 0..<w.indices.count)
                    if case .failure(let f) = w.remove(at: p) {
                        #expect(f == .singular && w.indices == before.indices && w.adjugate == before.adjugate, "trial \(trial)")
                        singular += 1
                    }
                }
                Self.expectMatches(w, M, "trial \(trial) step \(step)")
                steps += 1
            }
        }
        #expect(steps == 1200 && singular > 20)
    }

    /// Entries of ~40 bits: a bordering whose adjugate leaves 64 bits reports `.overflow` (never a
    /// wrapped value) and leaves the words unchanged.
    @Test func overflowIsReported() throws {
        let big = 1 << 40
        let M = Matrix([[Rational(big), Rational(big - 1), Rational(3)], [Rational(big - 1), Rational(big), Rational(5)],
                        [Rational(3), Rational(5), Rational(big)]])
        var w = try #require(WordAdjugate(M.elements, dimension: 3))
        for j in 0..<2 {
            guard case .success(let b) = w.bordering(j) else { Issue.record("bordering \(j)"); return }
            w.commit(j, b)
        }
        Self.expectMatches(w, M, "two indices")                     // det = 2⁴¹ − 1 fits
        guard case .failure(.overflow) = w.bordering(2) else { Issue.record("expected an overflow"); return }
        #expect(w.indices == [0, 1])
    }

    /// The rational engine over words against the engine kept in `Rational`: seeded PSD problems
    /// (entries up to 26 bits, so that some updates overflow the words and fall back), random joins,
    /// drops and resets; after each, the same success and the same segment vectors.
    @Test func engineOverWordsEqualsRationalEngine() throws {
        var rng = SplitMix64(seed: 8_1203)
        var fallbacks = 0, operations = 0
        for trial in 0..<80 {
            let d = rng.nextInt(in: 2...6)
            let M = Self.gram(&rng, d: d, n: rng.nextInt(in: 1...7), bits: trial % 4 == 2 ? 26 : 4)
            let r = (0..<d).map { _ in Rational(rng.nextInt(in: -9...9), rng.nextInt(in: 1...4)) }
            let scale = trial % 2 == 0 ? nil : (0..<d).map { _ in Rational(rng.nextInt(in: 1...999), rng.nextInt(in: 1...999)) }
            let positive = trial % 5 == 4
            var fast = RationalEngine(M: M, r: r, positive: positive, scale: scale)
            var slow = RationalEngine(M: M, r: r, positive: positive, scale: scale, words: false)
            var support: [Int] = []
            for step in 0..<16 {
                let outside = (0..<d).filter { !support.contains($0) }
                let label = "trial \(trial) step \(step)"
                if step % 7 == 6 {
                    let chosen = (0..<d).filter { _ in rng.nextInt(in: 0...1) == 1 }
                    let signs = chosen.map { _ in positive || rng.nextInt(in: 0...1) == 0 ? 1 : -1 }
                    let ok = fast.reset(support: chosen, signs: signs)
                    #expect(ok == slow.reset(support: chosen, signs: signs), "\(label) reset")
                    if !ok { break }
                    support = chosen
                } else if !outside.isEmpty && (support.isEmpty || rng.nextInt(in: 0...2) > 0) {
                    let j = outside[rng.nextInt(in: 0..<outside.count)]
                    let s = positive || rng.nextInt(in: 0...1) == 0 ? 1 : -1
                    let ok = fast.join(j, sign: s)
                    #expect(ok == slow.join(j, sign: s), "\(label) join")
                    if !ok { break }                                  // the homotopy resets after a refusal
                    support.append(j)
                } else {
                    let i = support[rng.nextInt(in: 0..<support.count)]
                    let ok = fast.drop(i)
                    #expect(ok == slow.drop(i), "\(label) drop")
                    if !ok { break }
                    support.removeAll { $0 == i }
                }
                let a = try #require(fast.segment() as? RationalSegment), b = try #require(slow.segment() as? RationalSegment)
                #expect(a.support == b.support && a.signs == b.signs && a.a == b.a && a.w == b.w && a.c0 == b.c0 && a.c1 == b.c1, "\(label)")
                operations += 1
            }
            fallbacks += fast.wordFallbacks
            #expect(slow.wordFallbacks == 0)
        }
        #expect(operations > 600 && fallbacks > 5, "\(operations) operations, \(fallbacks) fallbacks")
    }

    /// `Array(filled:count:)` is `Array(repeating:count:)`, empty included.
    @Test func filledArraysRepeatTheValue() {
        for count in [0, 1, 7, 64] {
            #expect([Int64](filled: -3, count: count) == [Int64](repeating: -3, count: count))
            #expect([Bool](filled: true, count: count) == [Bool](repeating: true, count: count))
            #expect([Int64](filled: 0, count: count).capacity >= count)
        }
    }
}
