import ExactArithmetic
import Foundation
import ProblemDefinition

/// The search of `dlnpath search` (issue 7): draw seeded random instances, keep those with a
/// property (MATH §4), shrink each kept one while the property holds.
public enum CounterexampleSearch {
    public struct Options: Sendable {
        public var property: SearchProperty
        public var distribution: Distribution
        public var seed: UInt64
        /// Instances 0..<count are tried (those of `shard`).
        public var count: Int
        public var shard: Shard
        public var jobs: Int
        /// How many of the instances found (the first, by index) are shrunk and reported; nil: all.
        public var maximumFindings: Int?
        public var shrink: Bool

        public init(
            property: SearchProperty, distribution: Distribution = .paper, seed: UInt64, count: Int,
            shard: Shard = .whole, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
            maximumFindings: Int? = nil, shrink: Bool = true
        ) {
            self.property = property
            self.distribution = distribution
            self.seed = seed
            self.count = count
            self.shard = shard
            self.jobs = jobs
            self.maximumFindings = maximumFindings
            self.shrink = shrink
        }
    }

    public struct Outcome: Sendable {
        public let options: Options
        /// Instances of the shard tried, and the indices (increasing) that have the property.
        public let tried: Int
        public let found: [Int]
        /// The first `maximumFindings` of `found`, shrunk.
        public let findings: [Finding]
        /// Instances that could not be analysed (a solver guard tripped): index and message.
        public let errors: [Failure]

        public var frequency: WilsonInterval { WilsonInterval(successes: found.count, trials: tried) }
    }

    public struct Failure: Sendable, Equatable {
        public let index: Int
        public let message: String
    }

    /// Does instance `index` have the property? (nil, message) if it could not be analysed.
    public static func test(_ property: SearchProperty, _ instance: SearchInstance) -> (holds: Bool, error: String?) {
        do {
            guard let problem = try instance.problem() else { return (false, nil) }
            return (try InstanceAnalysis(problem).holds(property), nil)
        } catch {
            return (false, "\(error)")
        }
    }

    /// Runs the search. `progress(tried, found)` is called from worker threads, often.
    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Outcome {
        let indices = options.shard.indices(below: options.count)
        let counter = ProgressCounter(progress)
        let results = parallelMap(indices, jobs: options.jobs) { index -> (Bool, String?) in
            let result = test(options.property, options.distribution.draw(seed: options.seed, index: index))
            counter.record(found: result.holds)
            return result
        }
        let found = zip(indices, results).filter { $0.1.0 }.map(\.0)
        let errors = zip(indices, results).compactMap { i, r in r.1.map { Failure(index: i, message: $0) } }
        let chosen = Array(found.prefix(options.maximumFindings ?? found.count))
        let findings = try parallelMap(chosen, jobs: options.jobs, chunk: 1) { index -> Result<Finding, Error> in
            Result {
                let original = options.distribution.draw(seed: options.seed, index: index)
                let (shrunk, steps) = options.shrink
                    ? Shrinker(holds: { test(options.property, $0).holds }).shrink(original)
                    : (original, 0)
                return try Finding(original: original, shrunk: shrunk, steps: steps)
            }
        }.map { try $0.get() }
        return Outcome(options: options, tried: indices.count, found: found, findings: findings, errors: errors)
    }
}

/// Counts tried/found across threads and forwards them to the progress callback.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var tried = 0, found = 0
    private let callback: (@Sendable (Int, Int) -> Void)?

    init(_ callback: (@Sendable (Int, Int) -> Void)?) { self.callback = callback }

    func record(found hit: Bool) {
        guard let callback else { return }
        lock.lock()
        tried += 1
        if hit { found += 1 }
        let (t, f) = (tried, found)
        lock.unlock()
        callback(t, f)
    }
}
