import ArgumentParser

/// `swift run -c release dlnpath-bench <name>`: the speed figures quoted in the README.
/// Each benchmark is a small command in its own file.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlnpath-bench",
        abstract: "Benchmarks for DLNPath (run with -c release).",
        subcommands: [
            // One line per benchmark; keep this list sorted.
            ArithmeticBenchmark.self,
            FlowBenchmarkCommand.self,
            LimitBenchmark.self,
            PathBenchmark.self,
            SearchBenchmark.self,
        ]
    )
}
