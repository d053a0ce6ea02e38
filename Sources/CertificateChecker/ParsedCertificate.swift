import ExactArithmetic

/// A parsed version-2 certificate (proofs/certificate-format.md), before any claim is checked:
/// the parser guarantees only the shapes (types, sizes, canonical numbers), never the mathematics.
/// Indices are 0-based, as in the document; messages to people count from 1 ("segment 1").
public struct ParsedCertificate: Sendable {
    public enum Variant: String, Sendable {
        /// Signed lasso; the network x = u∘v.
        case signed
        /// Nonnegative lasso; the weight-tied network x = u∘u.
        case positive
    }

    /// Where the certificate came from: `check --input` confirms it.
    public struct Input: Sendable {
        public var file: String
        /// SHA-256 of the input file's bytes, 64 lowercase hex digits.
        public var sha256: String
        /// Command-line options `certify` applied on top of the file (nil: the file's own).
        public var variant: Variant?
        public var weightDecay: Rational?
        /// "mean" or "sum".
        public var scaling: String?
        public var responseColumn: String?
        /// A separate response file (`--y`) and the SHA-256 of its bytes.
        public var responseFile: String?
        public var responseSHA256: String?
        /// The CSV files' first column is a pandas index, dropped (`--index-column`).
        public var indexColumn: Bool
    }

    public struct Problem: Sendable {
        public var variant: Variant
        public var weightDecay: Rational
        public var M: [[Rational]]
        public var r: [Rational]
        public var positiveDefinite: Bool
        public var dimension: Int { r.count }
    }

    /// A `unique` flag with its witness (proofs/limit-dual.md for saddles,
    /// proofs/lasso-uniqueness.md for the lasso): whether a minimiser is the only one.
    public struct Uniqueness: Sendable {
        public var unique: Bool
        /// When `unique` is false: a nonzero direction d with x + t·d a minimiser for small t > 0.
        public var direction: [Rational]?
        /// When `unique` is true but M on the coordinates that may move is singular: Stiemke
        /// weights proving the cone of minimiser directions is {0}.
        public var weights: [Rational]?
    }

    /// A knot of the lasso path (docs/math.md §1): penalty λ, the solution x(λ), and whether it
    /// is the only solution at λ.
    public struct Knot: Sendable {
        public var lambda: Rational
        public var x: [Rational]
        public var uniqueness: Uniqueness
    }

    /// A saddle of the ε → 0 limit (docs/math.md §3), with the face-optimality witness and
    /// whether x is the face problem's only minimiser.
    public struct Saddle: Sendable {
        public var s: Rational
        public var x: [Rational]
        public var q: [Rational]
        public var multipliers: [Rational]
        public var uniqueness: Uniqueness
    }

    public struct MonotoneBreak: Equatable, Sendable {
        /// 0-based segment (between knots `segment` and `segment + 1`) and coordinate.
        public var segment: Int
        public var coordinate: Int
        public var muFrom: Rational
        /// nil: the segment reaches μ = ∞.
        public var muTo: Rational?
        /// The coordinate's μ-slope a_i, whose sign is opposite to x_i's on the segment.
        public var slope: Rational
    }

    /// A closed s-interval; `to == nil` means unbounded.
    public struct Interval: Equatable, Sendable {
        public var from: Rational
        public var to: Rational?
    }

    /// The limit gap, z↓ and η at one time s > 0 (proofs/gap.md, proofs/downward-variation.md).
    public struct Sample: Sendable {
        public var s: Rational
        public var gap: Rational
        public var zDown: Rational
        /// lower ≤ η(s) ≤ upper; equal when η(s) is rational.
        public var etaLower: Rational
        public var etaUpper: Rational
    }

    /// One piece of z↓(μ) (proofs/downward-variation.md): constant decrease rate on [from, to].
    public struct DownwardPiece: Equatable, Sendable {
        public var from: Rational
        /// nil: to μ = ∞.
        public var to: Rational?
        public var rate: Rational
        public var valueAtFrom: Rational
        /// The coordinates (0-based) whose |z_i| decreases on the piece, increasing.
        public var coordinates: [Int]
    }

    /// The largest limit gap on an s-interval (proofs/gap-maxima.md).
    public struct GapMaximum: Equatable, Sendable {
        public var from: Rational
        /// nil: to s = ∞.
        public var to: Rational?
        public var maximum: Rational
        /// Where it is attained; nil: the supremum is the limit as s → ∞.
        public var maximiser: Rational?
    }

    public struct Verdict: Sendable {
        public var monotone: Bool
        public var monotoneBreak: MonotoneBreak?
        public var equivalent: Bool
        public var divergence: [Interval]
        public var jumpTimesEqualInverseKnots: Bool
        public var saddlesEqualSlopes: Bool
        /// The largest gap on each divergence interval (parallel to `divergence`).
        public var divergenceGaps: [GapMaximum]
        /// The compared components (0-based; of x, or of M·x when M is singular) that differ just
        /// after each divergence interval starts (parallel to `divergence`).
        public var divergenceCoordinates: [[Int]]
        /// The largest gap on every common piece where the gap is not identically 0, in time order.
        public var gapMaxima: [GapMaximum]
        /// z↓(μ): its pieces from μ = 0 and its final value (nil: it grows without bound).
        public var downwardPieces: [DownwardPiece]
        public var downwardTotal: Rational?
        public var samples: [Sample]
    }

    public var input: Input
    public var problem: Problem
    public var knots: [Knot]
    /// signs[k][i] ∈ {−1, 0, 1}: the sign of x_i on the open segment between knots k and k+1.
    public var segmentSigns: [[Int]]
    /// Whether the lasso solution is unique at every κ strictly inside segment k.
    public var segmentUniqueness: [Uniqueness]
    /// Whether the lasso solution is unique for every κ ≥ 0.
    public var lassoUnique: Bool
    public var saddles: [Saddle]
    public var verdict: Verdict
}
