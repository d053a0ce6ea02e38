import CertificateChecker
import DataFormats
import Certificates
import JSONFormat
import ExactArithmetic
import Foundation
import ProblemDefinition

/// What `dlnpath search --output DIR` writes: per finding the shrunk instance
/// (`instance-<k>.json`, readable by every dlnpath command) and its certificate
/// (`instance-<k>.cert.json`, `dlnpath check` re-verifies it), plus `summary.json`
/// (`summary-K-of-N.json` for a shard, so all shards can share one DIR). Files are named by the
/// instance's index, so the outputs of shards never collide and merge by copying.
public enum SearchOutput {
    public static func instanceFileName(_ index: Int) -> String { "instance-\(padded(index)).json" }
    public static func certificateFileName(_ index: Int) -> String { "instance-\(padded(index)).cert.json" }
    public static func summaryFileName(_ shard: Shard) -> String {
        shard.isWhole ? "summary.json" : "summary-\(shard.index)-of-\(shard.count).json"
    }

    /// Writes every finding with its certificate, and the summary. `verify` gets each certificate's
    /// text and returns nil if an independent check accepts it, else the reason (the certificate
    /// is then not written and the search fails with a `CertificateError`: a check failed); by default, the independent checker
    /// (`CertificateChecker`). Returns the files written.
    /// Call `prepare` first. File-system failures are `SearchError`s with one human line.
    @discardableResult
    public static func write(_ outcome: CounterexampleSearch.Outcome, to directory: URL,
                             verify: (String) -> String? = independentCheck) throws -> [URL] {
        var written: [URL] = []
        for finding in outcome.findings {
            let index = finding.instance.index
            let instanceText = instanceJSON(finding, outcome.options).serialized(pretty: true) + "\n"
            let input = Certificate.Input(name: instanceFileName(index), bytes: Array(instanceText.utf8))
            let certificateText = try Certificate.make(problem: finding.problem, input: input).serialized(pretty: true) + "\n"
            if let reason = verify(certificateText) {
                throw CertificateError("the certificate of instance \(index) fails the independent check: \(reason)")
            }
            for (name, text) in [(instanceFileName(index), instanceText), (certificateFileName(index), certificateText)] {
                written.append(try save(text, as: name, in: directory))
            }
        }
        // A rerun (a smaller --max-found, say) leaves none of its previous findings behind; they
        // go only after the new summary is in place, so a run cut short leaves a consistent one.
        let summaryURL = directory.appendingPathComponent(summaryFileName(outcome.options.shard))
        let previous = (try? SearchSummary(contentsOf: summaryURL))?.findings.map(\.index) ?? []
        written.append(try save(summaryJSON(outcome).serialized(pretty: true) + "\n", as: summaryURL.lastPathComponent, in: directory))
        let kept = Set(outcome.findings.map(\.instance.index))
        try SearchDirectory.remove(previous.filter { !kept.contains($0) }.flatMap { [instanceFileName($0), certificateFileName($0)] }, in: directory)
        return written
    }

    /// Writes the outcome (`write`) and returns what `search` and `search-merge` print: the table,
    /// then `writtenNote`.
    public static func writeReport(_ outcome: CounterexampleSearch.Outcome, to directory: URL, note: String) throws -> String {
        try write(outcome, to: directory)
        return table(outcome) + "\n" + writtenNote(outcome, to: directory, note: note)
    }

    /// The independent checker's verdict on a certificate: nil if it accepts it, else why not.
    public static func independentCheck(_ certificateText: String) -> String? {
        let report = CertificateChecker.check(certificateText: certificateText)
        return report.isValid ? nil : report.problem ?? "rejected"
    }

    /// The line printed after the table: `note` (how the outcome was obtained) and what `write`
    /// wrote where.
    public static func writtenNote(_ outcome: CounterexampleSearch.Outcome, to directory: URL, note: String) -> String {
        let n = outcome.findings.count
        return "(\(note); wrote \(n) instance\(n == 1 ? "" : "s") with certificates and \(summaryFileName(outcome.options.shard)) to \(directory.path))"
    }

    /// The summary table printed by `dlnpath search`.
    public static func table(_ outcome: CounterexampleSearch.Outcome) -> String {
        let o = outcome.options
        var lines = [
            "property \(o.property) on \(o.distribution), seed \(o.seed), instances 0..<\(o.count)\(o.shard.isWhole ? "" : ", shard \(o.shard)")",
            "found \(outcome.found.count) of \(outcome.tried): \(outcome.frequency.text)",
        ]
        if !outcome.errors.isEmpty { lines.append("could not analyse \(outcome.errors.count) instances (first: \(outcome.errors[0].index): \(outcome.errors[0].message))") }
        guard !outcome.findings.isEmpty else { return lines.joined(separator: "\n") }
        let header = ["instance", "property", "size", "from", "first divergence (s)", "max gap", "at s"]
        var rows = outcome.findings.map { f -> [String] in
            let d = f.divergence.first.map { "[\(short($0.from)), " + ($0.to.map { short($0) + "]" } ?? "∞)") } ?? "none"
            return [String(f.instance.index), o.property.description, f.size, "\(f.original.samples)×\(f.original.features)",
                    d, short(f.maximumGap), f.maximumGap.isZero ? "-" : f.gapAt.map(short) ?? "∞"]
        }
        rows.insert(header, at: 0)
        let widths = header.indices.map { j in rows.map { $0[j].count }.max()! }
        lines.append("")
        for (n, row) in rows.enumerated() {
            lines.append(row.enumerated().map { j, cell in cell.padding(toLength: widths[j], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if n == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }

    /// Exact when short, else a 6-digit decimal.
    static func short(_ q: Rational) -> String {
        let exact = q.description
        return exact.count <= 12 ? exact : "≈" + q.decimalString(significantDigits: 6)
    }

    /// Writes `text` to DIR/name, whole or not at all (a temporary file renamed over it), so a
    /// killed run never leaves a file cut short; a failure is a `SearchError` naming the file.
    static func save(_ text: String, as name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw SearchError("cannot write \(url.path): \(fileSystemReason(url.path, error))")
        }
        return url
    }

    static func padded(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
