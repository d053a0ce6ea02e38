import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import ProblemDefinition
@testable import CounterexampleSearch
import Testing

@Suite("search-merge and deduplication")
struct MergeTests {
    /// Runs the shards K/N into one directory each and merges their summaries.
    func merged(_ options: CounterexampleSearch.Options, shards n: Int, maximumFindings: Int? = nil) throws -> CounterexampleSearch.Outcome {
        var summaries: [SearchSummary] = []
        for k in 1...n {
            var o = options
            o.shard = Shard(index: k, count: n)
            let dir = try temporaryDirectory()
            try SearchOutput.write(try CounterexampleSearch.run(o), to: dir) { _ in nil }
            summaries += try SearchSummary.files(in: dir).map(SearchSummary.init(contentsOf:))
        }
        return try SearchMerge.merge(summaries, maximumFindings: maximumFindings)
    }

    func same(_ a: CounterexampleSearch.Outcome, _ b: CounterexampleSearch.Outcome) -> Bool {
        a.tried == b.tried && a.found == b.found && a.errors == b.errors
            && a.findings.map(\.instance) == b.findings.map(\.instance)
            && a.findings.map(\.duplicates) == b.findings.map(\.duplicates)
            && a.findings.map(\.maximumGap) == b.findings.map(\.maximumGap)
            && a.options.maximumFindings == b.options.maximumFindings
    }

    /// Integers in −2…2 repeat problems often, so findings have duplicates; any number of shards
    /// merges to the unsharded outcome, with and without a stop.
    @Test(arguments: [nil, 3, 9] as [Int?])
    func shardsMergeToTheWholeRun(limit: Int?) throws {
        let options = CounterexampleSearch.Options(
            property: .nonMonotone, distribution: Distribution(entries: .integers(-2...2), samples: 3, features: 4),
            seed: 3, count: 120, jobs: 2, maximumFindings: limit)
        let whole = try CounterexampleSearch.run(options)
        #expect(whole.found.count == (limit ?? whole.found.count) && whole.found.count >= 3)
        if limit == nil { #expect(whole.findings.contains { !$0.duplicates.isEmpty }, "the test needs duplicates") }
        for n in [1, 2, 3, 5] {
            let m = try merged(options, shards: n)
            #expect(same(m, whole), "\(n) shards")
        }
    }

    /// A merged search may stop earlier than its shards did, not later.
    @Test func mergedMaximumFindings() throws {
        let options = CounterexampleSearch.Options(property: .nonMonotone, seed: 1, count: 12, jobs: 1, maximumFindings: 4, shrink: false)
        var fewer = options
        fewer.maximumFindings = 2
        #expect(same(try merged(options, shards: 3, maximumFindings: 2), try CounterexampleSearch.run(fewer)))
        #expect(throws: SearchError.self) { try merged(fewer, shards: 2, maximumFindings: 3) }
    }

    @Test func mergeRefusesMismatchedShards() throws {
        let a = CounterexampleSearch.Options(property: .nonMonotone, seed: 1, count: 6, shard: Shard(index: 1, count: 2), jobs: 1, shrink: false)
        var b = a
        b.seed = 2
        b.shard = Shard(index: 2, count: 2)
        func summary(_ o: CounterexampleSearch.Options) throws -> SearchSummary {
            let dir = try temporaryDirectory()
            try SearchOutput.write(try CounterexampleSearch.run(o), to: dir) { _ in nil }
            return try SearchSummary(contentsOf: dir.appendingPathComponent(SearchOutput.summaryFileName(o.shard)))
        }
        let (sa, sb) = (try summary(a), try summary(b))
        #expect(throws: SearchError.self) { try SearchMerge.merge([sa, sb]) }       // another seed
        #expect(throws: SearchError.self) { try SearchMerge.merge([sa]) }           // shard 2/2 missing
        #expect(throws: SearchError("shard 1/2 is given twice: \(sa.file.path), its directory named twice")) { try SearchMerge.merge([sa, sa]) }
    }

    /// Deduplication (which compares a finding only with kept ones of the same invariant) against
    /// its definition over all pairs: no two kept findings relate, each duplicate relates to its
    /// kept finding and to no earlier one, and every index found appears exactly once.
    @Test func deduplicationAgreesWithAllPairs() throws {
        let options = CounterexampleSearch.Options(
            property: .nonMonotone, distribution: Distribution(entries: .integers(-2...2), samples: 2, features: 3),
            seed: 3, count: 2000, jobs: 2, shrink: false)
        let outcome = try CounterexampleSearch.run(options)
        let kept = outcome.findings
        #expect(kept.count >= 5 && kept.contains { $0.duplicates.count >= 2 }, "the test needs several classes, with duplicates")
        #expect((kept.map(\.instance.index) + kept.flatMap(\.duplicates)).sorted() == outcome.found)
        for (i, a) in kept.enumerated() {
            for b in kept[(i + 1)...] { #expect(!SignedPermutation.relates(a.problem, b.problem)) }
            for index in a.duplicates {
                #expect(index > a.instance.index)
                let problem = try #require(try options.distribution.draw(seed: options.seed, index: index).problem())
                #expect(SignedPermutation.relates(a.problem, problem))
                #expect(kept.prefix(i).allSatisfy { !SignedPermutation.relates($0.problem, problem) })
            }
        }
    }

    /// M' = PᵀMP, r' = Pᵀr for a signed permutation P: the same problem; not for the positive lasso.
    @Test func signedPermutations() throws {
        let M = Matrix([[q(4), q(1), q(-1)], [q(1), q(3), q(0)], [q(-1), q(0), q(2)]])
        let r = [q(1), q(-2), q(1, 2)]
        // New coordinate i is ±(old coordinate perm[i]).
        let perm = [2, 0, 1], sign = [q(1), q(-1), q(1)]
        let M2 = Matrix((0..<3).map { i in (0..<3).map { j in sign[i] * sign[j] * M[perm[i], perm[j]] } })
        let r2 = (0..<3).map { sign[$0] * r[perm[$0]] }
        let a = try Problem(M: M, r: r), b = try Problem(M: M2, r: r2)
        #expect(SignedPermutation.relates(a, b) && SignedPermutation.relates(b, a))
        #expect(!SignedPermutation.relates(a, try Problem(M: M2, r: r2.enumerated().map { $0 == 0 ? $1 + q(1) : $1 })))
        // Nonnegative lasso: a permutation relates, a sign flip does not.
        let pa = try Problem(M: M, r: r, variant: .positive)
        let pPerm = try Problem(M: Matrix((0..<3).map { i in (0..<3).map { j in M[perm[i], perm[j]] } }), r: perm.map { r[$0] }, variant: .positive)
        #expect(SignedPermutation.relates(pa, pPerm))
        #expect(!SignedPermutation.relates(pa, try Problem(M: M2, r: r2, variant: .positive)))
    }
}
