import DataFormats
import JSONFormat
import ExactArithmetic
import Foundation
import ProblemDefinition

/// The files of `dlnpath search --output DIR` as JSON: the shrunk instance (a problem file) and
/// the summary, written here and read back by `SearchMerge`.
extension SearchOutput {
    /// The shrunk instance as a problem file: `{"description", "X", "y"}` (+ `"nonnegative"`),
    /// numbers as JSON numbers when they are integers or terminating decimals, else "p/q".
    public static func instanceJSON(_ finding: Finding, _ options: CounterexampleSearch.Options) -> JSONValue {
        let s = finding.instance
        let description = "dlnpath search --property \(options.property) --seed \(options.seed): instance \(s.index) of \(options.distribution), shrunk in \(finding.shrinkSteps) step\(finding.shrinkSteps == 1 ? "" : "s") from \(finding.original.samples)×\(finding.original.features) to \(finding.size)"
        var pairs: [(String, JSONValue)] = [
            ("description", .string(description)),
            ("X", .array(s.X.map { .array($0.map(number)) })),
            ("y", .array(s.y.map(number))),
        ]
        if s.variant == .positive { pairs.append(("nonnegative", .bool(true))) }
        return .object(JSONObject(pairs))
    }

    public static func summaryJSON(_ outcome: CounterexampleSearch.Outcome) -> JSONValue {
        let o = outcome.options
        let f = outcome.frequency
        return .object(JSONObject([
            ("property", .string(o.property.description)),
            ("distribution", .string(o.distribution.entriesSpec)),
            ("samples", .number(String(o.distribution.samples))),
            ("features", .number(String(o.distribution.features))),
            ("variant", .string(o.distribution.variant.rawValue)),
            ("seed", .number(String(o.seed))),
            ("count", .number(String(o.count))),
            ("maxFound", o.maximumFindings.map { .number(String($0)) } ?? .null),
            ("shrink", .bool(o.shrink)),
            ("shard", .string(o.shard.description)),
            ("tried", .number(String(outcome.tried))),
            ("found", .number(String(outcome.found.count))),
            ("frequency", f.proportionJSON),
            ("wilson95", .array([.number(String(f.lower)), .number(String(f.upper))])),
            ("foundIndices", .array(outcome.found.map { .number(String($0)) })),
            ("errors", .array(outcome.errors.map { .object(JSONObject([("index", .number(String($0.index))), ("message", .string($0.message))])) })),
            ("findings", .array(outcome.findings.map(findingJSON))),
        ]))
    }

    static func findingJSON(_ f: Finding) -> JSONValue {
        let first = f.divergence.first
        return .object(JSONObject([
            ("index", .number(String(f.instance.index))),
            ("instance", .string(instanceFileName(f.instance.index))),
            ("certificate", .string(certificateFileName(f.instance.index))),
            ("size", .string(f.size)),
            ("originalSize", .string("\(f.original.samples)×\(f.original.features)")),
            ("shrinkSteps", .number(String(f.shrinkSteps))),
            ("positiveDefinite", .bool(f.problem.isPositiveDefinite)),
            ("monotone", .bool(f.monotone)),
            ("equivalent", .bool(f.equivalent)),
            ("firstDivergence", first.map { d in
                .object(JSONObject([("from", .string(d.from.description)), ("to", d.to.map { .string($0.description) } ?? .null)]))
            } ?? .null),
            ("maximumGap", .string(f.maximumGap.description)),
            ("maximumGapApprox", .number(f.maximumGap.decimalString(significantDigits: 6))),
            ("gapAt", f.gapAt.map { .string($0.description) } ?? .null),
            ("duplicates", .array(f.duplicates.map { .number(String($0)) })),
        ]))
    }

    static func number(_ q: Rational) -> JSONValue {
        let text = exactText(q)
        return JSONValue.isValidNumberLiteral(text) ? .number(text) : .string(text)
    }

}

extension SearchError {
    /// A file of a search's output that cannot be read or parsed, named once, with the remedy.
    init(reading url: URL, _ error: DataFormatError) {
        self.init((error.file == nil ? "\(url.path): \(error)" : error.description) + " (rerun the search or shard that wrote it)")
    }
}

/// A `summary.json` (or `summary-K-of-N.json`) read back: what `SearchMerge` needs.
public struct SearchSummary: Sendable {
    public struct Entry: Sendable {
        public let index: Int
        public let shrinkSteps: Int
        public let duplicates: [Int]
        /// The instance file, in the summary's directory.
        public let instance: URL
    }

    public let file: URL
    public let run: SearchRun
    public let shard: Shard
    public let tried: Int
    public let found: [Int]
    public let errors: [CounterexampleSearch.Failure]
    /// The `--max-found` it ran with (nil: no limit).
    public let maximumFindings: Int?
    public let findings: [Entry]

    /// Reads a summary; every failure is a `SearchError` naming the file and the field.
    public init(contentsOf url: URL) throws {
        let root: JSONValue
        do { root = try JSONValue.read(contentsOf: url) } catch { throw SearchError(reading: url, error) }
        func field(_ key: String) throws -> JSONValue {
            guard let v = root[key] else { throw SearchError("\(url.path): not a search summary (no \"\(key)\")") }
            return v
        }
        func int(_ v: JSONValue?, _ name: String) throws -> Int {
            guard let text = v?.numberText, let n = Int(text) else { throw SearchError("\(url.path): \(name) must be an integer") }
            return n
        }
        func ints(_ v: JSONValue?, _ name: String) throws -> [Int] {
            guard let items = v?.asArray else { throw SearchError("\(url.path): \(name) must be an array of integers") }
            return try items.map { try int($0, name) }
        }
        file = url
        run = try SearchRun(json: root, file: url)
        do { shard = try Shard(parsing: try field("shard").asString ?? "") } catch { throw SearchError("\(url.path): \"shard\": \(error)") }
        tried = try int(try field("tried"), "\"tried\"")
        found = try ints(try field("foundIndices"), "\"foundIndices\"")
        if let v = root["maxFound"], !v.isNull { maximumFindings = try int(v, "\"maxFound\"") } else { maximumFindings = nil }
        errors = try (try field("errors")).asArray.map { items in
            try items.map { e in
                CounterexampleSearch.Failure(index: try int(e["index"], "\"errors\" index"), message: e["message"]?.asString ?? "")
            }
        } ?? []
        guard let items = try field("findings").asArray else { throw SearchError("\(url.path): \"findings\" must be an array") }
        findings = try items.map { f in
            guard let name = f["instance"]?.asString, !name.contains("/") else {
                throw SearchError("\(url.path): a finding has no instance file name")
            }
            return Entry(index: try int(f["index"], "a finding's index"), shrinkSteps: try int(f["shrinkSteps"], "\"shrinkSteps\""),
                         duplicates: try f["duplicates"].map { try ints($0, "\"duplicates\"") } ?? [],
                         instance: url.deletingLastPathComponent().appendingPathComponent(name))
        }
    }

    /// The summary files in a directory: summary.json and summary-K-of-N.json, by name.
    public static func files(in directory: URL) throws -> [URL] {
        try SearchDirectory.listing(directory).filter(SearchDirectory.isSummaryName).sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

/// What makes two searches the same run: outputs of one run (its shards, a rerun) may share a
/// directory and merge; another run's may not.
public struct SearchRun: Equatable, Sendable, CustomStringConvertible {
    public let property: String
    public let distribution: Distribution
    public let seed: UInt64
    public let count: Int
    /// Findings shrunk (false: `--no-shrink`, as drawn).
    public let shrink: Bool

    public init(_ options: CounterexampleSearch.Options) {
        property = options.property.description
        distribution = options.distribution
        seed = options.seed
        count = options.count
        shrink = options.shrink
    }

    init(json root: JSONValue, file: URL) throws {
        func text(_ key: String) throws -> String {
            guard let v = root[key], let t = v.asString ?? v.numberText else { throw SearchError("\(file.path): not a search summary (no \"\(key)\")") }
            return t
        }
        guard let seed = UInt64(try text("seed")), let count = Int(try text("count")),
              let samples = Int(try text("samples")), let features = Int(try text("features")),
              let variant = Variant(rawValue: try text("variant")) else {
            throw SearchError("\(file.path): \"seed\", \"count\", \"samples\", \"features\" or \"variant\" is malformed")
        }
        let entries = try Distribution.entries(parsing: try text("distribution"))
        property = try SearchProperty(parsing: try text("property")).description
        distribution = Distribution(entries: entries, samples: samples, features: features, variant: variant)
        self.seed = seed
        self.count = count
        guard let shrink = root["shrink"]?.asBool else { throw SearchError("\(file.path): not a search summary (no \"shrink\")") }
        self.shrink = shrink
    }

    public var description: String {
        "property \(property), seed \(seed), \(count) instances of \(distribution)\(shrink ? "" : ", not shrunk")"
    }
}
