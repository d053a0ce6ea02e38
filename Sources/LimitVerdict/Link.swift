import ExactArithmetic
import SaddleToSaddle

/// The precise link of docs/math.md §4 between the DLN saddles and the lasso path: "jump times equal
/// 1/(κ_k − λwd)" and "saddles equal the segment slopes a_k", or the first place this fails.
///
/// A knot where the slope a does not change ("silent") moves nothing in the DLN, so it is not
/// expected to be a jump time; silent knots are listed. Positions are compared as x when M is
/// positive definite and as M·x otherwise (x itself need not be unique then).
public struct Link: Equatable, Sendable {
    public enum Mismatch: Equatable, Sendable {
        /// DLN saddle `saddle` jumps at `s`, but the next non-silent knot is `knot` at `knotTime`
        /// (nil: no knot left).
        case time(saddle: Int, s: Rational, knot: Int?, knotTime: Rational?)
        /// Same time, but the saddle is not the slope a of the segment below the knot.
        case position(saddle: Int, s: Rational, knot: Int, saddleX: [Rational], slope: [Rational])
        /// The lasso has a non-silent knot at `knotTime` after the last DLN saddle.
        case missingSaddle(knot: Int, knotTime: Rational)
    }

    /// How many saddles (after s = 0) matched a knot before the first mismatch.
    public let matched: Int
    public let silentKnots: [Int]
    public let mismatch: Mismatch?

    public var holds: Bool { mismatch == nil }

    /// `equalPositions(x, a)` compares a saddle with a slope (x or M·x).
    init(_ limit: DLNLimit, _ path: LassoPathInTime, equalPositions: ([Rational], IntegerVector) -> Bool) {
        var expected: [(knot: Int, time: Rational, slope: IntegerVector)] = []
        var silent: [Int] = []
        var previous = IntegerVector.zero(path.dimension)
        for j in path.reachedSegments {
            let a = path.integerFormula(j).constant
            if a == previous { silent.append(j); continue }
            expected.append((j, path.time(ofKnot: j)!, a))
            previous = a
        }
        silentKnots = silent
        // A path stopped at S has no segment from S on: saddles from S on are not compared.
        let saddles = limit.horizon.map { h in limit.saddles.filter { $0.s < h } } ?? limit.saddles
        var matched = 0
        var mismatch: Mismatch?
        for (n, e) in expected.enumerated() {
            let k = n + 1
            guard k < saddles.count else { mismatch = .missingSaddle(knot: e.knot, knotTime: e.time); break }
            if saddles[k].s != e.time {
                mismatch = .time(saddle: k, s: saddles[k].s, knot: e.knot, knotTime: e.time)
                break
            }
            if !equalPositions(saddles[k].x, e.slope) {
                mismatch = .position(saddle: k, s: saddles[k].s, knot: e.knot, saddleX: saddles[k].x, slope: e.slope.rationals)
                break
            }
            matched = k
        }
        if mismatch == nil, expected.count + 1 < saddles.count {
            let k = expected.count + 1
            mismatch = .time(saddle: k, s: saddles[k].s, knot: nil, knotTime: nil)
        }
        self.matched = matched
        self.mismatch = mismatch
    }
}
