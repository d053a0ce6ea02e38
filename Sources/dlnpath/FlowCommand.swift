import ArgumentParser
import ProgressReporting
import RunCheck

/// `dlnpath flow FILE --epsilon 1e-5,1e-10,…`: floating-point DLN training runs for several ε,
/// measured against the exact ε → 0 limit and the exact lasso path (docs/math.md §2–4).
struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Train the network in floating point for several ε and measure it against the exact limit.",
        discussion: """
        For each ε, integrates the gradient flow of the network (x = u∘v, or x = u∘u with \
        --positive) from u(0) = √ε β, v(0) = √ε γ through the exact ODE of its running integral \
        (log-domain exponentials, so ε = 1e-300 and below work; RODAS4 with error control), and \
        reports, up to s_max, the largest distance sup_s ‖x̄_ε(s) − x̄₀(s)‖∞ of the time average \
        from the exact ε → 0 limit, the same against the exact lasso path at κ = λwd + 1/s, and \
        the largest gap Lasso(x̄_ε(s), κ) − Lasso*(κ). The sup is taken over a uniform grid \
        (--grid), the exact saddle and knot times with points on both sides, and the integrator's \
        step points. Convergence in ε is only like 1/log(1/ε), so one ε proves nothing: the \
        trend decides: the verdict is three-way, from the criterion printed with it — consistent \
        when (deviation − expected)·log(1/ε) has settled (changes by at most 10% per doubling of \
        log(1/ε) over the three smallest ε), inconsistent when the deviation grows or does not \
        shrink, inconclusive when ε is not yet small enough for the 1/log(1/ε) regime (with an \
        estimate of the ε that would decide).

        The exact limit and lasso path are computed in rational arithmetic and handed to the \
        floating-point code as Double; the numbers printed here are floating-point measurements \
        (JSON numbers, not "p/q" strings), except the exact limit's own data. Gaps are \
        differences of objective values, so they are the same in the quadratic and data-fit \
        forms; objective values are printed in data-fit form ‖Xx − y‖²/(2n) + κ‖x‖₁ when the \
        problem was given as X, y.

        --gradient-descent --step η also runs plain gradient descent on the weights with step η \
        for each ε, compares its time average with the flow, and says when η is too large to \
        track the flow.

        Exit codes: 0 success; 2 bad input (e.g. an ε outside (0, 1), --grid above 100000); 1 if \
        --expect-consistent is given and the verdict against the exact limit is not consistent \
        (inconsistent or inconclusive), or the integration fails.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(name: .customLong("epsilon"), parsing: .unconditional,
            help: ArgumentHelp("Comma-separated initialisation scales ε in (0, 1); below 1e-308 is fine (e.g. 1e-1000).", valueName: "list"))
    var epsilons = "1e-5,1e-10,1e-20,1e-50,1e-100"

    @Option(name: .customLong("s-max"), parsing: .unconditional,
            help: ArgumentHelp("Horizon in rescaled time (exact or decimal, e.g. 9/2). Default: 1.5 × the last saddle or knot time; at most 10⁶ × that.", valueName: "s"))
    var sMax: String?

    @Option(name: .customLong("grid"), parsing: .unconditional,
            help: ArgumentHelp("Points of the uniform part of the evaluation grid on (0, s_max], 2 to 100000.", valueName: "n"))
    var grid = 2000

    @Option(name: .customLong("rtol"), parsing: .unconditional, help: ArgumentHelp("Relative tolerance of the integrator, at most 0.1 (default 1e-7).", valueName: "tol"))
    var relativeTolerance: String?

    @Option(name: .customLong("atol"), parsing: .unconditional, help: ArgumentHelp("Absolute tolerance of the integrator, at most 0.1 (default 1e-9).", valueName: "tol"))
    var absoluteTolerance: String?

    @Flag(name: .customLong("gradient-descent"), help: "Also run gradient descent on the weights (needs --step).")
    var gradientDescent = false

    @Option(name: .customLong("step"), parsing: .unconditional, help: ArgumentHelp("Step size η of --gradient-descent.", valueName: "η"))
    var step: String?

    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("expect-consistent"), help: "Exit 1 unless the verdict against the exact limit is consistent.")
    var expectConsistent = false

    func run() throws {
        let settings = try FlowSweep.Settings(epsilons: epsilons, sMax: sMax, gridPoints: grid, rtol: relativeTolerance, atol: absoluteTolerance,
                                              gradientDescent: gradientDescent, step: step, needsTrend: expectConsistent)
        let p = try problem.load()
        let bars = ["flow": DelayedProgressBar(label: "flow", quiet: output.quiet),
                    "gradient descent": DelayedProgressBar(label: "gradient descent", quiet: output.quiet)]
        defer { bars.values.forEach { $0.finish() } }
        let (_, sweep) = try output.emit({
            let reference = try FlowReference(p)
            let sweep = try FlowSweep.run(reference, settings) { label, f in bars[label]?.update(f) }
            bars.values.forEach { $0.finish() }
            return (reference, sweep)
        }, note: measuredNote, json: { result, exact in result.1.json(file: problem.file, reference: result.0, exact) },
           text: { result, format in flowText(result.1, reference: result.0, file: problem.file, format: format) })
        if expectConsistent && sweep.verdict != .consistent {
            throw CLIFailure.checkFailed("expected the runs to be consistent with the exact limit, but the verdict is \(sweep.verdict.rawValue): \(sweep.report.fitLimit.reading)")
        }
    }
}
