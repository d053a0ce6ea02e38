import ExactArithmetic
import Foundation
import JSONFormat
import LassoHomotopy
import ParallelWork
import ProblemDefinition
import SaddleToSaddle

/// The verdict built while the limit's saddles and the path's segments come, each side in time
/// order (`compare --json`; the segments, z↓ and the monotonicity test are built from the knots
/// on a thread of their own, `SegmentStream`): a piece is cut (`PieceCutter`) as soon as both
/// sides' next starts are known; the pieces of a saddle (in runs of at most 256) are compared
/// and their gaps found and rendered on two worker threads (`OrderedPipeline`), then taken in
/// order: each nonzero gap written to `gap`, and only what the facts need kept
/// (`DivergenceBuilder`). Memory holds the saddles and segments in force and a few runs, not
/// either side whole. Results and bytes are those of `Verdict` on the same limit and path.
struct VerdictStream {
    let problem: Problem
    let horizon: Rational?
    /// The saddles and segments the pieces still to cut may read, by index.
    private var saddlesInForce: [Int: (saddle: Saddle, end: Rational?)] = [:]
    private var segmentsInForce: [Int: (formula: IntegerAffine, signs: [Int])] = [:]
    private var cutter: PieceCutter
    private var formulas: AveragedFormulas
    private var link: LinkBuilder
    private var saddleCount = 0
    private var nonUnique: [(k: Int, s: Rational)] = []
    /// `compare`'s table of knots and saddles (nil for `compare --json`).
    private var table: SideBySide?
    let times: [Rational]
    /// Pieces of one saddle not yet handed to the workers.
    private var run: [CommonPiece] = []
    private let results: Results
    private let pipeline: OrderedPipeline<Run, RunResult>

    /// A run of pieces with the saddle and segments they read (`VerdictSides`).
    private struct Run: @unchecked Sendable {
        let pieces: [CommonPiece]
        let saddle: [Int: (saddle: Saddle, end: Rational?)]
        let segments: [Int: (formula: IntegerAffine, signs: [Int])]
    }

    /// Per piece its comparison and gap, the texts of the nonzero gaps, and x̄, x and the gap at
    /// the `--at` times the run holds.
    private struct RunResult: @unchecked Sendable {
        let pieces: [(piece: CommonPiece, comparison: PieceComparison, gap: GapPiece)]
        let texts: [JSONValue]
        let evaluations: [(Int, Evaluation)]
    }

    typealias Evaluation = (averaged: [Rational], lasso: [Rational], gap: Rational)

    /// What the runs leave, taken in order on a worker (one at a time).
    private final class Results: @unchecked Sendable {
        /// The nonzero gap pieces: their JSON in a file (`compare --json`), the report's table,
        /// or only the first largest (`--summary`: `LargestGap`).
        var gap: SpilledArray?
        var gapRows: GapRows?
        var largestGap: LargestGap?
        var divergences = DivergenceBuilder()
        var evaluations: [Evaluation?]

        init(_ output: Output, times: Int) {
            switch output {
            case let .json(file, _): gap = file
            case let .text(f): gapRows = GapRows(f)
            case .summary: largestGap = LargestGap()
            }
            evaluations = Array(repeating: nil, count: times)
        }

        func take(_ r: RunResult) {
            for p in r.pieces {
                divergences.add(p.piece, p.comparison, gap: p.gap)
                gapRows?.pass(p.gap)
                largestGap?.pass(p.gap)
            }
            for text in r.texts { gap!.append(text) }
            for (i, e) in r.evaluations { evaluations[i] = e }
        }
    }

    /// Where the nonzero gap pieces go: to a file as JSON, to the `compare` report's tables
    /// (which then also has the table of knots and saddles), or nowhere but the largest.
    enum Output {
        case json(SpilledArray, ExactJSON)
        case text(NumberFormat)
        case summary
    }

    /// `gap`: the file for the nonzero gap pieces.
    init(_ problem: Problem, horizon: Rational?, at times: [Rational], gap: SpilledArray, _ exact: ExactJSON) {
        self.init(problem, horizon: horizon, at: times, .json(gap, exact))
    }

    init(_ problem: Problem, horizon: Rational?, at times: [Rational], _ output: Output) {
        self.problem = problem
        self.horizon = horizon
        self.times = times
        let d = problem.dimension, images = !problem.isPositiveDefinite, scaled = ScaledQuadratic(problem)
        cutter = PieceCutter(dimension: d, horizon: horizon)
        formulas = AveragedFormulas(dimension: d, jobs: 2)
        link = LinkBuilder(dimension: d, horizon: horizon, equalPositions: Link.equalPositions(images: images, scaled))
        let results = Results(output, times: times.count)
        self.results = results
        let calculator = GapCalculator(weightDecay: problem.weightDecay, images: images)
        var exact: ExactJSON?
        switch output {
        case let .json(_, e): exact = e
        case let .text(f): table = SideBySide(f)
        case .summary: break
        }
        // One run pending: each holds its saddle's x̄ formula (B: megabit entries at Gaussian
        // 200×200, five of them alive with three pending), and one keeps both workers busy.
        pipeline = OrderedPipeline(workers: 2, backlog: 1, transform: { [exact] run in
            Self.compare(run, problem, scaled, calculator, horizon: horizon, at: times, exact)
        }, consume: results.take)
    }

    /// The pieces of a run compared and their gaps found (`Verdict`'s `compareAndGap`), the
    /// nonzero gaps rendered with `exact` (`RecentTexts` fresh per run, as `ParallelElements` has them).
    private static func compare(_ run: Run, _ problem: Problem, _ scaled: ScaledQuadratic, _ calculator: GapCalculator,
                                horizon: Rational?, at times: [Rational], _ exact: ExactJSON?) -> RunResult {
        var products = VerdictProducts(VerdictSides(problem: problem, scaled: scaled, saddle: { run.saddle[$0]! },
                                                    segment: { run.segments[$0]! }))
        var objectives = GapCalculator.ObjectiveCache(), texts = exact.map { RecentTexts($0) }
        var pieces: [(piece: CommonPiece, comparison: PieceComparison, gap: GapPiece)] = []
        var rendered: [JSONValue] = [], evaluations: [(Int, Evaluation)] = []
        for p in run.pieces {
            let (comparison, g) = calculator.compareAndGap(p, end: p.to == horizon ? horizon : nil, after: pieces.last?.gap,
                                                           &products, &objectives)
            pieces.append((p, comparison, g))
            if texts != nil {
                // --json forms every nonzero maximum. The end value is formed too, as before values were
                // lazy: without it the whole 200×200 document peaked at 975–991 MiB (three runs; cause
                // not found), with it at 940 MiB (the code before: 932–946 MiB).
                _ = g.valueAtEnd?.exact
                if !g.maximumValue.isZero { rendered.append(g.json(&texts!)) }
            }
            // A time belongs to the last piece starting at or before it (`Verdict.averaged(at:)`).
            for (i, s) in times.enumerated() where p.from <= s && (p.to == horizon || s < p.to!) {
                let averaged = p.averagedFormula.value(at: s), lasso = p.lassoFormula.value(at: s)
                evaluations.append((i, (averaged, lasso, Verdict.gap(problem, at: s, averaged: averaged, lasso: lasso))))
            }
        }
        return RunResult(pieces: pieces, texts: rendered, evaluations: evaluations)
    }

    /// Whether a piece waits for the next saddle, or for the next segment.
    var waitsForSaddle: Bool { cutter.waitsForSaddle }
    var waitsForSegment: Bool { cutter.waitsForSegment }

    /// Runs `body` (waiting for the next saddles or segments) with the workers free to use this core.
    func idle<T>(_ body: () -> T) -> T { pipeline.idle(body) }

    /// The next saddle (from saddle 0 at s = 0).
    mutating func add(_ saddle: Saddle) {
        let k = saddleCount
        saddleCount += 1
        saddlesInForce[k - 1]?.end = saddle.s
        saddlesInForce[k] = (saddle, nil)
        cutter.addSaddle(k, at: saddle.s, formulas.next(s: saddle.s, x: saddle.x))
        link.addSaddle(s: saddle.s, x: saddle.x)
        table?.pass(saddle: saddle)
        if !saddle.isUnique { nonUnique.append((k, saddle.s)) }
        cutPieces()
    }

    /// The path's next reached segment (from the first).
    mutating func add(_ segment: StreamedSegment) {
        segmentsInForce[segment.index] = (segment.formula, segment.signs)
        cutter.addSegment(segment.index, at: segment.start, segment.formula)
        link.addSegment(segment.index, at: segment.start, slope: segment.formula.constant)
        table?.pass(knot: segment.knot)
        cutPieces()
    }

    mutating func endSaddles() {
        table?.endSaddles()
        cutter.endSaddles()
        cutPieces()
    }

    /// The path has ended.
    mutating func endSegments() {
        cutter.endSegments()
        cutPieces()
    }

    /// Cuts the pieces now known into runs: one saddle's pieces, at most 256 (Mairal–Yu's last
    /// saddles span most of its 265,721 pieces).
    private mutating func cutPieces() {
        while let p = cutter.next() {
            if let first = run.first, first.saddle != p.saddle || run.count == 256 { submitRun() }
            run.append(p)
        }
    }

    private mutating func submitRun() {
        guard let first = run.first else { return }
        let segments = Set(run.compactMap(\.segment))
        pipeline.submit(Run(pieces: run, saddle: [first.saddle: saddlesInForce[first.saddle]!],
                            segments: segmentsInForce.filter { segments.contains($0.key) }))
        // Later pieces read no earlier saddle or segment.
        let last = run[run.count - 1]
        saddlesInForce = saddlesInForce.filter { $0.key >= last.saddle }
        if let j = last.segment { segmentsInForce = segmentsInForce.filter { $0.key >= j } }
        run = []
    }

    /// Once both sides have ended: waits for the runs, and writes the gap pieces still buffered
    /// (throws if a write to their file failed).
    mutating func finish() throws {
        submitRun()
        pipeline.finish()
        try results.gap?.finish()
    }

    /// Stops the workers (a side failed).
    func cancel() { pipeline.cancel() }

    /// The nonzero gap pieces (after `finish`), for `compare --json`.
    var gap: SpilledArray { results.gap! }

    /// The first largest gap (after `finish`), for `compare --json --summary`.
    var largestGap: LargestGap { results.largestGap! }

    /// The `compare` report (after `finish`, with the path's summary) for `file`, with the
    /// statements of `facts`.
    mutating func report(file: String, _ path: PathSummary, _ facts: VerdictFacts, _ f: NumberFormat) -> String {
        if let knot = path.lastKnot { table!.pass(knot: knot) }
        table!.endKnots()
        let evaluations = times.indices.map { i in
            let (_, _, gap) = results.evaluations[i]!, s = times[i]
            return CompareReport.evaluationText(at: s, gap: gap, eta: eta(path, i), f)
        }
        return CompareReport.text(file: file, problem, f, sideBySide: table!.render(path.atInfinity, f), statements: facts.statements(format: f),
                                  gaps: results.gapRows!, downward: path.rows!, evaluations: evaluations)
    }

    private func eta(_ path: PathSummary, _ i: Int) -> Eta {
        Eta(s: times[i], zDown: path.holding[i].value(at: times[i]), weightDecay: problem.weightDecay)
    }

    /// The facts (after `finish`), with what they read of the path.
    func facts(_ path: PathSummary) -> VerdictFacts {
        let divergences = results.divergences
        return VerdictFacts(
            problem: problem, horizon: horizon, monotonicityBreak: path.monotonicityBreak, comparesImages: !problem.isPositiveDefinite,
            divergence: divergences.intervals, divergenceMaxima: divergences.maxima, apartAtHorizon: divergences.apartAt(horizon: horizon),
            link: link.finish(),
            downward: path.downward, nonUniqueSaddles: nonUnique, pathUnique: path.isUnique)
    }

    /// The `--at` evaluations (after `finish`), with z↓ from the path.
    func evaluationsJSON(_ path: PathSummary, _ exact: ExactJSON) -> [JSONValue] {
        times.indices.map { i in
            let (averaged, lasso, gap) = results.evaluations[i]!, s = times[i]
            return Verdict.evaluationJSON(s: s, averaged: averaged, lasso: lasso, gap: gap, eta: eta(path, i), exact)
        }
    }
}
