import ArgumentParser
import LassoHomotopy

/// `dlnpath path FILE [--at κ…] [--json]`: the exact lasso regularization path (docs/math.md §1).
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Compute the exact lasso regularization path.",
        discussion: """
        Prints the knots κ_max > κ_1 > … > 0 of the lasso path (long fractions as decimals \
        rounded from the exact values; --exact for fractions, --json for everything exactly): \
        κ, μ = 1/(κ − λwd), the active set with signs, the solution x and the \
        events (coordinates joining or leaving; more than one is a tie). x is linear in κ between \
        knots. Where the solution is not unique (singular M) this is said per knot and segment, \
        and the path shown is the canonical member (least-norm direction at every knot). Every \
        segment is certified exactly (KKT at both ends, constant signs inside) before anything \
        is printed; a failed certificate exits 1.

        --at evaluates the path at penalties κ ≥ 0: `--at 1/10 1/100`, `--at=-1` or a \
        comma-separated list; a negative κ is bad input (exit 2). --kappa-min K stops the path at κ = K \
        (--s-max S at κ = λwd + 1/S): the knots above K are those of the full path and the last \
        knot is the exact solution at K (with no events when K is not a knot); nothing below K is \
        computed, and JSON ends with "stop": {"lambda": K, "mu": S}. JSON numbers are exact "p/q" \
        strings; coordinates count from 0 (the text counts them from 1).
        """
    )

    @OptionGroup var problem: ProblemOptions

    @OptionGroup var at: AtOption

    @OptionGroup var stop: StopOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        _ = try at.parse(quantity: "κ", command: "path") // before the file
        let p = try problem.load()
        let early = try stop.stop(p), kappaMin = early?.kappaMin
        let penalties = try at.parse(quantity: "κ", minimum: kappaMin ?? .zero, command: "path")
        // Streamed knot by knot as the path is certified (memory flat in the knots).
        if output.json {
            return try output.withProgress { try LassoPath.writeJSON(problem: p, at: penalties, output.exactJSON, kappaMin: kappaMin) }
        }
        try output.emit({ try LassoPath.text(problem: p, kappaMin: kappaMin, file: problem.file, at: penalties, format: output.numberFormat) },
                        json: { _, _ in .null }, text: { report, f in report + (early?.note(f, problem: p) ?? "") })
    }
}
