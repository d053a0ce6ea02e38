import ExactArithmetic
import Foundation
import JSONFormat
import ProblemDefinition
import ProblemReading
@testable import SaddleToSaddle
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `limit --json` and `limit` written saddle by saddle (`DLNLimit.writeJSON`, `DLNLimit.text(problem:…)`)
/// against the in-memory limit: the same saddles in the same order, the same bytes with `--at`
/// times in every position and early stops, exact and `--float`, and nothing written when the
/// limit fails.
@Suite struct LimitStreamTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every examples/*.json, and the seeded instances of `DualNumeratorsTests` (signed and
    /// positive, with and without weight decay, dyadic data with long saddle times).
    static func instances() throws -> [(name: String, problem: Problem)] {
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        let read = try examples.map { ($0, try ProblemReader.read(ProblemSource(path: root.appendingPathComponent("examples/\($0)").path))) }
        let seeded = try DualNumeratorsTests.cases.map { ("seed \($0.seed)", try DualNumeratorsTests.problem($0)) }
        return read + seeded
    }

    /// What `write` writes to a file descriptor (a temporary file's).
    static func written(_ write: (Int32) throws -> Void) throws -> String {
        try ScratchFile.with(for: "a test") { file in
            try write(fileno(file))
            rewind(file)
            var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 1 << 16)
            while case let count = fread(&buffer, 1, buffer.count, file), count > 0 { bytes += buffer.prefix(count) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The in-memory document's bytes, as `limit --json` prints them.
    static func expected(_ limit: DLNLimit, at times: [Rational], _ exact: ExactJSON) throws -> String {
        var out = JSONOutput()
        try limit.document(at: times, exact).write(to: &out)
        out.append("\n")
        return out.string
    }

    /// Times in every position: 0, before the first saddle, at a saddle, between two saddles,
    /// after the last; those beyond `horizon` left out, the horizon itself added.
    static func times(_ saddles: [Saddle], horizon: Rational?) -> [Rational] {
        let s = saddles.map(\.s), last = s[s.count - 1], half = Rational(1, 2)
        var times = [last + 3, .zero]
        if s.count > 1 { times += [s[1] * half, s[1]] }
        if s.count > 2 { times += [s[2], (s[1] + s[2]) * half, s[2] - Rational(1, 1000)] }
        times.append(last)
        if let horizon { times = times.filter { $0 <= horizon } + [horizon] }
        return times
    }

    /// Horizons: none, between the second and third saddles (or after the second), at the second saddle.
    static func horizons(_ saddles: [Saddle]) -> [Rational?] {
        let s = saddles.map(\.s)
        guard s.count > 1 else { return [nil] }
        return [nil, s.count > 2 ? (s[1] + s[2]) * Rational(1, 2) : s[1] + 1, s[1]]
    }

    @Test func writtenDocumentIsTheInMemoryOne() throws {
        var compared = 0, evaluated = 0, nonUnique = 0
        for (name, problem) in try Self.instances() {
            let full = try DLNLimit(problem: problem)
            if !full.isUnique { nonUnique += 1 }
            for horizon in Self.horizons(full.saddles) {
                let limit = try DLNLimit(problem: problem, horizon: horizon)
                for times in [[], Self.times(full.saddles, horizon: horizon)] {
                    for exact in [ExactJSON.exactStrings, .nearestDouble] {
                        let streamed = try Self.written { try DLNLimit.writeJSON(problem: problem, horizon: horizon, at: times, exact, toFileDescriptor: $0) }
                        let expected = try Self.expected(limit, at: times, exact)
                        #expect(streamed == expected, "\(name), horizon \(String(describing: horizon)), at \(times), \(exact)")
                        compared += 1
                        evaluated += times.count
                    }
                }
            }
        }
        #expect(compared >= 15 * 12 && evaluated > 300)
        #expect(nonUnique > 0, "the examples include a non-unique limit")
    }

    /// One worker and a backlog of one (the loop waits at every saddle), and more workers than
    /// saddles pending: the same bytes, in order.
    @Test func workersAndBacklogChangeNothing() throws {
        for c in DualNumeratorsTests.cases {
            let problem = try DualNumeratorsTests.problem(c), limit = try DLNLimit(problem: problem)
            let times = Self.times(limit.saddles, horizon: nil)
            let expected = try Self.expected(limit, at: times, .exactStrings)
            for (workers, backlog) in [(1, 1), (3, 1), (4, 8)] {
                let streamed = try Self.written { fd in
                    try DLNLimit.writeJSON(problem: problem, horizon: nil, at: times, .exactStrings, toFileDescriptor: fd,
                                           workers: workers, backlog: backlog) { try DLNLimit.forEachSaddle(of: problem, $0) }
                }
                #expect(streamed == expected, "seed \(c.seed), \(workers) workers, backlog \(backlog)")
            }
        }
    }

    /// The visitor sees the in-memory limit's saddles, in order (with and without a horizon), and
    /// the text built from it is the in-memory text.
    @Test func visitorSeesTheSaddlesInOrder() throws {
        for (name, problem) in try Self.instances() {
            let full = try DLNLimit(problem: problem)
            for horizon in Self.horizons(full.saddles) {
                let limit = try DLNLimit(problem: problem, horizon: horizon)
                var visited: [Saddle] = []
                try DLNLimit.forEachSaddle(of: problem, horizon: horizon) { visited.append($0) }
                #expect(visited == limit.saddles, "\(name), horizon \(String(describing: horizon))")
                let times = Self.times(full.saddles, horizon: horizon)
                for format in [NumberFormat.readable, NumberFormat(exact: true, all: true, digits: 6)] {
                    #expect(try DLNLimit.text(problem: problem, horizon: horizon, file: name, at: times, format: format)
                            == limit.text(file: name, at: times, format: format), "\(name)")
                }
            }
        }
    }

    /// The stream's evaluations equal the in-memory limit's `piece(at:)` values at each time.
    @Test func evaluationsAreThoseOfTheInMemoryLimit() throws {
        let problem = try DualNumeratorsTests.problem(DualNumeratorsTests.cases[6])
        let limit = try DLNLimit(problem: problem)
        let times = Self.times(limit.saddles, horizon: nil)
        var passing = try PassingTimes(times, horizon: nil) { piece, s in
            [[Rational(piece.index)], piece.saddle.x, piece.dual(at: s), piece.integral(at: s), piece.averaged(at: s)]
        }
        try DLNLimit.forEachSaddle(of: problem) { passing.pass($0) }
        for (s, values) in zip(times, passing.finish()) {
            #expect(values == [[Rational(try limit.saddleIndex(at: s))], try limit.iterate(at: s), try limit.dual(at: s),
                               try limit.integral(at: s), try limit.averaged(at: s)], "s = \(s)")
        }
    }

    struct Injected: Error {}

    /// A limit that fails after some saddles (a failure injected into the saddles' source), and a
    /// time it does not define, write nothing.
    @Test func aFailedLimitWritesNothing() throws {
        let problem = try DualNumeratorsTests.problem(DualNumeratorsTests.cases[4])
        for failAt in [0, 1, 3] {
            let text = try Self.written { fd in
                #expect(throws: LimitError.self) {
                    try DLNLimit.writeJSON(problem: problem, horizon: nil, at: [.one], .exactStrings, toFileDescriptor: fd) { visit in
                        var k = 0
                        try DLNLimit.forEachSaddle(of: problem) { saddle in
                            if k == failAt { throw LimitError("injected at saddle \(k)") }
                            try visit(saddle)
                            k += 1
                        }
                    }
                }
            }
            #expect(text.isEmpty, "failing at saddle \(failAt)")
        }
        for (times, horizon) in [([Rational(-1)], nil), ([Rational(2)], Rational(1))] as [([Rational], Rational?)] {
            let text = try Self.written { fd in
                #expect(throws: LimitError.self) { try DLNLimit.writeJSON(problem: problem, horizon: horizon, at: times, toFileDescriptor: fd) }
            }
            #expect(text.isEmpty)
        }
    }
}
