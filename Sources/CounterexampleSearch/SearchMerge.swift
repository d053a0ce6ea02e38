import DataFormats
import JSONFormat
import ExactArithmetic
import Foundation
import ParallelWork
import ProblemDefinition

/// `dlnpath search-merge DIR…`: the shards of one run merged into the outcome the unsharded run
/// has — exactly, files and all (`SearchOutput.write` on the result writes the same bytes).
///
/// Tallies are summed (one Wilson interval); findings are pooled and deduplicated up to a signed
/// permutation of coordinates (`Finding.deduplicated`); with `--max-found M` the merged search
/// stops at the M-th instance found overall, which every shard has tried (a shard stops only at
/// its own M-th find, at or after the overall M-th). Findings are rebuilt from the shrunk
/// instance files (the original is redrawn from the seed), so their verdicts are recomputed, not
/// trusted.
public enum SearchMerge {
    /// Merges the summaries (all shards K/N of one run, each once). `maximumFindings` defaults to
    /// the shards' own `--max-found` (the smallest, if they differ); it may not exceed that of a
    /// shard that stopped early.
    public static func merge(_ summaries: [SearchSummary], maximumFindings requested: Int? = nil, jobs: Int = 1) throws -> CounterexampleSearch.Outcome {
        guard let first = summaries.first else { throw SearchError("no summary.json or summary-K-of-N.json found: give the directories that `dlnpath search --output` wrote") }
        for s in summaries where s.run != first.run {
            throw SearchError("\(s.file.path) is another search (\(s.run)) than \(first.file.path) (\(first.run)); merge the shards of one run")
        }
        try checkShards(summaries.map { ($0.shard, $0.file) })
        for s in summaries {
            let listed = s.findings.flatMap { [$0.index] + $0.duplicates }.sorted()
            guard listed == s.found.sorted() else {
                throw SearchError("\(s.file.path): its findings and their duplicates name \(listed.count) instances, but it found \(s.found.count): not the file search wrote; rerun shard \(s.shard)")
            }
        }
        let run = first.run
        let limits = summaries.compactMap(\.maximumFindings)
        let limit = requested ?? limits.min()
        for s in summaries {
            let stopped = s.tried < s.shard.indices(below: run.count).count
            if stopped, let m = s.maximumFindings, limit.map({ $0 > m }) ?? true {
                throw SearchError("shard \(s.shard) (\(s.file.path)) stopped at its \(m)th find, so the merged search can stop at most there: give --max-found \(m) or less, or rerun the shards with a larger --max-found")
            }
        }
        var found = summaries.flatMap(\.found).sorted()
        // Where the unsharded search stops: at its M-th find; every index up to there was tried.
        var stop = run.count - 1
        if let limit, found.count >= limit {
            found = Array(found.prefix(limit))
            stop = found.last ?? -1
        }
        let last = stop
        let tried = last + 1
        let errors = summaries.flatMap(\.errors).filter { $0.index <= last }.sorted { $0.index < $1.index }
        let options = CounterexampleSearch.Options(
            property: try SearchProperty(parsing: run.property), distribution: run.distribution, seed: run.seed,
            count: run.count, shard: .whole, jobs: jobs, maximumFindings: limit, shrink: run.shrink)
        let entries = summaries.flatMap(\.findings).filter { $0.index <= last }
        let rebuilt = try parallelMap(entries, jobs: jobs, chunk: 1) { entry -> Result<Finding, Error> in
            Result {
                let shrunk = try readInstance(entry.instance, index: entry.index, variant: options.distribution.variant)
                var finding: Finding
                do {
                    finding = try Finding(original: options.distribution.draw(seed: options.seed, index: entry.index),
                                          shrunk: shrunk, steps: entry.shrinkSteps, keeping: options.property)
                } catch let error as SearchError { throw SearchError("\(entry.instance.path): \(error)") }
                finding.duplicates = entry.duplicates.filter { $0 <= last }
                return finding
            }
        }.map { try $0.get() }
        return CounterexampleSearch.Outcome(options: options, tried: tried, found: found,
                                            findings: Finding.deduplicated(rebuilt), errors: errors)
    }

    /// The shards of one run, each once and none missing (all K/N for one N), or a `SearchError`
    /// that says which file is wrong and what to run.
    static func checkShards(_ shards: [(shard: Shard, file: URL)]) throws {
        guard let first = shards.first else { return }
        let n = first.shard.count
        var byShard: [Int: URL] = [:]
        for s in shards {
            guard s.shard.count == n else {
                throw SearchError("\(s.file.path) is shard \(s.shard) but \(first.file.path) is shard \(first.shard): the shards of one run share N")
            }
            if let other = byShard[s.shard.index] {
                let places = other.standardizedFileURL == s.file.standardizedFileURL ? "\(s.file.path), its directory named twice" : "\(other.path) and \(s.file.path)"
                throw SearchError("shard \(s.shard) is given twice: \(places)")
            }
            byShard[s.shard.index] = s.file
        }
        let missing = (1...n).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            throw SearchError("shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) missing: run them (dlnpath search --shard K/\(n)) or give their directories")
        }
    }

    /// The merged output may not go where a shard is: its summary.json would join the shards'
    /// summaries there, and a later merge would meet both.
    public static func checkOutput(_ output: URL, shards directories: [URL]) throws {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        if let shard = directories.first(where: { $0.standardizedFileURL.resolvingSymlinksInPath().path == target }) {
            throw SearchError("--output \(output.path) is \(shard.path), a directory being merged: write the merged files to another directory")
        }
    }

    /// Every summary in the directories (each may hold several shards).
    public static func summaries(in directories: [URL]) throws -> [SearchSummary] {
        try directories.flatMap { directory -> [SearchSummary] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SearchError("\(directory.path) is not a directory; give the directories that `dlnpath search --output` wrote")
            }
            let files = try SearchSummary.files(in: directory)
            guard !files.isEmpty else { throw SearchError("\(directory.path) holds no summary.json or summary-K-of-N.json") }
            return try files.map(SearchSummary.init(contentsOf:))
        }
    }

    /// A shrunk instance as `SearchOutput.instanceJSON` wrote it: X, y, exact.
    static func readInstance(_ url: URL, index: Int, variant: Variant) throws -> SearchInstance {
        let root: JSONValue
        do { root = try JSONValue.read(contentsOf: url) } catch { throw SearchError(reading: url, error) }
        func number(_ v: JSONValue) throws -> Rational {
            guard let text = v.numberText ?? v.asString, let q = try? Rational(parsing: text) else {
                throw SearchError("\(url.path): an entry of X or y is not a number")
            }
            return q
        }
        guard let rows = root["X"]?.asArray, let y = root["y"]?.asArray,
              let X = try? rows.map({ row -> [Rational] in
                  guard let items = row.asArray else { throw SearchError("") }
                  return try items.map(number)
              }) else {
            throw SearchError("\(url.path): not an instance file of dlnpath search (needs \"X\" and \"y\")")
        }
        let instance = SearchInstance(index: index, X: X, y: try y.map(number), variant: variant)
        guard instance.samples == instance.y.count, X.allSatisfy({ $0.count == instance.features }), instance.features > 0 else {
            throw SearchError("\(url.path): X and y do not fit together")
        }
        return instance
    }
}
