import ExactArithmetic
import JSONFormat
import LassoHomotopy

/// The path's half of the streamed verdict (`compare --json`), on a thread of its own between
/// the path's and the verdict's: each knot turned into the reached segment that ends there
/// (`StreamedSegments`), z↓ swept with its final pieces written to their file as they close, and
/// monotonicity tested. The verdict's thread (`VerdictStream`) then only cuts and compares
/// pieces: with this work it had been the one thread the others waited for.
struct SegmentStream {
    let times: [Rational]
    private var segments: LassoPathInTime.StreamedSegments
    /// z↓'s pieces: as JSON in their file (`compare --json`), as the report's table (`compare`), or neither.
    private var downward: SpilledArray?
    private var texts: RecentTexts?
    private var rows: DownwardRows?
    private var atInfinity: KnotsAtInfinity
    /// Per `--at` time, the last z↓ piece starting at or before it.
    private var holding: [DownwardVariationPiece?]
    private var last: DownwardVariationPiece?
    private var isUnique = true

    /// `horizon`: the verdict's, where z↓ stops; `downward`: the file for z↓'s pieces.
    init(weightDecay: Rational, horizon: Rational?, at times: [Rational], downward: SpilledArray, _ exact: ExactJSON) {
        self.init(weightDecay: weightDecay, horizon: horizon, at: times)
        self.downward = downward
        texts = RecentTexts(exact)
    }

    /// The same with z↓'s pieces as the rows of `compare`'s report.
    init(weightDecay: Rational, horizon: Rational?, at times: [Rational], report f: NumberFormat) {
        self.init(weightDecay: weightDecay, horizon: horizon, at: times)
        rows = DownwardRows(f)
    }

    /// The same keeping neither (`compare --json --summary`: z↓'s total only).
    init(weightDecay: Rational, horizon: Rational?, at times: [Rational]) {
        self.times = times
        segments = LassoPathInTime.StreamedSegments(weightDecay: weightDecay, horizon: horizon)
        atInfinity = KnotsAtInfinity(weightDecay: weightDecay)
        holding = times.map { _ in nil }
    }

    /// The path's next knot (from the first): the segment that ends there, if it is reached.
    /// `below`: the integer engine's formula of the segment below the knot, if the path has it;
    /// `isUnique`: the solution there and on that segment.
    mutating func add(kappa: Rational, x: [Rational], below: SegmentNumerators?, isUnique: Bool) -> StreamedSegment? {
        self.isUnique = self.isUnique && isUnique
        atInfinity.pass(kappa: kappa, x: x)
        guard let segment = segments.add(kappa: kappa, x: x, below: below) else { return nil }
        write(segments.takeFinalDownward())
        return segment
    }

    /// After the last knot: z↓'s last pieces written (throws if a write to their file failed),
    /// and what the verdict reads of the path.
    mutating func finish() throws -> PathSummary {
        write(segments.finishDownward().pieces)
        try downward?.finish()
        return PathSummary(monotonicityBreak: segments.monotonicityBreak, downward: DownwardSummary(last: last!),
                           holding: holding.map { $0! }, isUnique: isUnique, pieces: downward, rows: rows,
                           lastKnot: segments.lastKnotWithoutSegment, atInfinity: atInfinity)
    }

    private mutating func write<C: Collection<DownwardVariationPiece>>(_ final: C) {
        for p in final {
            for (i, s) in times.enumerated() where p.from <= s { holding[i] = p }
            if downward != nil { downward!.append(p.json(&texts!)) }
            rows?.pass(p)
            last = p
        }
    }
}

/// What the verdict reads of the streamed path once it has ended (`SegmentStream.finish`).
struct PathSummary: Sendable {
    let monotonicityBreak: MonotonicityBreak?
    let downward: DownwardSummary
    /// z↓'s piece at each `--at` time.
    let holding: [DownwardVariationPiece]
    /// Whether every lasso solution along the path is unique.
    let isUnique: Bool
    /// z↓'s pieces, in their file (`compare --json`) or as the report's rows (`compare`).
    let pieces: SpilledArray?
    let rows: DownwardRows?
    /// For the report: the last knot, if no segment below it is reached, and the knots at κ ≤ λwd.
    let lastKnot: KnotRow?
    let atInfinity: KnotsAtInfinity
}
