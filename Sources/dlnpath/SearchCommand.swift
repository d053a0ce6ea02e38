import ArgumentParser
import CounterexampleSearch
import Foundation
import ProgressReporting

/// `dlnpath search`: seeded random instances with a chosen property, shrunk and certified
/// (Sources/CounterexampleSearch).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search random instances for counterexamples (non-monotone, not equivalent, …), shrink and certify them.",
        discussion: """
        Instances 0..<COUNT are drawn from the distribution, instance k from a generator seeded by \
        (SEED, k) alone, and kept when they have the property: non-monotone (μ·x(μ) is not \
        monotone), not-equivalent (the averaged DLN limit differs from the lasso path for some \
        s), non-unique (a lasso solution for some κ > 0 or a DLN face minimiser is not unique), \
        rejoins (the limit leaves the lasso path and comes back), gap-above=VALUE (the exact \
        limit gap exceeds VALUE). Everything is decided in exact arithmetic (docs/math.md §4).

        The search stops at the --max-found-th instance found (by index; default \(defaultMaxFound)), so the \
        tally is "found of tried". Each instance found is shrunk while the property holds — rows \
        and columns dropped, entries moved to 0, to integers, to fewer digits — and kept once per \
        problem up to a permutation and sign flip of coordinates; each is written to DIR as \
        instance-K.json with its certificate instance-K.cert.json (checked by the independent \
        checker first), plus DIR/summary.json. DIR may not hold another run's output (another \
        property, seed, count or distribution) unless --force, which replaces it.

        --shard K/N runs the instances k with k mod N = K − 1 and writes summary-K-of-N.json, so \
        N shards (a Slurm array, GNU parallel, Dask through the Python package) cover the same \
        instances as one run: `dlnpath search-merge DIR…` merges them into exactly the unsharded \
        run's output.

        Distributions: gaussian:D (standard normal entries rounded to D significant digits; \
        default gaussian:6), integers:LO:HI (uniform integers). The default is the paper's: \
        gaussian:6 with n = 3 samples and d = 4 features, signed.

        --frequencies evaluates every property on every instance and prints how often each holds, \
        with 95% Wilson intervals (no shrinking; --property is not needed).
        """
    )

    @Option(help: ArgumentHelp("non-monotone | not-equivalent | non-unique | rejoins | gap-above=VALUE", valueName: "property"),
            transform: SearchProperty.init(parsing:))
    var property: SearchProperty?

    @Option(parsing: .unconditional, help: "How many instances to try (indices 0..<N).")
    var count: Int

    @Option(parsing: .unconditional, help: "The seed of the instance stream.")
    var seed: UInt64

    @Option(help: ArgumentHelp("Where to write instances, certificates and the summary.", valueName: "dir"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Run only shard K of N (instances k with k mod N = K − 1; default 1/1).", valueName: "K/N"), transform: Shard.init(parsing:))
    var shard: Shard = .whole

    @Option(parsing: .unconditional, help: ArgumentHelp("gaussian:D or integers:LO:HI (default gaussian:6).", valueName: "entries"), transform: Distribution.entries(parsing:))
    var distribution: Distribution.Entries = .gaussian(digits: 6)

    @Option(parsing: .unconditional, help: "Rows of X (n).")
    var samples: Int = 3

    @Option(parsing: .unconditional, help: "Columns of X (d).")
    var features: Int = 4

    @Flag(help: "Nonnegative lasso / the network x = u∘u.")
    var positive = false

    @Option(parsing: .unconditional, help: Self.jobsHelp)
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-found"), parsing: .unconditional, help: "Stop at this many instances found (the first by index; default \(Self.defaultMaxFound)); they are shrunk, certified and written.")
    var maxFound: Int?

    @Flag(help: "Replace the output of another run in DIR.")
    var force = false

    @Flag(name: .customLong("no-shrink"), help: "Write the findings as drawn.")
    var noShrink = false

    @Flag(help: "Tally every property instead of searching for one.")
    var frequencies = false

    static let defaultMaxFound = 50 // --max-found when not given

    /// Also `search-merge`'s.
    static let jobsHelp: ArgumentHelp = "Threads (the default is the number of cores)."

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be ≥ 0") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be ≥ 1") }
        if let maxFound, maxFound < 1 { throw ValidationError("--max-found must be ≥ 1 (use --frequencies to tally without findings)") }
        guard (1...64).contains(samples), (1...64).contains(features) else { throw ValidationError("--samples and --features must be between 1 and 64") }
        if frequencies {
            guard property == nil, maxFound == nil else { throw ValidationError("--frequencies tallies every property on every instance: drop --property and --max-found") }
        } else {
            guard property != nil else { throw ValidationError("give --property (or --frequencies)") }
            guard output != nil else { throw ValidationError("give --output DIR for the findings") }
        }
    }

    func run() throws {
        let dist = Distribution(entries: distribution, samples: samples, features: features, variant: positive ? .positive : .signed)
        let bar = SearchProgressBar(total: shard.indices(below: count).count)
        let progress: (@Sendable (Int, Int) -> Void)? = bar.map { b in { @Sendable tried, found in b.update(tried: tried, found: found) } }
        let start = ContinuousClock.now
        if frequencies {
            let tally = FrequencyTally(distribution: dist, seed: seed, count: count, shard: shard, jobs: jobs, progress: progress)
            bar?.finish()
            if let output { try tally.write(to: URL(fileURLWithPath: output), force: force) }
            print(tally.table + "\n(\(SearchProgressBar.rate(tally.instances, since: start)))")
            if tally.unanalysed > 0 { throw CLIFailure.checkFailed("\(tally.unanalysed) instances could not be analysed") }
            return
        }
        let options = CounterexampleSearch.Options(
            property: property!, distribution: dist, seed: seed, count: count,
            shard: shard, jobs: jobs, maximumFindings: maxFound ?? Self.defaultMaxFound, shrink: !noShrink)
        let directory = URL(fileURLWithPath: output!)
        try SearchDirectory.prepare(directory, for: options, force: force)
        let outcome = try CounterexampleSearch.run(options, progress: progress)
        bar?.finish()
        print(try SearchOutput.writeReport(outcome, to: directory, note: SearchProgressBar.rate(outcome.tried, since: start)))
        if let failure = outcome.analysisFailure { throw CLIFailure.checkFailed(failure) }
    }
}
