import ArgumentParser
import CounterexampleSearch
import Foundation

/// `dlnpath search-merge DIR…`: the shards of one search merged into the unsharded run's outcome
/// (Sources/CounterexampleSearch/SearchMerge.swift).
struct SearchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-merge",
        abstract: "Merge the outputs of `dlnpath search --shard K/N` into the outcome of one run.",
        discussion: """
        Reads every summary-K-of-N.json (of `search --frequencies`: frequencies-K-of-N.json) in the directories (all N shards of one run, each once; \
        shards may share a directory) and prints the merged table: tallies summed with one Wilson \
        interval, findings pooled and kept once per problem up to a permutation and sign flip of \
        coordinates. --max-found M (default: the shards' own) stops the merged search at the \
        M-th instance found overall, as the unsharded run would. With --output DIR, writes what \
        the unsharded run writes — summary.json, the instances and their certificates, byte for \
        byte — after recomputing every finding's verdict from its instance file.
        """
    )

    @Argument(help: ArgumentHelp("Directories written by `dlnpath search --shard K/N --output DIR`.", valueName: "dir"))
    var directories: [String]

    @Option(help: ArgumentHelp("Where to write the merged summary, instances and certificates.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("max-found"), parsing: .unconditional, help: "Stop the merged search at this many instances found (default: the shards' --max-found).")
    var maxFound: Int?

    @Flag(help: "Replace the output of another run in the output directory.")
    var force = false

    @Option(parsing: .unconditional, help: SearchCommand.jobsHelp)
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give the shards' output directories") }
        if let maxFound, maxFound < 1 { throw ValidationError("--max-found must be ≥ 1") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be ≥ 1") }
    }

    func run() throws {
        let urls = directories.map { URL(fileURLWithPath: $0) }
        if let output { try SearchMerge.checkOutput(URL(fileURLWithPath: output), shards: urls) }
        if let tally = try FrequencyTally.mergeFiles(in: urls, writingTo: output.map { URL(fileURLWithPath: $0) }, force: force, maximumFindings: maxFound) { return print(tally) }
        let summaries = try SearchMerge.summaries(in: urls)
        let outcome = try SearchMerge.merge(summaries, maximumFindings: maxFound, jobs: jobs)
        let note = "merged \(summaries.count) shard\(summaries.count == 1 ? "" : "s")"
        guard let output else {
            print(SearchOutput.table(outcome))
            print("(\(note); give --output DIR to write the merged files)")
            return
        }
        let directory = URL(fileURLWithPath: output)
        try SearchDirectory.prepare(directory, for: outcome.options, force: force)
        print(try SearchOutput.writeReport(outcome, to: directory, note: note))
        if let failure = outcome.analysisFailure { throw CLIFailure.checkFailed(failure) }
    }
}
