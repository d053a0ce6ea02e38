import ArgumentParser
import Foundation
import JSONFormat
import LimitVerdict

/// `dlnpath compare FILE [--json]`: the lasso knots and the DLN saddles side by side, then
/// docs/math.md §4's verdict in plain words.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the averaged ε → 0 DLN trajectory with the lasso path, exactly.",
        discussion: """
        Time s of the network plays μ = 1/(κ − λwd) of the lasso. Prints the lasso knots and the \
        DLN saddles side by side, then the verdict: whether z(μ) = μ·x(κ(μ)) is monotone, whether \
        the averaged trajectory x̄(s) equals the lasso solution for every s (and if not, the exact \
        intervals where they differ), the downward variation z↓ of Berthier's Theorem 2.2, the \
        exact limit gap Lasso(x̄(s)) − Lasso*(s) with its maxima, and whether the jump times are \
        the knots' times 1/(κ_k − λwd) with the saddles equal to the segment slopes. For positive definite M, \
        "monotone" and "equivalent" must agree (docs/math.md §4); if they ever do not, a warning \
        goes to standard error. --at s evaluates the gap and η(s) at given times.

        --s-max S (or --kappa-min K, S = 1/(K − λwd); K ≤ λwd is never reached and changes \
        nothing) stops both sides at time S: the saddles with s ≤ S, the knots down to the exact \
        solution at κ = λwd + 1/S, and a verdict about s ∈ (0, S] that agrees with the full one \
        there; JSON ends with "stop": {"s": S, "lambda": K}.

        The verdict is information: compare exits 0 whatever it is, unless --expect-equivalent or \
        --expect-monotone is given and fails (exit 1). JSON numbers are exact "p/q" strings; \
        coordinates, knots and saddles count from 0 (the text counts coordinates from 1). Both are \
        written with memory flat in the number of saddles and knots (--json's parts wait in \
        temporary files; the text keeps only the rows it shows, every row with --all), and \
        nothing is printed before the verdict is complete. --json --summary leaves out the saddles \
        and the gap's and z↓'s pieces (most of a large design's document) for the largest gap: \
        the knots and the verdict in about the time of the text report.
        """
    )

    @OptionGroup var problem: ProblemOptions
    @OptionGroup var at: AtOption
    @OptionGroup var stop: StopOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Exit 1 unless the averaged DLN trajectory equals the lasso path for all s.")
    var expectEquivalent = false

    @Flag(help: "Exit 1 unless z(μ) is coordinatewise monotone.")
    var expectMonotone = false

    @Flag(help: "With --json: no saddles, gap pieces or z↓ pieces; the largest gap instead.")
    var summary = false

    func validate() throws {
        guard !summary || output.json else { throw ValidationError("--summary shortens the --json document; give both") }
    }

    func run() throws {
        let times = try at.parse(quantity: "s", strict: true, command: "compare")
        let p = try problem.load()
        let horizon = try stop.stop(p, reaching: times)?.horizon
        let facts: VerdictFacts
        if output.json {
            // Written with memory flat in the saddles and knots; nothing before the verdict is done.
            facts = try output.withProgress { try ExactComparison.writeJSON(p, horizon: horizon, at: times, output.exactJSON, summary: summary) }
        } else {
            // Built as the limit and the path stream, keeping only the rows shown.
            facts = try output.emit({ try ExactComparison.text(p, horizon: horizon, at: times, file: problem.file, format: output.numberFormat) },
                                    json: { _, _ in .null }, text: { report, _ in report.text }).facts
        }
        if let contradiction = facts.contradiction {
            FileHandle.standardError.write(Data("warning: CONTRADICTION WITH docs/math.md §4: \(contradiction)\n".utf8))
        }
        if let unmet = facts.unmetExpectation(equivalent: expectEquivalent, monotone: expectMonotone) {
            throw CLIFailure.checkFailed(unmet)
        }
    }
}
