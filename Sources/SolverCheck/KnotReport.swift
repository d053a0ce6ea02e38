import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy

/// For output that claims to be a whole path (`SolverOutput.Kind.path`, e.g. `lars_path`): the
/// solver's λ are its knots and its x is linear between them. The exact path is piecewise linear
/// too (docs/math.md §1), so within the covered λ-range the two agree iff they agree at the solver's λ
/// (checked point by point) and at every exact knot in between (checked here, on the solver's
/// interpolant).
///
/// Knots are matched in order, greedily, within `T·κ_max` (λ is compared relative to its scale): an exact knot with m events
/// (joins plus drops, `Knot.multiplicity`) absorbs up to m solver knots, since a one-at-a-time
/// code (LARS) reports a tie of m events as m knots at one λ. An exact knot matched by none is
/// *missed*; a solver λ strictly inside the range that matches none is *spurious*.
public struct KnotReport: Equatable, Sendable {
    /// An exact `Knot` of the path and how the solver's knots matched it.
    public struct KnotMatch: Equatable, Sendable {
        /// Index in the exact path's knot list (0 = κ_max).
        public let index: Int
        public let kappa: Rational
        /// How many solver knots it absorbed (0: missed).
        public let matches: Int
        /// The solver's interpolant at κ against x(κ) (`ValueError`); nil when κ is one of the
        /// solver's λ (that point is checked itself).
        public let interpolation: ValueError?
        public let passed: Bool

        public var matched: Bool { matches > 0 }
    }

    /// A λ the solver reports as a knot that matches no exact knot.
    public struct SpuriousLambda: Equatable, Sendable {
        /// Position in the solver's output (0-based).
        public let index: Int
        public let lambda: Rational
    }

    /// The λ-range the solver's path covers: [smallest λ, largest λ].
    public let from: Rational
    public let to: Rational
    /// The exact knots inside the covered range, and those just outside it that a solver λ matched.
    public let exactKnots: [KnotMatch]
    /// Unmatched exact knots above / below the covered range: where the solver started late or
    /// stopped early.
    public let knotsAbove: Int
    public let knotsBelow: Int
    /// Solver knots that match no exact knot (informative: values are what is checked).
    public let spurious: [SpuriousLambda]
    public let matchingTolerance: Rational

    public var missed: [KnotMatch] { exactKnots.filter { !$0.matched } }
    /// Exact knots where the solver's interpolant is off by more than the tolerance.
    public var failures: [KnotMatch] { exactKnots.filter { !$0.passed } }

    /// `points` are the usable (λ, x) pairs of the output with their output index, any order.
    init(points: [(index: Int, kappa: Rational, x: [Rational])], reference: ExactReference, tolerance: Rational) {
        let knots = reference.path.knots
        let tau = tolerance * knots[0].kappa
        matchingTolerance = tau
        // Decreasing λ, as the exact knots; ties keep output order (zero-length steps).
        let sorted = points.enumerated().sorted { a, b in
            a.element.kappa != b.element.kappa ? a.element.kappa > b.element.kappa : a.offset < b.offset
        }.map(\.element)
        let (low, high) = (sorted.last!.kappa, sorted.first!.kappa)
        from = low
        to = high
        let inside = knots.indices.filter { knots[$0].kappa >= low - tau && knots[$0].kappa <= high + tau }

        // Greedy matching of two decreasing sequences.
        var matches = [Int](repeating: 0, count: inside.count)
        var unmatched: [Int] = [] // positions in `sorted`
        var k = 0
        for (i, p) in sorted.enumerated() {
            // Skip knots above p beyond reach, and full ones: later λ are smaller.
            while k < inside.count, knots[inside[k]].kappa - p.kappa > tau || matches[k] >= max(1, knots[inside[k]].multiplicity) {
                k += 1
            }
            if k < inside.count, (knots[inside[k]].kappa - p.kappa).magnitude <= tau {
                matches[k] += 1
            } else {
                unmatched.append(i)
            }
        }
        spurious = unmatched.map { sorted[$0] }.filter { $0.kappa > low && $0.kappa < high }
            .map { SpuriousLambda(index: $0.index, lambda: $0.kappa) }.sorted { $0.index < $1.index }

        var exact: [KnotMatch] = []
        var j = 0 // sorted[j].kappa > κ ≥ sorted[j+1].kappa, advanced monotonically
        for (n, k) in inside.enumerated() where matches[n] > 0 || (knots[k].kappa >= low && knots[k].kappa <= high) {
            let kappa = knots[k].kappa
            var interpolation: ValueError?
            if kappa > low, kappa < high {
                while sorted[j + 1].kappa > kappa { j += 1 }
                let (a, b) = (sorted[j], sorted[j + 1])
                if b.kappa != kappa { // the solver's own chord between its knots a and b
                    let x = Chord(upper: a.kappa, a.x, lower: b.kappa, b.x).solution(at: kappa)
                    interpolation = ValueError(x: x, kappa: kappa, reference: reference)
                }
            }
            exact.append(KnotMatch(index: k, kappa: kappa, matches: matches[n], interpolation: interpolation,
                                   passed: interpolation.map { $0.error <= tolerance } ?? true))
        }
        knotsAbove = knots.count { $0.kappa > high } - exact.count { $0.kappa > high }
        knotsBelow = knots.count { $0.kappa < low } - exact.count { $0.kappa < low }
        exactKnots = exact
    }
}
