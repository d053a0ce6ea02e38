import ExactArithmetic
import ParallelWork
import Foundation

/// Every property at once on every instance: how often each holds on a distribution, with a
/// Wilson interval (`dlnpath search --frequencies`; the paper saw μ·x(μ) monotone in 76% of
/// 1000 draws). No shrinking.
public struct FrequencyTally: Sendable {
    /// The exact facts about one instance.
    public struct Facts: Sendable, Equatable {
        public let monotone: Bool
        public let equivalent: Bool
        public let nonUnique: Bool
        public let rejoins: Bool
        public let maximumGap: Rational
    }

    public let distribution: Distribution
    public let seed: UInt64
    /// Instances 0..<count (those of `shard`).
    public let count: Int
    public let shard: Shard
    /// The instances of the shard tried: all of them (a tally does not stop early).
    public let instances: Int
    /// (label, interval) for each property, in the order of `SearchProperty.names`, then one line
    /// per gap threshold and the cross-tabulation "not monotone, yet equivalent".
    public let rows: [(label: String, interval: WilsonInterval)]

    public static let defaultGapThresholds = [Rational.zero, Rational(1, 1000), Rational(1, 100), Rational(1, 10)]

    public static func facts(_ instance: SearchInstance) throws -> Facts? {
        guard let problem = try instance.problem() else { return nil }
        let a = try InstanceAnalysis(problem)
        return Facts(
            monotone: a.monotone,
            equivalent: try a.equivalenceFromPath ?? a.equivalent,
            nonUnique: try a.holds(.nonUnique),
            rejoins: try a.holds(.rejoins),
            maximumGap: try a.gapIsZeroWithoutVerdict ? .zero : a.maximumGap)
    }

    public init(distribution: Distribution, seed: UInt64, count: Int, shard: Shard = .whole,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                gapThresholds: [Rational] = FrequencyTally.defaultGapThresholds,
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        let counter = ProgressCounter(progress)
        let facts = parallelMap(shard.indices(below: count), jobs: jobs) { index in
            let f = try? FrequencyTally.facts(distribution.draw(seed: seed, index: index))
            counter.record(found: f.map { !$0.monotone } ?? false)
            return f ?? nil
        }
        self.init(distribution: distribution, seed: seed, count: count, shard: shard, instances: facts.count,
                  rows: Self.rows(facts.compactMap { $0 }, gapThresholds: gapThresholds))
    }

    /// A tally from its counts (read from a file, or merged from shards).
    init(distribution: Distribution, seed: UInt64, count: Int, shard: Shard, instances: Int,
         rows: [(label: String, interval: WilsonInterval)]) {
        self.distribution = distribution
        self.seed = seed
        self.count = count
        self.shard = shard
        self.instances = instances
        self.rows = rows
    }

    static func rows(_ known: [Facts], gapThresholds: [Rational]) -> [(label: String, interval: WilsonInterval)] {
        func row(_ label: String, _ test: (Facts) -> Bool) -> (String, WilsonInterval) {
            (label, WilsonInterval(successes: known.filter(test).count, trials: known.count))
        }
        var out = [
            row("monotone", \.monotone),
            row("non-monotone", { !$0.monotone }),
            row("not-equivalent", { !$0.equivalent }),
            row("non-unique", \.nonUnique),
            row("rejoins", \.rejoins),
        ]
        out += gapThresholds.map { v in row("gap-above=\(v)", { $0.maximumGap > v }) }
        out.append(row("non-monotone but equivalent", { !$0.monotone && $0.equivalent }))
        return out
    }

    /// Instances that could not be analysed (every row counts the others).
    public var unanalysed: Int { instances - (rows.first?.interval.trials ?? 0) }

    public var table: String {
        var lines = ["frequencies on \(distribution), seed \(seed), \(instances) instances\(shard.isWhole ? "" : " (shard \(shard))")"
            + (unanalysed > 0 ? ", \(unanalysed) not analysed" : "")]
        let width = rows.map(\.label.count).max() ?? 0
        for (label, interval) in rows {
            lines.append("  " + label.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "  \(String(interval.successes).leftPadded(to: 7)) / \(interval.trials)  \(interval.text)")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
