import ArgumentParser
import ProgressReporting
import RunCheck

/// `dlnpath check-run PROBLEM RUN`: a training run the user made, against the tool's own
/// integration, the exact ε → 0 limit and the exact lasso path (docs/math.md §2–4).
struct CheckRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-run",
        abstract: "Check a training run you made (numpy, PyTorch, JAX, …) against the exact limit and lasso path.",
        discussion: """
        RUN holds samples of one run: times t and either the predictor x (T × d) or the factors \
        u, v (u alone with --positive). Formats: .npz with keys exactly t, x (or u, v) and an \
        optional scalar epsilon (np.savez("run.npz", t=t, x=x, epsilon=1e-6)); an .npy of times \
        with --x X.npy (or --u U.npy --v V.npy); .json {"t": […], "x": [[…], …], "epsilon": …}; \
        .csv with a header t, x0, …, x{d−1} (or u0…, v0…; 0-based, as numpy).

        Conventions (the tool's, and how to convert yours):
          loss      ℓ(x) = ½xᵀMx − rᵀx with M = XᵀX/n, r = Xᵀy/n for data X, y (scaling "mean"), \
        i.e. ‖Xx − y‖²/(2n) + const. Loss without the ½ (‖Xx − y‖²/n): your times are half ours, \
        give t_ours = 2·t. Sum instead of mean (‖Xx − y‖²/2): give --scaling sum, or \
        t_ours = n·t. Weight decay: ½λwd(‖u‖² + ‖v‖²) (λwd‖u‖² for u∘u), λwd from the problem.
          init      u(0) = √ε β, v(0) = √ε γ (u(0) = √ε α for x = u∘u), β, γ (α) from the \
        problem file (default β = 1, γ = 0; α = 1). Initialisation scale α_init (u(0) = α_init·β): \
        ε = α_init².
          time      gradient flow u' = −∂F/∂u, v' = −∂F/∂v in time t; s = 2t/log(1/ε) for u∘v, \
        4t/log(1/ε) for u∘u. Gradient descent: give --step η and iteration numbers k as t \
        (flow time kη).
          average   x̄(t) = (1/t)∫₀ᵗ x, formed from the samples by the trapezoid rule (x(0) \
        prepended when the first time is positive); the reference is averaged the same way.

        Reported, over the run's time span: runDeviation = sup ‖x̄_run − x̄_ref‖∞ against the tool's own \
        accurate integration at the same ε and initialisation (gradient descent with the same step for \
        --step): the solver check; limitDeviation against the exact ε → 0 limit x̄₀(s); lassoDeviation against \
        the exact lasso path at κ = λwd + 1/s; where each sup is attained; and beside them the parts that are \
        the theory: the tool's own run against the limit (finite ε), the limit against the path, and the exact \
        intervals where the limit leaves the path. The verdict (consistent, inconsistent, inconclusive) \
        follows the criterion printed with it; --tolerance sets its rtol. An inconsistent run is checked again \
        under the other conventions above; the first under which it agrees is printed as a hint.

        Exit codes: 0 checked (any verdict); 1 with --expect-consistent unless the verdict is \
        consistent, or when the tool's own run cannot be computed (its integration fails, or its \
        gradient descent diverges at --step); 2 bad input (a missing ε, times not increasing, a \
        shape that does not match d, non-finite values, a non-positive step), naming the file, key \
        and row.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Argument(help: ArgumentHelp("The run: .npz, .npy (times; values with --x/--u/--v), .json or .csv.", valueName: "run"))
    var runFile: String

    @Option(name: .customLong("x"), help: ArgumentHelp("With an .npy RUN of times: the predictor x (T × d) as .npy.", valueName: "file"))
    var xFile: String?

    @Option(name: .customLong("u"), help: ArgumentHelp("With an .npy RUN of times: the factor u (T × d) as .npy.", valueName: "file"))
    var uFile: String?

    @Option(name: .customLong("v"), help: ArgumentHelp("With an .npy RUN of times: the factor v (T × d) as .npy.", valueName: "file"))
    var vFile: String?

    @Option(name: .customLong("epsilon"), parsing: .unconditional,
            help: ArgumentHelp("The initialisation scale ε in (0, 1) (default: the file's 'epsilon').", valueName: "ε"))
    var epsilon: String?

    @Option(name: .customLong("step"), parsing: .unconditional,
            help: ArgumentHelp("The run is gradient descent with step η; its times are iteration numbers.", valueName: "η"))
    var step: String?

    @Option(name: .customLong("tolerance"), parsing: .unconditional,
            help: ArgumentHelp("rtol of the verdict: runDeviation ≤ rtol · max ‖x̄_ref‖∞ (default 1e-3).", valueName: "rtol"))
    var tolerance: String?

    @Option(name: .customLong("plot"), help: ArgumentHelp("Also draw the run, the limit and the path against s (SVG).", valueName: "file.svg"))
    var plot: String?

    @Option(name: .customLong("s-axis"), help: ArgumentHelp("The figure's s axis: auto, linear or log.", valueName: "scale"))
    var axis: FlowFigure.Axis = .auto

    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("expect-consistent"), help: "Exit 1 unless the verdict is consistent.")
    var expectConsistent = false

    func run() throws {
        let options = try RunCheck.Options(epsilon: epsilon, step: step, tolerance: tolerance)
        let p = try problem.load()
        let bar = DelayedProgressBar(label: "reference run", quiet: output.quiet)
        defer { bar.finish() }
        var wrote: String? = nil
        let report = try output.emit({ () throws -> RunCheckReport in
            let (report, reference) = try RunCheck.check(runFile: runFile, x: xFile, u: uFile, v: vFile, problem: p, options: options, progress: bar.update)
            bar.finish()
            wrote = try plot.map { try FlowFigure.run(report, reference: reference, axis: axis).write(toPath: $0) }
            return report
        }, note: measuredNote, json: { report, exact in report.json(exact) },
           text: { report, format in checkRunText(report, problemFile: problem.file, format: format) + (wrote.map { "\n" + $0 } ?? "") })
        if expectConsistent && report.verdict != .consistent {
            throw CLIFailure.checkFailed("expected the run to be consistent, but the verdict is \(report.verdict.rawValue)")
        }
    }
}
