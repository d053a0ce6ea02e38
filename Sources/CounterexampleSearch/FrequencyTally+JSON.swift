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
                    ("frequency", i.proportionJSON),
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

    /// Reads a file that `write` wrote; anything else is a `SearchError` naming the file.
    public init(contentsOf url: URL) throws {
        let root: JSONValue
        do { root = try JSONValue.read(contentsOf: url) } catch { throw SearchError(reading: url, error) }
        func text(_ value: JSONValue?) -> String { value?.numberText ?? value?.asString ?? "" }
        func int(_ value: JSONValue?) -> Int? { Int(text(value)).flatMap { $0 >= 0 ? $0 : nil } }
        let rows = root["rows"]?.asArray?.compactMap { row -> (label: String, interval: WilsonInterval)? in
            guard let label = row["property"]?.asString, let k = int(row["count"]), let n = int(row["trials"]), k <= n else { return nil }
            return (label, WilsonInterval(successes: k, trials: n))
        }
        guard let entries = try? Distribution.entries(parsing: text(root["distribution"])),
              let samples = int(root["samples"]), let features = int(root["features"]),
              let variant = Variant(rawValue: text(root["variant"])), let seed = UInt64(text(root["seed"])),
              let count = int(root["count"]), let shard = try? Shard(parsing: text(root["shard"])),
              let rows, rows.count == root["rows"]?.asArray?.count,
              rows.allSatisfy({ $0.interval.trials <= shard.indices(below: count).count }) else {
            throw SearchError("\(url.path): not a frequencies file of `dlnpath search --frequencies`")
        }
        self.init(distribution: Distribution(entries: entries, samples: samples, features: features, variant: variant),
                  seed: seed, count: count, shard: shard, instances: shard.indices(below: count).count, rows: rows)
    }
}
