import ExactArithmetic
import Foundation
import ParallelWork
import ProblemDefinition

/// The search of `dlnpath search`: draw seeded random instances, keep those with a property
/// (docs/math.md §4), shrink each kept one while the property holds, and keep one finding per
/// problem up to a signed permutation of coordinates (`SignedPermutation`).
///
/// Deterministic whatever `jobs` is, and shardable: with `maximumFindings = M` the search stops
/// at the M-th instance found (by index), so a shard that stops has tried every index up to it and
/// `SearchMerge` recovers exactly the unsharded outcome.
public enum CounterexampleSearch {
    public struct Options: Sendable {
        public var property: SearchProperty
        public var distribution: Distribution
        public var seed: UInt64
        /// Instances 0..<count are tried (those of `shard`).
        public var count: Int
        public var shard: Shard
        public var jobs: Int
        /// Stop once this many instances with the property are found (the first, by index);
        /// nil: try all `count`. The instances found are those shrunk and reported.
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
        /// Instances of the shard tried (all of the shard's, or up to the `maximumFindings`-th
        /// found), and the indices (increasing) that have the property.
        public let tried: Int
        public let found: [Int]
        /// `found`, shrunk, one per problem up to a signed permutation (the first by index, with
        /// the others in its `duplicates`).
        public let findings: [Finding]
        /// Instances that could not be analysed (a solver guard tripped): index and message.
        public let errors: [Failure]

        public var frequency: WilsonInterval { WilsonInterval(successes: found.count, trials: tried) }

        /// How many instances could not be analysed, and the first with its message; nil if none.
        public var analysisFailure: String? {
            errors.first.map { "\(errors.count) instances could not be analysed (first: \($0.index): \($0.message))" }
        }
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
        var found: [Int] = [], errors: [Failure] = [], tried = 0
        // In batches when the search may stop early, so it stops soon after the M-th find; the
        // results are read in index order, so where it stops does not depend on the threads.
        let batch = options.maximumFindings == nil ? max(indices.count, 1) : max(64, 32 * options.jobs)
        var start = 0
        scan: while start < indices.count, found.count < (options.maximumFindings ?? .max) {
            let slice = Array(indices[start..<min(indices.count, start + batch)])
            let results = parallelMap(slice, jobs: options.jobs) { index -> (holds: Bool, error: String?) in
                let result = test(options.property, options.distribution.draw(seed: options.seed, index: index))
                counter.record(found: result.holds)
                return result
            }
            for (index, result) in zip(slice, results) {
                tried += 1
                if result.holds { found.append(index) }
                if let message = result.error { errors.append(Failure(index: index, message: message)) }
                if found.count == options.maximumFindings { break scan }
            }
            start += batch
        }
        let shrunk = try parallelMap(found, jobs: options.jobs, chunk: 1) { index -> Result<Finding, Error> in
            Result {
                let original = options.distribution.draw(seed: options.seed, index: index)
                let (instance, steps) = options.shrink
                    ? Shrinker(holds: { test(options.property, $0).holds }).shrink(original)
                    : (original, 0)
                return try Finding(original: original, shrunk: instance, steps: steps)
            }
        }.map { try $0.get() }
        return Outcome(options: options, tried: tried, found: found, findings: Finding.deduplicated(shrunk), errors: errors)
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
