import DataFormats
import JSONFormat
import Foundation

/// The directory `dlnpath search --output DIR` (and `search-merge --output`) writes to: created
/// when missing; refused when it is a file; and when it holds the output of another run (another
/// property, seed, count or distribution), refused unless `force`, which removes that output.
/// Outputs of the same run (its shards, a rerun) share a directory freely, and shards started
/// together with `force` may each clear it.
public enum SearchDirectory {
    /// Makes `directory` ready for the files of a run with `options`. Every failure is a
    /// `SearchError` of one line.
    public static func prepare(_ directory: URL, for options: CounterexampleSearch.Options, force: Bool) throws {
        try create(directory)
        let run = SearchRun(options)
        let own = SearchOutput.summaryFileName(options.shard)
        let others = try listing(directory).filter(isSummaryName).compactMap { name -> (String, SearchRun?)? in
            let recorded = try? SearchSummary(contentsOf: directory.appendingPathComponent(name)).run
            // An unreadable summary under this shard's own name is this shard's, cut short.
            return recorded == run || (recorded == nil && name == own) ? nil : (name, recorded)
        }
        guard let (name, recorded) = others.first else { return }
        guard force else {
            let what = recorded.map { "the output of another search (\(name): \($0))" } ?? "\(name), which cannot be read (cut short?)"
            let remedy = recorded == nil ? "rerun that shard into it, write to another directory" : "write to another directory"
            throw SearchError("\(directory.path) holds \(what); \(remedy), or give --force to replace it")
        }
        try removeOutputs(in: directory)
    }

    /// The same for `dlnpath search --frequencies --output DIR`: another seed, count or
    /// distribution's frequencies are refused unless `force`.
    public static func prepare(_ directory: URL, forFrequencies tally: FrequencyTally, force: Bool) throws {
        try create(directory)
        let identity = tally.identity
        for name in try listing(directory) where name.hasPrefix("frequencies") && name.hasSuffix(".json") {
            let recorded = try? FrequencyTally(contentsOf: directory.appendingPathComponent(name)).identity
            guard recorded != identity else { continue }
            guard force else {
                throw SearchError("\(directory.path) holds the frequencies of another run (\(name)\(recorded.map { ": \($0)" } ?? "")); "
                    + "write to another directory, or give --force to replace it")
            }
            try removeOutputs(in: directory)
            return
        }
    }

    static func create(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SearchError("\(directory.path) is a file; --output takes a directory (created if missing)")
            }
            return
        }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw SearchError("cannot create the directory \(directory.path): \(fileSystemReason(directory.path, error))")
        }
    }

    static func listing(_ directory: URL) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw SearchError("cannot read the directory \(directory.path): \(fileSystemReason(directory.path, error))")
        }
    }

    static func isSummaryName(_ name: String) -> Bool { isOutputName(name, "summary") }

    static func isFrequenciesName(_ name: String) -> Bool { isOutputName(name, "frequencies") }

    /// STEM.json or STEM-K-of-N.json.
    private static func isOutputName(_ name: String, _ stem: String) -> Bool {
        name == stem + ".json" || (name.hasPrefix(stem + "-") && name.hasSuffix(".json") && name.contains("-of-"))
    }

    /// Removes what a search writes (instance-*.json, summary*.json, frequencies*.json), nothing else.
    static func removeOutputs(in directory: URL) throws {
        try remove(listing(directory).filter {
            ($0.hasPrefix("instance-") || $0.hasPrefix("summary") || $0.hasPrefix("frequencies")) && $0.hasSuffix(".json")
        }, in: directory)
    }

    /// Removes the named files; one already gone (another shard removed it) is not an error.
    static func remove(_ names: [String], in directory: URL) throws {
        for name in names {
            let path = directory.appendingPathComponent(name).path
            do { try FileManager.default.removeItem(atPath: path) } catch {
                guard FileManager.default.fileExists(atPath: path) else { continue }
                throw SearchError("cannot remove \(path): \(fileSystemReason(path, error))")
            }
        }
    }
}
