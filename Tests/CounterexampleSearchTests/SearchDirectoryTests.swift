import Foundation
@testable import CounterexampleSearch
import Testing

/// The output directory across reruns, shards sharing it, and runs cut short.
@Suite("search: the output directory")
struct SearchDirectoryTests {
    let options = CounterexampleSearch.Options(
        property: .nonMonotone, distribution: Distribution(entries: .integers(-2...2), samples: 3, features: 4),
        seed: 3, count: 60, jobs: 2, shrink: false)

    func write(_ o: CounterexampleSearch.Options, to dir: URL, force: Bool = false) throws {
        try SearchDirectory.prepare(dir, for: o, force: force)
        try SearchOutput.write(try CounterexampleSearch.run(o), to: dir) { _ in nil }
    }

    /// Shard k of 2 of `options`.
    func shard(_ k: Int) -> CounterexampleSearch.Options {
        var o = options
        o.shard = Shard(index: k, count: 2)
        return o
    }

    func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// A rerun with a smaller --max-found leaves exactly what a fresh run writes: the findings it
    /// no longer keeps are removed, the other shard's files are left alone.
    @Test func aRerunLeavesNoEarlierFindings() throws {
        let (shard1, shard2) = (shard(1), shard(2))
        let shared = try temporaryDirectory()
        try write(shard1, to: shared)
        try write(shard2, to: shared)
        let before = try listing(shared)
        var fewer = shard1
        fewer.maximumFindings = 1
        try write(fewer, to: shared)
        let fresh = try temporaryDirectory()
        try write(fewer, to: fresh)
        try write(shard2, to: fresh)
        #expect(before.count > (try listing(fresh)).count + 2, "the test needs findings to drop")
        #expect(try listing(shared) == (try listing(fresh)))
        let summary = try SearchSummary(contentsOf: shared.appendingPathComponent("summary-1-of-2.json"))
        #expect(summary.findings.count == 1 && summary.maximumFindings == 1)
    }

    /// A summary cut short under this shard's own name is this shard's: a rerun replaces it. Under
    /// another shard's name it is named, with the remedy; --force clears it.
    @Test func aSummaryCutShort() throws {
        let (shard1, shard2) = (shard(1), shard(2))
        let dir = try temporaryDirectory()
        try write(shard2, to: dir)
        let file = dir.appendingPathComponent("summary-2-of-2.json")
        try Data("{\"property\": \"non-mono".utf8).write(to: file)
        #expect(throws: SearchError("\(dir.path) holds summary-2-of-2.json, which cannot be read (cut short?); rerun that shard into it, write to another directory, or give --force to replace it")) {
            try SearchDirectory.prepare(dir, for: shard1, force: false)
        }
        try write(shard2, to: dir)
        #expect(try SearchSummary(contentsOf: file).shard == shard2.shard)
        try Data().write(to: file)
        try SearchDirectory.prepare(dir, for: shard1, force: true)
        #expect(try listing(dir).isEmpty)
    }

    /// Shards started together with --force each clear another run's output: removing a file
    /// another shard has already removed is not an error.
    @Test func removingWhatIsGone() throws {
        let dir = try temporaryDirectory()
        try Data("{}".utf8).write(to: dir.appendingPathComponent("instance-00000008.json"))
        try SearchDirectory.remove(["instance-00000007.json", "instance-00000008.json"], in: dir)
        #expect(try listing(dir).isEmpty)
    }
}
