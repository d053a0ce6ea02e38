import Foundation

/// `dlnpath search-merge` on the outputs of `search --frequencies --shard K/N`: the counts of
/// every row summed, one Wilson interval — the tally, table and file of the unsharded run.
extension FrequencyTally {
    /// The shards of one tally (all K/N, each once) merged into the unsharded run's tally.
    public static func merged(_ files: [URL]) throws -> FrequencyTally {
        let tallies = try files.map(FrequencyTally.init(contentsOf:))
        guard let first = tallies.first else { throw SearchError("no frequencies.json or frequencies-K-of-N.json given") }
        for (tally, file) in zip(tallies, files) where tally.identity != first.identity || tally.rows.map(\.label) != first.rows.map(\.label) {
            throw SearchError("\(file.path) tallies another run (\(tally.identity)) than \(files[0].path) (\(first.identity)); merge the shards of one run")
        }
        try SearchMerge.checkShards(zip(tallies.map(\.shard), files).map { ($0, $1) })
        let rows = first.rows.indices.map { i in
            (label: first.rows[i].label, interval: WilsonInterval(successes: tallies.map { $0.rows[i].interval.successes }.reduce(0, +),
                                                                   trials: tallies.map { $0.rows[i].interval.trials }.reduce(0, +)))
        }
        return FrequencyTally(distribution: first.distribution, seed: first.seed, count: first.count, shard: .whole,
                              instances: tallies.map(\.instances).reduce(0, +), rows: rows)
    }

    /// What `search-merge DIR…` prints when the directories hold tallies and no search summaries
    /// (nil otherwise): the merged table, after writing frequencies.json to `output` if given.
    /// A tally counts every instance, so a `maximumFindings` is refused, as `search` refuses it.
    public static func mergeFiles(in directories: [URL], writingTo output: URL?, force: Bool, maximumFindings: Int? = nil) throws -> String? {
        let names = directories.map { (try? SearchDirectory.listing($0)) ?? [] }
        guard names.joined().contains(where: SearchDirectory.isFrequenciesName),
              !names.joined().contains(where: SearchDirectory.isSummaryName) else { return nil }
        guard maximumFindings == nil else {
            throw SearchError("these are frequencies (search --frequencies), which tally every instance: drop --max-found")
        }
        let files = try zip(directories, names).flatMap { directory, names in
            let files = names.filter(SearchDirectory.isFrequenciesName).sorted()
            guard !files.isEmpty else { throw SearchError("\(directory.path) holds no frequencies.json or frequencies-K-of-N.json") }
            return files.map { directory.appendingPathComponent($0) }
        }
        let merged = try merged(files)
        try output.map { try merged.write(to: $0, force: force) }
        let note = "merged \(files.count) shard\(files.count == 1 ? "" : "s")" + (output.map { "; wrote \(merged.fileName) to \($0.path)" } ?? "")
        return merged.table + "\n(\(note))"
    }
}
