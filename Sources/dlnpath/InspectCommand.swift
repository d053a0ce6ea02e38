import ArgumentParser
import ProblemDefinition

/// `dlnpath inspect FILE`: what the problem is and what the other commands will assume.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Read a problem, validate it exactly, and describe it.",
        discussion: """
        Prints n, d, the rank of M, whether M is positive definite, λ_max (the smallest penalty \
        with solution 0) and what the other commands will assume. Fails with exit 2 and a \
        message naming the place on malformed input (ragged rows, unparsable numbers, M not \
        symmetric or not positive semidefinite, r outside the range of M, ...).
        """
    )

    @OptionGroup var problem: ProblemOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let p = try problem.load()
        try output.emit({ ProblemSummary(p) }, json: { $0.json($1) }, text: { $0.text(file: problem.file, format: $1) })
    }
}
