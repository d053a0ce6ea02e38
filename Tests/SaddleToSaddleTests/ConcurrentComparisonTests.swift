import ExactArithmetic
import Foundation
import ExactLinearAlgebra
import JSONFormat
import LassoHomotopy
import ParallelWork
import ProblemDefinition
import SaddleToSaddle
import Testing
@testable import LimitVerdict

/// `ExactComparison` computes the limit and the lasso path on two threads and `compare --json`
/// renders long arrays on two threads: the results must be those of the plain sequential
/// computation, in the same order, with the same errors.
@Suite struct ConcurrentComparisonTests {
    /// Rendered on two threads in chunks, the array's text is the one written element by element,
    /// at every depth; a long array goes in chunks of ~1/1,024 of it by default.
    @Test func parallelElementsKeepTheOrderAndTheText() throws {
        @Sendable func element(_ k: Int) -> JSONValue {
            .object(JSONObject([("k", .integer(k)), ("text", .string("element \(k)")), ("list", .array([.integer(k), .array([.null])]))]))
        }
        func text(_ document: JSONDocument) throws -> String {
            var out = JSONOutput()
            try document.write(to: &out)
            return out.string
        }
        for count in [0, 1, 2, 3, 5, 8, 21, 1023, 1024, 2049, 5000] {
            for chunk in [nil, 1, 2, 5] as [Int?] {
                let rendered = JSONDocument.rendered(count: count) { indent in
                    AnySequence(ParallelElements(count: count, chunk: chunk, indent: indent, initial: { () }) { k, _ in element(k) })
                }
                let plain = JSONDocument.elements(count: count, element: element)
                let nested: (JSONDocument) -> JSONDocument = { .object([("a", .object([("b", $0)])), ("c", $0)]) }
                #expect(try text(nested(rendered)) == text(nested(plain)), "count \(count), chunk \(String(describing: chunk))")
                #expect(try rendered.value() == plain.value())
            }
        }
    }

    /// Each thread renders runs of consecutive elements with one state, fresh per run: elements
    /// that convert recurring values through `RecentTexts` have the text of converting each
    /// value alone, and a run's state goes from one element to the next (run lengths of 1 and 8).
    @Test func parallelElementsCarryTheirStateAlongARun() throws {
        let values = (0..<40).map { k in Rational(k * k % 7 - 3, 5 + k % 3) }
        @Sendable func plain(_ k: Int) -> JSONValue {
            .object(JSONObject([("a", ExactJSON.exactStrings(values[k])), ("b", ExactJSON.exactStrings(values[(k + 1) % 40]))]))
        }
        let runs = Counter()
        for chunk in [1, 8] {
            let rendered = JSONDocument.rendered(count: 40) { indent in
                AnySequence(ParallelElements(count: 40, chunk: chunk, indent: indent, initial: { () -> (RecentTexts, Int?) in
                    runs.add()
                    return (RecentTexts(.exactStrings), nil)
                }) { k, state in
                    // Consecutive in a run: the element before left its index.
                    #expect(state.1 == nil || state.1 == k - 1)
                    state.1 = k
                    return .object(JSONObject([("a", state.0.text(values[k])), ("b", state.0.text(values[(k + 1) % 40]))]))
                })
            }
            var a = JSONOutput(), b = JSONOutput()
            try rendered.write(to: &a)
            try JSONDocument.elements(count: 40, element: plain).write(to: &b)
            #expect(a.string == b.string, "chunk \(chunk)")
        }
        #expect(runs.value == 40 + 6) // 40 runs of one; then halves of 8, 8, 8, 8, 4, 4
    }

    /// The segment formulas built on two threads are the sequential ones.
    @Test(arguments: [UInt64(4), 9])
    func pathInTimeOnTwoThreadsIsTheSequentialOne(_ seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, n: 9, d: 14, variant: .signed, weightDecay: Rational(1, 7), range: -9...9)
        let path = try LassoPath(problem: problem)
        let one = LassoPathInTime(path), two = LassoPathInTime(path, jobs: 2)
        #expect(one.reachedSegments == two.reachedSegments && one.reachedSegments.count >= 4, "\(one.reachedSegments)")
        for j in one.reachedSegments { #expect(one.inverseAffine(j) == two.inverseAffine(j), "segment \(j)") }
    }

    /// `compare --json` builds the segment formulas, z↓ and the monotonicity test from the knots
    /// as the path streams, dropping z↓'s pieces once final: they are the whole path's (weight
    /// decay, whose last segments are not reached; a stop at S). The formulas are read off the
    /// integer engine's segments (`SegmentNumerators`) where the stream hands them over, and
    /// interpolated elsewhere: with all, none, or every other one given.
    @Test(arguments: [UInt64(3), 6])
    func streamedSegmentsAreTheWholePaths(_ seed: UInt64) throws {
        let cases: [(Problem, Rational?)] = [
            (try MairalYu.instance(p: 4), nil),
            (try randomProblem(seed: seed, n: 9, d: 12, variant: .signed, weightDecay: Rational(1, 3), range: -9...9), nil),
            (try randomProblem(seed: seed, n: 9, d: 12, variant: .signed, range: -9...9), q("1/2")),
            (try randomProblem(seed: seed, n: 14, d: 8, variant: .signed, weightDecay: Rational(1, 7), range: -9...9), nil),
        ]
        for (n, (problem, horizon)) in cases.enumerated() {
            let kappaMin = horizon.map { problem.weightDecay + $0.reciprocal }
            let path = try LassoPath(problem: problem, kappaMin: kappaMin)
            let kappa = path.knots.map(\.kappa), x = path.knots.map(\.x)
            let whole = LassoPathInTime(path)
            let downward = DownwardVariation(whole, horizon: horizon)
            // Case 3 (M positive definite) is monotone: its z↓ is 0.
            #expect(whole.reachedSegments.count >= 4 && (n == 3 || !downward.isZero), "case \(n): z↓ has pieces to hand over")
            let given = try Self.streamedNumerators(problem, kappaMin: kappaMin, knots: kappa)
            if n > 0 { #expect(given.filter { $0 != nil }.count >= 3, "case \(n): formulas handed over (\(given.filter { $0 != nil }.count))") }
            let none = [SegmentNumerators?](repeating: nil, count: given.count)
            let alternate = given.indices.map { $0 % 2 == 0 ? given[$0] : nil }
            for (m, numerators) in [given, none, alternate].enumerated() {
                var built = LassoPathInTime.StreamedSegments(weightDecay: problem.weightDecay, horizon: horizon)
                var segments: [StreamedSegment] = [], pieces: [DownwardVariationPiece] = []
                for k in kappa.indices {
                    if let s = built.add(kappa: kappa[k], x: x[k], below: numerators[k]) { segments.append(s) }
                    pieces += built.takeFinalDownward()
                }
                pieces += built.finishDownward().pieces
                #expect(segments.map(\.index) == Array(whole.reachedSegments), "case \(n), numerators \(m)")
                for (j, s) in segments.enumerated() {
                    #expect(s.formula == whole.integerFormula(j) && s.start == whole.time(ofKnot: j), "case \(n), numerators \(m), segment \(j)")
                    #expect(s.signs == segmentSigns(x[j], x[j + 1]))
                }
                #expect(pieces == downward.pieces, "case \(n), numerators \(m)")
                #expect(built.monotonicityBreak == firstMonotonicityBreak(whole), "case \(n)")
            }
        }
    }

    /// The limit hands each saddle over as it is found, in order, through a channel that holds
    /// one (the limit waits while it is full); x̄'s formulas built from them one at a time on
    /// another thread (on two threads where the numbers are big) are `averagedFormulas` of the
    /// whole limit.
    @Test(arguments: [UInt64(2), 5])
    func averagedFormulasFromStreamedSaddlesAreTheWholeLimits(_ seed: UInt64) throws {
        for (n, d, weightDecay, horizon) in [(9, 14, Rational.zero, nil), (16, 10, Rational(1, 4), nil), (9, 14, .zero, q("1/2"))]
            as [(Int, Int, Rational, Rational?)] {
            let problem = try randomProblem(seed: seed, n: n, d: d, variant: .signed, weightDecay: weightDecay, range: -9...9)
            let saddles = Channel<Saddle>(capacity: 1)
            let ((), built) = try concurrently({
                defer { saddles.close() }
                try DLNLimit.forEachSaddle(of: problem, horizon: horizon) { saddles.send($0) }
            }) {
                var formulas = AveragedFormulas(dimension: d, jobs: 2, threadBits: 0), all: [IntegerAffine] = []
                while true {
                    let (batch, closed) = saddles.receive()
                    for saddle in batch { all.append(formulas.next(s: saddle.s, x: saddle.x)) }
                    if closed { return all }
                }
            }
            let limit = try DLNLimit(problem: problem, horizon: horizon)
            #expect(limit.saddles.count >= 4 && built == averagedFormulas(limit), "seed \(seed), \(n)×\(d)")
        }
    }

    /// The integer engine's formula of each segment below a knot, as the stream hands it over
    /// (the same knots as `knots`, checked).
    static func streamedNumerators(_ problem: Problem, kappaMin: Rational?, knots: [Rational]) throws -> [SegmentNumerators?] {
        var kappa: [Rational] = [], numerators: [SegmentNumerators?] = []
        try LassoPath.stream(problem: problem, factorisation: .integer, kappaMin: kappaMin) { knot, below in
            kappa.append(knot.kappa)
            numerators.append(below?.numerators)
            return true
        }
        #expect(kappa == knots)
        return numerators
    }

    /// Read off the integer engine, each reached segment's s-form equals the interpolation of its
    /// end knots (`segmentFormula(_:_:_:_:)`) and the rational definition; by hand on a 2×2 case.
    @Test(arguments: [UInt64(1), 4, 9])
    func segmentNumeratorsGiveTheKnotsFormula(_ seed: UInt64) throws {
        for (weightDecay, horizon) in [(Rational.zero, nil), (Rational(2, 5), nil), (.zero, q("1/3"))] as [(Rational, Rational?)] {
            let problem = try randomProblem(seed: seed, n: 11, d: 7, variant: .signed, weightDecay: weightDecay, range: -9...9)
            let kappaMin = horizon.map { weightDecay + $0.reciprocal }
            let path = try LassoPath(problem: problem, kappaMin: kappaMin)
            let knots = LassoPathInTime(path)
            let numerators = try Self.streamedNumerators(problem, kappaMin: kappaMin, knots: knots.kappa)
            #expect(knots.reachedSegments.count >= 3)
            for j in knots.reachedSegments {
                let f = try #require(numerators[j], "segment \(j) comes from the integer engine")
                let read = LassoPathInTime.segmentFormula(f, weightDecay: weightDecay)
                #expect(read == knots.integerFormula(j), "seed \(seed), λwd \(weightDecay), segment \(j)")
                let b = (knots.kappa[j] - knots.kappa[j + 1]).reciprocal * knots.x[j].subtracting(knots.x[j + 1])
                #expect(read.rational == InverseAffine(constant: knots.x[j].subtracting((knots.kappa[j] - weightDecay) * b), inverse: b))
            }
        }
        // x(κ) = (U − κ·L·W)/D with U = (6, 0, −4), W = (3, 0, 2), L = 2, D = 4, at κ = 1/3 + 1/s:
        // x = (U − (2/3)W)/4 − (2W/4)/s = (1, 0, −4/3) − (3/2, 0, 1)/s.
        let f = SegmentNumerators(U: [6, 0, -4], W: [3, 0, 2], scale: 2, determinant: 4)
        #expect(LassoPathInTime.segmentFormula(f, weightDecay: Rational(1, 3)).rational
            == InverseAffine(constant: [q("1"), .zero, q("-4/3")], inverse: [q("-3/2"), .zero, q("-1")]))
        #expect(LassoPathInTime.segmentFormula(f, weightDecay: .zero).rational
            == InverseAffine(constant: [q("3/2"), .zero, q("-1")], inverse: [q("-3/2"), .zero, q("-1")]))
    }

    /// The chunks of the verdict's parallel part cover the pieces in order, none empty, and
    /// start where the saddle changes unless the chunk would be half as long again.
    @Test(arguments: [UInt64(2), 7])
    func verdictChunksCoverThePieces(_ seed: UInt64) throws {
        let problem = try randomProblem(seed: seed, n: 9, d: 14, variant: .signed, range: -9...9)
        let verdict = try Verdict(problem: problem)
        for count in [1, 2, 5, 16, 1000] {
            let chunks = Verdict.chunks(verdict.pieces, count: count)
            #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == verdict.pieces.count)
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound } && chunks.allSatisfy { !$0.isEmpty })
            if count == 1 { #expect(chunks.count == 1) }
        }
    }

    /// Positive definite and singular M (d > n), both networks, weight decay, stopped or not.
    @Test(arguments: [UInt64(3), 5, 8, 13, 21])
    func concurrentComparisonIsTheSequentialOne(_ seed: UInt64) throws {
        for (n, d) in [(7, 4), (3, 6)] {
            let problem = try randomProblem(seed: seed, n: n, d: d, variant: seed % 2 == 0 ? .positive : .signed,
                                            weightDecay: seed % 3 == 0 ? Rational(1, 5) : .zero)
            for horizon in [nil, q("3/2")] {
                let together = try ExactComparison(problem, horizon: horizon)
                let limit = try DLNLimit(problem: problem, horizon: horizon)
                let path = try LassoPath(problem: problem, kappaMin: horizon.map { problem.weightDecay + $0.reciprocal })
                let verdict = try Verdict(limit: limit, path: LassoPathInTime(path))
                #expect(together.limit.saddles == limit.saddles && together.path.knots.map(\.kappa) == path.knots.map(\.kappa))
                #expect(try together.verdict.json(path: together.path, at: [q("1")]) == verdict.json(path: path, at: [q("1")]),
                        "seed \(seed), \(n)×\(d), horizon \(String(describing: horizon))")
            }
        }
    }

    /// The gap pieces split between two threads (singular M: every piece is computed) equal the
    /// sequential ones, maxima and all.
    @Test(arguments: [UInt64(2), 7, 11])
    func gapOnTwoThreadsIsTheSequentialOne(_ seed: UInt64) throws {
        for (n, d, horizon) in [(9, 14, nil), (9, 14, q("1/2")), (16, 10, nil)] as [(Int, Int, Rational?)] {
            let problem = try randomProblem(seed: seed, n: n, d: d, variant: .signed, range: -9...9)
            let limit = try DLNLimit(problem: problem, horizon: horizon)
            let path = LassoPathInTime(try LassoPath(problem: problem, kappaMin: horizon.map { $0.reciprocal }))
            let sequential = try Verdict(limit: limit, path: path)
            let parallel = try Verdict(AveragedLimit(limit), PathSide(path), parallel: true)
            if d > n && horizon == nil { #expect(sequential.pieces.count >= 8, "the split is exercised (\(sequential.pieces.count) pieces)") }
            #expect(parallel.gap == sequential.gap && parallel.divergence == sequential.divergence, "seed \(seed), \(n)×\(d)")
            #expect(parallel.apartAtHorizon == sequential.apartAtHorizon && parallel.statements == sequential.statements)
        }
    }
}

/// A count kept from several threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
