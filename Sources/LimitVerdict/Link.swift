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
    init(_ limit: DLNLimit, _ path: LassoPathInTime, equalPositions: @escaping ([Rational], IntegerVector) -> Bool) {
        var builder = LinkBuilder(dimension: path.dimension, horizon: limit.horizon, equalPositions: equalPositions)
        for j in path.reachedSegments { builder.addSegment(j, at: path.time(ofKnot: j)!, slope: path.integerFormula(j).constant) }
        for saddle in limit.saddles { builder.addSaddle(s: saddle.s, x: saddle.x) }
        self = builder.finish()
    }

    /// Compares a saddle x with a slope a: as x, or as M·x when M is singular (`images`).
    static func equalPositions(images: Bool, _ scaled: ScaledQuadratic) -> ([Rational], IntegerVector) -> Bool {
        { x, a in images ? scaled.times(x) == scaled.times(a.rationals) : IntegerVector(x) == a }
    }

    init(matched: Int, silentKnots: [Int], mismatch: Mismatch?) {
        self.matched = matched
        self.silentKnots = silentKnots
        self.mismatch = mismatch
    }
}

/// The link built from the saddles and the segments as they come, each side in time order and
/// in any interleaving (`VerdictStream`): a saddle and the next knot where the slope changes are
/// matched as soon as both are known, and only unmatched ones are held.
struct LinkBuilder {
    let horizon: Rational?
    let equalPositions: ([Rational], IntegerVector) -> Bool
    private var silent: [Int] = []
    private var previous: IntegerVector
    /// Knots where the slope changes, and saddles after s = 0 before the horizon, not yet matched.
    private var expected = FIFO<(knot: Int, time: Rational, slope: IntegerVector)>()
    private var saddles = FIFO<(k: Int, s: Rational, x: [Rational])>()
    private var saddleCount = 0
    private var matched = 0
    private var mismatch: Link.Mismatch?

    init(dimension: Int, horizon: Rational?, equalPositions: @escaping ([Rational], IntegerVector) -> Bool) {
        self.horizon = horizon
        self.equalPositions = equalPositions
        previous = .zero(dimension)
    }

    /// Reached segment j, from μ_j on, with slope a (its formula's constant).
    mutating func addSegment(_ j: Int, at time: Rational, slope a: IntegerVector) {
        if a == previous { return silent.append(j) }
        previous = a
        guard mismatch == nil else { return }
        expected.append((j, time, a))
        match()
    }

    /// The next saddle (from saddle 0 at s = 0, which is not matched).
    mutating func addSaddle(s: Rational, x: [Rational]) {
        let k = saddleCount
        saddleCount += 1
        // A path stopped at S has no segment from S on: saddles from S on are not compared.
        guard k > 0, mismatch == nil, horizon.map({ s < $0 }) ?? true else { return }
        saddles.append((k, s, x))
        match()
    }

    private mutating func match() {
        while mismatch == nil, let e = expected.first, let saddle = saddles.first {
            expected.removeFirst()
            saddles.removeFirst()
            if saddle.s != e.time {
                mismatch = .time(saddle: saddle.k, s: saddle.s, knot: e.knot, knotTime: e.time)
            } else if !equalPositions(saddle.x, e.slope) {
                mismatch = .position(saddle: saddle.k, s: saddle.s, knot: e.knot, saddleX: saddle.x, slope: e.slope.rationals)
            } else {
                matched = saddle.k
            }
        }
        if mismatch != nil { (expected, saddles) = (FIFO(), FIFO()) }
    }

    /// The link once both sides have ended: a knot left without a saddle, or a saddle without a knot.
    func finish() -> Link {
        var mismatch = self.mismatch
        if mismatch == nil, let e = expected.first {
            mismatch = .missingSaddle(knot: e.knot, knotTime: e.time)
        } else if mismatch == nil, let saddle = saddles.first {
            mismatch = .time(saddle: saddle.k, s: saddle.s, knot: nil, knotTime: nil)
        }
        return Link(matched: matched, silentKnots: silent, mismatch: mismatch)
    }
}
