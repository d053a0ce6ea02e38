import Foundation
@testable import CounterexampleSearch
import Testing

/// `search-merge` on the shards of `search --frequencies`: the unsharded run's tally, table and
/// file, byte for byte.
@Suite("frequencies: merging shards")
struct FrequencyMergeTests {
    let distribution = Distribution(entries: .integers(-2...2), samples: 3, features: 4)

    /// Shard k of n written to a directory of its own; the directories.
    func shardDirectories(_ n: Int, count: Int = 40, seed: UInt64 = 3) throws -> [URL] {
        try (1...n).map { k in
            let dir = try temporaryDirectory()
            try FrequencyTally(distribution: distribution, seed: seed, count: count, shard: Shard(index: k, count: n), jobs: 2).write(to: dir)
            return dir
        }
    }

    @Test(arguments: [1, 2, 3, 7])
    func shardsMergeToTheWholeTally(shards n: Int) throws {
        let whole = FrequencyTally(distribution: distribution, seed: 3, count: 40, jobs: 2)
        #expect(whole.rows[1].interval.successes > 0 && whole.rows[3].interval.successes > 0, "the test needs both outcomes")
        let out = try temporaryDirectory()
        let printed = try #require(try FrequencyTally.mergeFiles(in: try shardDirectories(n), writingTo: out, force: false))
        #expect(printed == whole.table + "\n(merged \(n) shard\(n == 1 ? "" : "s"); wrote frequencies.json to \(out.path))")
        let written = try String(contentsOf: out.appendingPathComponent("frequencies.json"), encoding: .utf8)
        #expect(written == whole.json.serialized(pretty: true) + "\n")
        // Counts summed: each row's trials are the 40 instances analysed.
        let merged = try FrequencyTally(contentsOf: out.appendingPathComponent("frequencies.json"))
        #expect(merged.rows.map(\.interval) == whole.rows.map(\.interval) && merged.instances == 40 && merged.unanalysed == 0)
    }

    /// More shards than instances: a shard with none writes `"frequency": null` (0 of 0 is no
    /// proportion, not 0%) and is read back; the merge is still the whole tally.
    @Test func aShardWithoutInstancesHasNoFrequency() throws {
        let dirs = try shardDirectories(4, count: 2)
        let file = dirs[3].appendingPathComponent("frequencies-4-of-4.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"trials\": 0,\n      \"frequency\": null,") && !text.contains("\"frequency\": 0"))
        #expect(try FrequencyTally(contentsOf: file).rows.allSatisfy { $0.interval.trials == 0 })
        let out = try temporaryDirectory()
        _ = try FrequencyTally.mergeFiles(in: dirs, writingTo: out, force: false)
        let whole = FrequencyTally(distribution: distribution, seed: 3, count: 2, jobs: 2)
        #expect(try String(contentsOf: out.appendingPathComponent("frequencies.json"), encoding: .utf8)
                == whole.json.serialized(pretty: true) + "\n")
    }

    @Test func wrongShardSetsAreRefused() throws {
        let dirs = try shardDirectories(3)
        #expect(throws: SearchError("shard 3/3 missing: run them (dlnpath search --shard K/3) or give their directories")) {
            try FrequencyTally.mergeFiles(in: Array(dirs.prefix(2)), writingTo: nil, force: false)
        }
        let other = try shardDirectories(3, seed: 4)
        let error = #expect(throws: SearchError.self) { try FrequencyTally.mergeFiles(in: [dirs[0], dirs[1], other[2]], writingTo: nil, force: false) }
        #expect(error?.message.contains("tallies another run (integers:-2:2, n = 3, d = 4, signed, seed 4, 40 instances)") == true)
        #expect(throws: SearchError("these are frequencies (search --frequencies), which tally every instance: drop --max-found")) {
            try FrequencyTally.mergeFiles(in: dirs, writingTo: nil, force: false, maximumFindings: 3)
        }
        // A directory without tallies (here: empty; or with search summaries) is left to the search merge.
        #expect(try FrequencyTally.mergeFiles(in: [try temporaryDirectory()], writingTo: nil, force: false) == nil)
    }

    @Test func aDamagedFileIsNamed() throws {
        let dir = try shardDirectories(1)[0]
        let file = dir.appendingPathComponent("frequencies.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        for (from, to) in [("\"trials\": 40", "\"trials\": 41"), ("\"count\": 40", "\"count\": -1"), ("\"shard\": \"1/1\"", "\"shard\": \"2/1\"")] {
            #expect(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
            #expect(throws: SearchError("\(file.path): not a frequencies file of `dlnpath search --frequencies`")) {
                try FrequencyTally(contentsOf: file)
            }
        }
    }
}
