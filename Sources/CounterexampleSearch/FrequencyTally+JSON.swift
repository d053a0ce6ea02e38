import DataFormats
import JSONFormat
import ProblemDefinition
import Foundation

/// `frequencies.json` (`frequencies-K-of-N.json` for a shard), written by
/// `dlnpath search --frequencies --output DIR`.
extension FrequencyTally {
    public var fileName: String {
        shard.isWhole ? "frequencies.json" : "frequencies-\(shard.index)-of-\(shard.count).json"
    }

    public var json: JSONValue {
        .object(JSONObject([
            ("distribution", .string(distribution.entriesSpec)),
            ("samples", .number(String(distribution.samples))),
            ("features", .number(String(distribution.features))),
            ("variant", .string(distribution.variant.rawValue)),
            ("seed", .number(String(seed))),
            ("count", .number(String(count))),
            ("shard", .string(shard.description)),
            ("rows", .array(rows.map { label, i in
                .object(JSONObject([
                    ("property", .string(label)), ("count", .number(String(i.successes))), ("trials", .number(String(i.trials))),
                    ("frequency", .number(String(i.proportion))),
                    ("wilson95", .array([.number(String(i.lower)), .number(String(i.upper))])),
                ]))
            })),
        ]))
    }

    /// Writes `fileName` into `directory` (call `SearchDirectory.prepare` first).
    public func write(to directory: URL) throws {
        _ = try SearchOutput.save(json.serialized(pretty: true) + "\n", as: fileName, in: directory)
    }

    /// Prepares `directory` (`SearchDirectory.prepare(_:forFrequencies:force:)`), then writes.
    public func write(to directory: URL, force: Bool) throws {
        try SearchDirectory.prepare(directory, forFrequencies: self, force: force)
        try write(to: directory)
    }

    /// What makes two tallies the same run, in words: "gaussian:6, n = 3, d = 4, signed, seed 1, 1000 instances".
    var identity: String { "\(distribution), seed \(seed), \(count) instances" }

    /// The identity recorded in a frequencies file (nil fields make it differ from any run).
    static func identity(contentsOf url: URL) throws -> String {
        let root = try JSONValue.read(contentsOf: url)
        func text(_ key: String) -> String { root[key]?.numberText ?? root[key]?.asString ?? "?" }
        let entries = (try? Distribution.entries(parsing: text("distribution")))
        guard let entries, let n = Int(text("samples")), let d = Int(text("features")),
              let variant = Variant(rawValue: text("variant")) else { return "unreadable" }
        return "\(Distribution(entries: entries, samples: n, features: d, variant: variant)), seed \(text("seed")), \(text("count")) instances"
    }
}
