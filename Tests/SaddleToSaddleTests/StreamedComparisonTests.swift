import ExactArithmetic
import Foundation
import JSONFormat
import LassoHomotopy
@testable import LimitVerdict
import ProblemDefinition
import SaddleToSaddle
import SeededRandom
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `compare --json` builds the verdict while the limit and the path stream, on three threads
/// (`ExactComparison.writeJSON`): the text must be byte for byte the document of the in-memory
/// comparison, with or without a stop, --at times and --float, and the facts the same.
@Suite struct StreamedComparisonTests {
    static func check(_ problem: Problem, horizon: Rational?, at times: [Rational], _ label: String) throws {
        let whole = try ExactComparison(problem, horizon: horizon)
        for exact in [ExactJSON.exactStrings, .nearestDouble] {
            let file = try #require(tmpfile())
            defer { fclose(file) }
            let facts = try ExactComparison.writeJSON(problem, horizon: horizon, at: times, exact, toFileDescriptor: fileno(file))
            rewind(file)
            let written = String(decoding: FileHandle(fileDescriptor: fileno(file)).readDataToEndOfFile(), as: UTF8.self)
            let expected = try whole.verdict.json(path: whole.path, at: times, exact).serialized(pretty: true) + "\n"
            #expect(written == expected, "\(label) \(exact)")
            #expect(facts.statements == whole.verdict.statements && facts.contradiction == whole.verdict.contradiction, "\(label)")
            for (e, m) in [(true, false), (false, true)] {
                #expect(facts.unmetExpectation(equivalent: e, monotone: m) == whole.verdict.unmetExpectation(equivalent: e, monotone: m))
            }
        }
    }

    static var problems: [(Problem, [Rational])] {
        get throws {
            var problems: [(Problem, [Rational])] = [
                (try MairalYu.instance(p: 5), [q("1"), q("100")]),
                (try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2")), [q("7/4")]),
            ]
            for seed in UInt64(1)...6 {
                problems.append((try randomProblem(seed: seed, n: 3, d: 4, variant: seed % 3 == 0 ? .positive : .signed,
                                                   weightDecay: seed % 2 == 0 ? Rational(1, 4) : .zero), [q("1/2")]))
            }
            // Singular M with many pieces, and positive definite M with divergences.
            problems.append((try randomProblem(seed: 7, n: 9, d: 14, variant: .signed, range: -9...9), [q("1/3"), q("5")]))
            problems.append((try randomProblem(seed: 8, n: 14, d: 8, variant: .signed, weightDecay: Rational(1, 7), range: -9...9), [q("2")]))
            return problems
        }
    }

    @Test func streamedDocumentIsTheInMemoryOne() throws {
        for (n, (problem, times)) in try Self.problems.enumerated() {
            try Self.check(problem, horizon: nil, at: times, "problem \(n)")
            try Self.check(problem, horizon: q("2"), at: [q("1")], "problem \(n) stopped at s = 2")
        }
    }

    /// `compare`'s report built as the limit and the path stream (`ExactComparison.text`) is
    /// the in-memory verdict's, in every format: summary, --all, --exact, --digits.
    @Test func streamedReportIsTheInMemoryOne() throws {
        let formats = [NumberFormat(exact: false, all: false, digits: 6), NumberFormat(exact: false, all: true, digits: 6),
                       NumberFormat(exact: true, all: false, digits: 6), NumberFormat(exact: false, all: false, digits: 2)]
        // The worked example with λwd above κ_max = 3 (no knot reached), at a knot (κ = 4/3, 1)
        // and between knots: the line on the knots at κ ≤ λwd in each of its forms.
        let edges = try ["4", "4/3", "1", "1/2"].map { wd in
            (try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"), weightDecay: q(wd)), [q("1/3")])
        }
        for (n, (problem, times)) in try (Self.problems + edges).enumerated() {
            for (horizon, at) in [(nil, times), (q("2"), [q("1")])] {
                let whole = try ExactComparison(problem, horizon: horizon)
                for f in formats {
                    let streamed = try ExactComparison.text(problem, horizon: horizon, at: at, file: "p.json", format: f)
                    #expect(streamed.text == (try whole.verdict.text(file: "p.json", at: at, format: f)), "problem \(n), \(String(describing: horizon)), \(f)")
                    #expect(streamed.facts.statements == whole.verdict.statements)
                }
            }
        }
        // A time where η is not defined is refused.
        #expect(throws: LimitError.self) { try ExactComparison.text(try Self.problems[0].0, at: [.zero], file: "p.json") }
    }

    /// The line on the knots at κ ≤ λwd, by hand on the worked example (knots κ = 3, 4/3, 1, 1/3,
    /// 0 with x = 0, (−1/6, 0), (0, 1/2), (0, 5/6), (1/2, 2)): at λwd = 1/2, x is 3/4 of the way
    /// from κ = 1 to κ = 1/3, so x₂ = 1/2 + (3/4)(1/3) = 3/4.
    @Test func theKnotsNeverReachedAreNamed() throws {
        let lines = [
            "1/2": "(s → ∞ is κ = λwd = 1/2, where x = (0, 3/4); knots at κ ≤ λwd (1/3, 0) are never reached)",
            "4": "(s → ∞ is κ = λwd = 4, where x = (0, 0); knots at κ ≤ λwd (3, 4/3, 1, 1/3, 0) are never reached)",
            "0": "(s → ∞ is κ = λwd = 0, the last knot: x = (1/2, 2))",
        ]
        for (wd, line) in lines {
            let problem = try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"), weightDecay: q(wd))
            let text = try ExactComparison.text(problem, file: "p.json", format: .exact).text
            #expect(text.split(separator: "\n").contains { $0 == line }, "λwd = \(wd)")
        }
    }

    /// Segments pass to the verdict's thread by size (the channel's cost), and each carries the
    /// knot where it starts for the report: its size counts that knot's x, not only the formula.
    /// By hand: the formula (1/2, 0) + (0, 0)/s is 2 + 1 bits over denominator 2 and 1 bit over
    /// denominator 1; x = (3/4, 5) is 2 + 3 and 3 + 1 bits.
    @Test func aSegmentCountsTheKnotItCarries() {
        let formula = IntegerAffine(constant: IntegerVector([q("1/2"), .zero]), inverse: .zero(2))
        let knot = KnotRow(s: q("1"), kappa: q("1"), x: [q("3/4"), q("5")], slope: formula.constant)
        let segment = StreamedSegment(index: 0, start: q("1"), formula: formula, signs: [1, 0], knot: knot)
        #expect(segment.bits == 13)
    }

    struct Injected: Error, Equatable { let side: String }

    /// A side that fails (a failure injected into its source, at its first item or later) stops
    /// the others: its own error is thrown, not the others' stop, and nothing is written, for the
    /// whole document and for `--summary`; nor for an `--at` time ≤ 0.
    @Test(arguments: [false, true])
    func aFailingSideStopsTheOthersAndWritesNothing(summary: Bool) throws {
        let problem = try randomProblem(seed: 7, n: 9, d: 14, variant: .signed, range: -9...9)
        for failAt in [0, 2, 5] {
            for side in ["limit", "path"] {
                let file = try #require(tmpfile())
                defer { fclose(file) }
                #expect(throws: Injected(side: side)) {
                    try ExactComparison.writeJSON(problem, horizon: nil, at: [], .exactStrings, summary: summary, toFileDescriptor: fileno(file),
                                                  saddles: { visit in
                        var k = 0
                        try DLNLimit.forEachSaddle(of: problem) { saddle in
                            if side == "limit" && k == failAt { throw Injected(side: side) }
                            try visit(saddle)
                            k += 1
                        }
                    }, knots: { visit in
                        var k = 0
                        _ = try LassoPath.stream(problem: problem, kappaMin: nil) { knot, below in
                            if side == "path" && k == failAt { throw Injected(side: side) }
                            k += 1
                            return try visit(knot, below)
                        }
                    })
                }
                #expect(ftell(file) == 0 && lseek(fileno(file), 0, SEEK_END) == 0, "\(side) failing at \(failAt)")
            }
        }
        // A time where η is not defined is refused before anything is computed.
        let file = try #require(tmpfile())
        defer { fclose(file) }
        #expect(throws: LimitError.self) { try ExactComparison.writeJSON(problem, at: [q("1"), .zero], summary: summary, toFileDescriptor: fileno(file)) }
        #expect(lseek(fileno(file), 0, SEEK_END) == 0)
    }

    /// The verdict built from the saddles and knots in any interleaving (the threads decide it)
    /// has the in-memory verdict's facts, gap pieces and z↓.
    @Test(arguments: [UInt64(1), 2, 3])
    func verdictStreamInAnyInterleavingIsTheVerdict(_ seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for (n, (problem, all)) in try Self.problems.enumerated() {
            for horizon in [nil, q("2")] {
                // `compare` stops at the latest time asked for (`--s-max` reaches every `--at` time).
                let times = all.filter { s in horizon.map { s <= $0 } ?? true }
                let whole = try ExactComparison(problem, horizon: horizon)
                let gapFile = try #require(tmpfile()), downFile = try #require(tmpfile())
                defer {
                    fclose(gapFile)
                    fclose(downFile)
                }
                var stream = VerdictStream(problem, horizon: horizon, at: times, gap: SpilledArray(file: gapFile, indent: 4, holding: "the gap"),
                                           .exactStrings)
                var side = SegmentStream(weightDecay: problem.weightDecay, horizon: horizon, at: times,
                                         downward: SpilledArray(file: downFile, indent: 6, holding: "z↓"), .exactStrings)
                var saddles = whole.limit.saddles[...], knots = whole.path.knots[...], summary: PathSummary?
                while !saddles.isEmpty || !knots.isEmpty {
                    if !saddles.isEmpty && (knots.isEmpty || Bool.random(using: &random)) {
                        stream.add(saddles.removeFirst())
                        if saddles.isEmpty { stream.endSaddles() }
                    } else {
                        let knot = knots.removeFirst()
                        if let segment = side.add(kappa: knot.kappa, x: knot.x, below: nil, isUnique: knot.isUnique) { stream.add(segment) }
                        if knots.isEmpty {
                            stream.endSegments()
                            summary = try side.finish()
                        }
                    }
                }
                try stream.finish()
                let path = try #require(summary), facts = stream.facts(path), verdict = whole.verdict
                let label = "seed \(seed), problem \(n), horizon \(String(describing: horizon))"
                #expect(facts.statements == verdict.statements && facts.divergence == verdict.divergence, "\(label)")
                #expect(facts.link == verdict.link && facts.apartAtHorizon == verdict.apartAtHorizon, "\(label)")
                #expect(facts.monotonicityBreak == verdict.monotonicityBreak && facts.pathUnique == verdict.path.isUnique, "\(label)")
                #expect(stream.evaluationsJSON(path, .exactStrings) == (try times.map { try verdict.evaluationJSON(at: $0) }), "\(label)")
                let gaps = verdict.gap.filter { !$0.maximum.isZero }, zPieces = verdict.downwardVariation.pieces, pieces = try #require(path.pieces)
                #expect(stream.gap.count == gaps.count && pieces.count == zPieces.count, "\(label)")
                var texts = RecentTexts(.exactStrings)
                #expect(try Self.text(stream.gap.document, indent: 2) == Self.text(.elements(count: gaps.count) { gaps[$0].json(&texts) }, indent: 2))
                #expect(try Self.text(pieces.document, indent: 4)
                    == Self.text(.elements(count: zPieces.count) { zPieces[$0].json(&texts) }, indent: 4), "\(label)")
            }
        }
    }

    static func text(_ document: JSONDocument, indent: Int) throws -> String {
        var out = JSONOutput()
        try document.write(to: &out, indent: indent)
        return out.string
    }
}
