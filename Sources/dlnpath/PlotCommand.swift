import ArgumentParser
import Foundation
import ProgressReporting
import RunCheck

extension FlowFigure.Axis: ExpressibleByArgument {}

/// `dlnpath plot FILE -o fig.svg`: the paper's Figure 1 (Berthier 2025) for any instance.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the paper's Figure 1 for a problem: lasso path, exact averaged limit and a numeric run (SVG).",
        discussion: """
        Upper panel: the lasso path x(κ) at κ = λwd + 1/s (thick, pale), the exact averaged \
        ε → 0 limit x̄₀(s) (dashed) and the numeric time average x̄_ε(s) of one floating-point \
        run (thin), one colour per coordinate (up to 36, largest first; a colour-blind-safe \
        palette of 15 colours, with a key row for every coordinate). Lower panel: the optimality \
        gap Lasso(x̄(s), κ) − Lasso*(κ) of the numeric run and of the exact limit (from the exact \
        verdict's gap polynomials). The exact intervals where the limit leaves the lasso path \
        (docs/math.md §4) are shaded in both panels. Legends sit right of the plots; the \
        vertical scale follows the exact curves (a numeric spike is clipped, not followed).

        The s axis is logarithmic by default when the saddle and knot times span more than a \
        factor 30 (--s-axis auto), starting at a third of the first of them.

        The file is plain SVG 1.1 written by DLNPath's own writer; open it in a browser, or convert \
        it with rsvg-convert. Exit codes: 0 written; 2 bad input (e.g. --samples above 20000) or \
        the file cannot be written; 1 an exact computation failed its check or the numeric run \
        cannot be integrated.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Where to write the SVG.", valueName: "file"))
    var output: String

    @Option(name: .customLong("epsilon"), parsing: .unconditional,
            help: ArgumentHelp("The initialisation scale ε of the numeric run, in (0, 1).", valueName: "ε"))
    var epsilon = "1e-10"

    @Option(name: .customLong("s-max"), parsing: .unconditional,
            help: ArgumentHelp("Right end of the s axis (exact or decimal). Default: 1.5 × the last saddle or knot time; at most 10⁶ × that.", valueName: "s"))
    var sMax: String?

    @Option(name: .customLong("s-axis"), help: ArgumentHelp("The s axis: auto, linear or log.", valueName: "scale"))
    var axis: FlowFigure.Axis = .auto

    @Option(name: .customLong("samples"), parsing: .unconditional, help: ArgumentHelp("Sample times on the s axis, 2 to 20000.", valueName: "n"))
    var samples = 600

    @Option(help: ArgumentHelp("Figure title (default: the file name and the network).", valueName: "text"))
    var title: String?

    @Flag(help: OutputOptions.quietHelp)
    var quiet = false

    func run() throws {
        let epsilon = try OptionText.epsilon(epsilon, option: "--epsilon", refusal: "plot draws one run; give one ε")
        try FlowFigure.checkSamples(samples)
        let horizon = try sMax.map { try OptionText.positive($0, option: "--s-max") }
        let p = try problem.load()
        let bar = DelayedProgressBar(label: "plot", quiet: quiet)
        defer { bar.finish() }
        let reference = try FlowReference(p)
        let drawn = try FlowFigure.plot(reference, epsilon: epsilon, sMax: horizon, samples: samples, axis: axis, title: title,
                                        fileName: URL(fileURLWithPath: problem.file).lastPathComponent, progress: bar.update)
        bar.finish()
        print(try drawn.write(toPath: output))
    }
}
