import ExactArithmetic
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import Testing
@testable import LimitVerdict

/// z↓'s breakpoints sorted per segment, and the largest gap read from the pieces an interval
/// meets, against the plain computations they replace: every breakpoint in one sorted set, and
/// every gap piece visited.
@Suite struct VerdictSweepTests {
    /// Both networks, weight decay, stopped or not; the pieces and rates of z↓ agree.
    @Test func downwardVariationIsTheGlobalSweep() throws {
        var decreasing = 0
        for seed in UInt64(1)...12 {
            for (n, d) in [(8, 6), (9, 14), (16, 10)] {
                let problem = try randomProblem(seed: seed, n: n, d: d, variant: seed % 4 == 0 ? .positive : .signed,
                                                weightDecay: seed % 3 == 0 ? Rational(1, 5) : .zero, range: -9...9)
                let path = LassoPathInTime(try LassoPath(problem: problem))
                for horizon in [nil, q("3/2"), q("40")] {
                    let swept = DownwardVariation(path, horizon: horizon)
                    #expect(swept.pieces == globalSweep(path, horizon: horizon), "seed \(seed), \(n)×\(d), horizon \(String(describing: horizon))")
                    if swept.pieces.count >= 3 { decreasing += 1 }
                }
            }
        }
        #expect(decreasing >= 10, "non-monotone cases: \(decreasing)")
    }

    /// Intervals from piece ends, points inside pieces and unbounded ones.
    @Test(arguments: [UInt64(2), 7, 11])
    func largestGapReadsOnlyThePiecesItMeets(_ seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, n: 9, d: 14, variant: .signed, range: -9...9)
        let verdict = try Verdict(problem: problem)
        let ends = verdict.gap.map(\.from) + verdict.gap.compactMap(\.to)
        var times = ends
        for (a, b) in zip(ends, ends.dropFirst()) where a < b { times.append((a + b) / Rational(2)) }
        times.append(ends.last! + Rational(1))
        var checked = 0
        for from in times {
            for to in [nil] + times.map(Optional.some) where to.map({ from <= $0 && $0.signum > 0 }) ?? true {
                let fast = verdict.maximumGap(from: from, to: to), plain = everyPiece(verdict, from: from, to: to)
                #expect(fast?.maximum == plain?.maximum && fast?.maximiser == plain?.maximiser, "[\(from), \(String(describing: to))]")
                checked += 1
            }
        }
        #expect(verdict.gap.count >= 6 && checked > 50, "\(verdict.gap.count) pieces, \(checked) intervals")
    }

    /// `maximumGap` visiting every piece.
    func everyPiece(_ v: Verdict, from: Rational, to: Rational?) -> (maximum: Rational, maximiser: Rational?)? {
        var best: (maximum: Rational, maximiser: Rational?)?
        for g in v.gap {
            guard let m = g.maximum(from: from, to: to) else { continue }
            if best.map({ $0.maximum < m.value }) ?? true { best = (m.value, m.at) }
        }
        return best
    }

    /// z↓ with every breakpoint in one set, sorted once.
    func globalSweep(_ path: LassoPathInTime, horizon: Rational?) -> [DownwardVariationPiece] {
        var decreasing: [SegmentDecrease] = []
        var cuts: Set<Rational> = [.zero]
        for j in path.reachedSegments {
            cuts.insert(path.time(ofKnot: j)!)
            for dec in decreases(onSegment: j, path) {
                decreasing.append(dec)
                if let to = dec.to { cuts.insert(to) }
            }
        }
        let sorted = cuts.sorted().filter { c in horizon.map { c < $0 } ?? true }
        var pieces: [DownwardVariationPiece] = [], value = Rational.zero
        for (n, from) in sorted.enumerated() {
            let to = n + 1 < sorted.count ? sorted[n + 1] : horizon
            let inForce = decreasing.filter { $0.from <= from && ($0.to.map { $0 > from } ?? true) }
            let rate = inForce.reduce(Rational.zero) { $0 + $1.rate }
            let coordinates = Array(Set(inForce.map(\.coordinate))).sorted()
            if let last = pieces.last, last.rate == rate, last.coordinates == coordinates {
                pieces[pieces.count - 1] = DownwardVariationPiece(from: last.from, to: to, rate: rate, valueAtFrom: last.valueAtFrom, coordinates: coordinates)
            } else {
                pieces.append(DownwardVariationPiece(from: from, to: to, rate: rate, valueAtFrom: value, coordinates: coordinates))
            }
            if let to { value = pieces[pieces.count - 1].value(at: to) }
        }
        return pieces
    }
}
