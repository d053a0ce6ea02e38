import CertificateChecker
import CounterexampleSearch
import JSONFormat
import ExactArithmetic
import Foundation
import Testing

@Suite("dlnpath search")
struct SearchTests {
    static let options = CounterexampleSearch.Options(property: .nonMonotone, seed: 1, count: 12, jobs: 2, maximumFindings: 2)

    /// Seed 1 on the paper's distribution: these instances are non-monotone (found by the
    /// search; a change of generator, rounding or test would move them). With
    /// `maximumFindings: 2` the search stops at the second find, instance 2.
    @Test func fixedSeedFindsKnownInstances() throws {
        var all = Self.options
        all.maximumFindings = nil
        let every = try CounterexampleSearch.run(all)
        #expect(every.tried == 12)
        #expect(every.found == [0, 2, 4, 7, 8, 10, 11])
        // Every instance found is a finding or a duplicate of one (up to a signed permutation).
        #expect((every.findings.map(\.instance.index) + every.findings.flatMap(\.duplicates)).sorted() == every.found)
        let outcome = try CounterexampleSearch.run(Self.options)
        #expect(outcome.tried == 3)
        #expect(outcome.found == [0, 2])
        #expect(outcome.errors.isEmpty)
        #expect(outcome.findings.map(\.instance.index) == [0, 2])
        // Instance 2 shrinks to a 2×2 witness with short entries.
        let two = outcome.findings[1]
        #expect(two.instance.X == [[q(1), q(-3, 5)], [q(-1), q(2, 5)]])
        #expect(two.instance.y == [q(-1), q(0)])
        #expect(two.size == "2×2" && two.original.samples == 3 && two.original.features == 4)
        #expect(!two.monotone && !two.equivalent)
        #expect(two.divergence.first?.from == q(10) && two.divergence.first?.to == q(38))
    }

    /// The draw is a pure function of (seed, index); its first entries are pinned here.
    @Test func drawsArePinned() throws {
        let a = Distribution.paper.draw(seed: 1, index: 2)
        let b = Distribution.paper.draw(seed: 1, index: 2)
        #expect(a == b)
        #expect(a.X.count == 3 && a.X.allSatisfy { $0.count == 4 } && a.y.count == 3)
        // Every entry has at most 6 significant digits.
        for v in a.X.joined() + a.y {
            let scaled = v * Rational(10).power(12)
            #expect(scaled.isInteger, "\(v)")
        }
        #expect(Distribution.paper.draw(seed: 2, index: 2) != a)
        #expect(Distribution.paper.draw(seed: 1, index: 3) != a)
        let integers = Distribution(entries: .integers(-2...2), samples: 2, features: 3).draw(seed: 7, index: 0)
        #expect((integers.X.joined() + integers.y).allSatisfy { $0.isInteger && $0.magnitude <= q(2) })
    }

    @Test func shrinkingIsDeterministicAndKeepsTheProperty() throws {
        let original = Distribution.paper.draw(seed: 1, index: 0)
        let shrinker = Shrinker { CounterexampleSearch.test(.nonMonotone, $0).holds }
        let first = shrinker.shrink(original), second = shrinker.shrink(original)
        #expect(first.instance == second.instance && first.steps == second.steps)
        #expect(first.steps > 0)
        #expect(CounterexampleSearch.test(.nonMonotone, first.instance).holds)
        // One thread or two: the same findings.
        var sequential = Self.options
        sequential.jobs = 1
        let a = try CounterexampleSearch.run(sequential), b = try CounterexampleSearch.run(Self.options)
        #expect(a.found == b.found && a.findings.map(\.instance) == b.findings.map(\.instance))
    }

    /// The written certificates pass the independent checker, with --input, and say what the
    /// property says (monotone: false).
    @Test func findingsAreCertified() throws {
        let outcome = try CounterexampleSearch.run(Self.options)
        let dir = try temporaryDirectory()
        var rejected: [String] = []
        try SearchOutput.write(outcome, to: dir) { text in
            let report = CertificateChecker.check(certificateText: text)
            if !report.isValid { rejected.append(report.problem ?? "") }
            return report.isValid ? nil : report.problem
        }
        #expect(rejected.isEmpty)
        for finding in outcome.findings {
            let certificate = try String(contentsOf: dir.appendingPathComponent(SearchOutput.certificateFileName(finding.instance.index)), encoding: .utf8)
            let instance = try Data(contentsOf: dir.appendingPathComponent(SearchOutput.instanceFileName(finding.instance.index)))
            let evidence = InputEvidence(bytes: [UInt8](instance), variant: .signed, weightDecay: .zero,
                                         M: finding.problem.M.rowArrays, r: finding.problem.r)
            let report = CertificateChecker.check(certificateText: certificate, input: evidence)
            #expect(report.isValid, "\(report.problem ?? "")")
            let json = try JSONValue.parse(certificate)
            #expect(json["verdict"]?["monotone"] == .bool(false))
        }
        let summary = try JSONValue.read(contentsOf: dir.appendingPathComponent("summary.json"))
        #expect(summary["found"] == .number("2") && summary["tried"] == .number("3") && summary["maxFound"] == .number("2"))
        #expect(summary["findings"]?[1]?["size"] == .string("2×2"))
    }

    /// Shards partition the instances, and their findings are the unsharded run's.
    @Test func shardsPartitionTheSeeds() throws {
        var options = Self.options
        options.maximumFindings = nil
        options.shrink = false
        let whole = try CounterexampleSearch.run(options)
        var found: [Int] = [], tried = 0
        for k in 1...3 {
            var o = options
            o.shard = Shard(index: k, count: 3)
            let part = try CounterexampleSearch.run(o)
            #expect(part.found.allSatisfy { $0 % 3 == k - 1 })
            found += part.found
            tried += part.tried
        }
        #expect(found.sorted() == whole.found)
        #expect(tried == whole.tried)
        for n in 1...5 {
            let parts = (1...n).map { Shard(index: $0, count: n).indices(below: 23) }
            #expect(parts.joined().sorted() == Array(0..<23))
        }
        #expect(SearchOutput.summaryFileName(Shard(index: 2, count: 8)) == "summary-2-of-8.json")
        #expect(throws: SearchError.self) { try Shard(parsing: "0/3") }
        #expect(try Shard(parsing: "3/3") == Shard(index: 3, count: 3))
    }
}
