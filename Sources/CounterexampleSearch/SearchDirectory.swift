import DataFormats
import JSONFormat
import Foundation

/// The directory `dlnpath search --output DIR` (and `search-merge --output`) writes to: created
/// when missing; refused when it is a file; and when it holds the output of another run (another
/// property, seed, count or distribution), refused unless `force`, which removes that output.
/// Outputs of the same run (its shards, a rerun) share a directory freely.
public enum SearchDirectory {
    /// Makes `directory` ready for `run`'s files. Every failure is a `SearchError` of one line.
    public static func prepare(_ directory: URL, for run: SearchRun, force: Bool) throws {
        try create(directory)
        let others = try listing(directory).filter(isSummaryName).compactMap { name -> (String, SearchRun?)? in
            let recorded = try? SearchSummary(contentsOf: directory.appendingPathComponent(name)).run
            return recorded == run ? nil : (name, recorded)
        }
        guard let (name, recorded) = others.first else { return }
        guard force else {
            throw SearchError("\(directory.path) holds the output of another search (\(name): \(recorded?.description ?? "unreadable")); "
                + "write to another directory, or give --force to replace it")
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
        for name in try listing(directory)
        where (name.hasPrefix("instance-") || name.hasPrefix("summary") || name.hasPrefix("frequencies")) && name.hasSuffix(".json") {
            do { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) } catch {
                throw SearchError("cannot remove \(directory.appendingPathComponent(name).path): \(fileSystemReason(directory.appendingPathComponent(name).path, error))")
            }
        }
    }
}
