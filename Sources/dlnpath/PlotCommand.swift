import ArgumentParser
import ExactArithmetic
import Foundation
import NumericFlow
import ProblemDefinition
import SVGPlot

/// `dlnpath plot FILE -o fig.svg`: the paper's Figure 1 (Berthier 2025) for any instance.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the paper's Figure 1 for a problem: lasso path, exact averaged limit and a numeric run (SVG).",
        discussion: """
        Upper panel: the lasso path x(κ) at κ = λwd + 1/s (thick, pale), the exact averaged \
        ε → 0 limit x̄₀(s) (dashed) and the numeric time average x̄_ε(s) of one floating-point \
        run (thin), one colour per coordinate (the 12 largest). Lower panel: the optimality gap \
        Lasso(x̄(s), κ) − Lasso*(κ) of the numeric run and of the exact limit (from the exact \
        verdict's gap polynomials). The exact intervals where the limit leaves the lasso path \
        (MATH §4) are shaded in both panels.

        The file is plain SVG 1.1 written by DLNPath's own writer; open it in a browser, or convert \
        it with rsvg-convert. Exit codes: 0 written; 2 bad input or the file cannot be written; \
        1 an exact computation failed its check.
        """
    )

    @OptionGroup var problem: ProblemOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Where to write the SVG.", valueName: "file"))
    var output: String

    @Option(name: .customLong("epsilon"), parsing: .unconditional,
            help: ArgumentHelp("The initialisation scale ε of the numeric run, in (0, 1).", valueName: "ε"))
    var epsilon = "1e-10"

    @Option(name: .customLong("s-max"), parsing: .unconditional,
            help: ArgumentHelp("Right end of the s axis (exact or decimal). Default: 1.5 × the last saddle or knot time.", valueName: "s"))
    var sMax: String?

    @Option(name: .customLong("samples"), parsing: .unconditional, help: ArgumentHelp("Sample times on the s axis.", valueName: "n"))
    var samples = 600

    @Option(help: ArgumentHelp("Figure title (default: the file name and the network).", valueName: "text"))
    var title: String?

    func run() throws {
        let list = try parseEpsilonList(epsilon, option: "--epsilon")
        guard list.count == 1 else { throw CLIFailure.badInput("--epsilon: plot draws one run; give one ε, not \(list.count)") }
        guard samples >= 2 else { throw CLIFailure.badInput("--samples must be at least 2, got \(samples)") }
        let horizon = try sMax.map { try parsePositiveValue($0, option: "--s-max") }
        let inputs = try FlowInputs(try problem.load())
        let p = inputs.problem
        let end = (horizon ?? inputs.defaultSMax).doubleValue

        // The exact divergence intervals, clipped to the drawn range.
        let intervals: [ClosedRange<Double>] = inputs.verdict.divergence.compactMap { d in
            let lower = d.from.doubleValue
            let upper = min(d.to?.doubleValue ?? end, end)
            return lower < end ? lower...upper : nil
        }
        let bar = DelayedProgressBar(label: "plot")
        var data: FigureOneData
        do {
            data = try FigureOneData.compute(inputs.dln, epsilon: list[0], exact: inputs.exact, lasso: inputs.lasso,
                                             sMax: end, samples: samples, divergenceIntervals: intervals,
                                             progress: bar.update)
        } catch let error as FlowError {
            bar.finish()
            throw error.cliFailure(context: "the numeric run")
        }
        bar.finish()
        // The limit's gap from the exact verdict rather than from the Double data.
        let curve = ExactGapCurve(inputs.verdict)
        let limitGap = data.gapTimes.map { curve.value(at: $0) }

        let network = p.variant == .signed ? "x = u∘v" : "x = u∘u"
        let name = URL(fileURLWithPath: problem.file).lastPathComponent
        let xLabel = p.weightDecay.isZero
            ? "rescaled time s   (lasso penalty κ = 1/s)"
            : "rescaled time s   (lasso penalty κ = \(p.weightDecay) + 1/s)"
        // Coordinates with identical curves (ties, duplicate columns) are drawn once: "x2 = x4".
        let groups = coincidentGroups(data)
        let keep = groups.map(\.[0])
        var figure = FigureOne.figure(FigureOne.Input(
            s: data.s, lassoPath: keep.map { data.lassoPath[$0] }, limitAverage: keep.map { data.limitAverage[$0] },
            numericAverage: keep.map { data.numericAverage[$0] },
            coordinateLabels: groups.map { $0.map { "x\(data.coordinates[$0] + 1)" }.joined(separator: " = ") }, gapTimes: data.gapTimes,
            numericGap: data.numericGap, limitGap: limitGap,
            divergenceIntervals: data.divergenceIntervals.map { $0[0]...$0[1] }, epsilonLabel: data.epsilon,
            title: title ?? "\(name): DLN \(network) vs the \(p.variant == .signed ? "" : "nonnegative ")lasso path\(p.weightDecay.isZero ? "" : ", λwd = \(p.weightDecay)")",
            xLabel: xLabel))
        placeLegends(&figure)
        do {
            try figure.write(to: output)
        } catch {
            throw CLIFailure.badInput("cannot write \(output): \(error.localizedDescription)")
        }
        let shaded = intervals.isEmpty
            ? "the limit follows the lasso path (nothing shaded)"
            : "shaded where the limit leaves the path: " + intervals.map { "[\(flowNumber($0.lowerBound)), \(flowNumber($0.upperBound))]" }.joined(separator: ", ")
        let drawn = data.coordinates.count < p.dimension ? " of \(p.dimension)" : ""
        print("wrote \(output): \(data.coordinates.count)\(drawn) coordinates, s ∈ [0, \(flowNumber(end))], ε = \(data.epsilon); \(shaded)")
    }
}

/// Groups of drawn coordinates (indices into `data.coordinates`) whose lasso path, exact limit
/// and numeric average agree to 1e-9 of the largest value: only the first of a group is drawn.
func coincidentGroups(_ data: FigureOneData) -> [[Int]] {
    let all = data.lassoPath + data.limitAverage + data.numericAverage
    let scale = all.joined().reduce(0) { max($0, abs($1)) }
    func same(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(scale, .leastNormalMagnitude) }
    }
    var groups: [[Int]] = []
    for k in data.coordinates.indices {
        if let g = groups.firstIndex(where: { group in
            let j = group[0]
            return same(data.lassoPath[j], data.lassoPath[k]) && same(data.limitAverage[j], data.limitAverage[k])
                && same(data.numericAverage[j], data.numericAverage[k])
        }) {
            groups[g].append(k)
        } else {
            groups.append([k])
        }
    }
    return groups
}

/// Puts each panel's legend where it hides no data: the corner whose box (estimated with the
/// renderer's geometry) covers the fewest sample points; if every corner covers some, the y
/// range gets headroom above the data for the legend (when that costs at most 40% of the panel).
func placeLegends(_ figure: inout Figure) {
    let plotWidth = figure.width - 78 - 24 // SVGRenderer's left and right margins
    var xLo = Double.infinity, xHi = -Double.infinity
    for panel in figure.panels { for series in panel.series { for x in series.xs where x.isFinite { xLo = min(xLo, x); xHi = max(xHi, x) } } }
    guard xLo < xHi else { return }
    for k in figure.panels.indices {
        var panel = figure.panels[k]
        guard panel.legend != .hidden, panel.yRange == nil else { continue }
        let plotHeight = figure.panelHeight * max(panel.heightWeight, 0.1)
        var labels = panel.series.filter { $0.inLegend }.compactMap(\.name)
        labels += Array(Set(panel.shaded.compactMap(\.label)))
        labels += panel.extraLegend.map(\.label)
        guard !labels.isEmpty else { continue }
        // Legend box in pixels (renderer: 6 px padding, 26 px swatch, 16 px rows, ~6.6 px a character, 8 px inset).
        let boxWidth = 18 + 26 + Double(labels.map(\.count).max() ?? 0) * 6.6 + 8
        let boxHeight = 12 + 16 * Double(labels.count) - 2 + 8
        var yLo = Double.infinity, yHi = -Double.infinity
        for series in panel.series { for (x, y) in zip(series.xs, series.ys) where x.isFinite && y.isFinite { yLo = min(yLo, y); yHi = max(yHi, y) } }
        guard yLo < yHi else { continue }
        let pad = 0.05 * (yHi - yLo)
        let lo = yLo - pad, hi = yHi + pad
        func covered(_ corner: LegendPosition, top: Double) -> Int {
            let right = corner == .topRight || corner == .bottomRight
            let upper = corner == .topRight || corner == .topLeft
            let fx = boxWidth / plotWidth, fy = boxHeight / plotHeight
            var count = 0
            for series in panel.series {
                for (x, y) in zip(series.xs, series.ys) where x.isFinite && y.isFinite {
                    let u = (x - xLo) / (xHi - xLo), v = (y - lo) / (top - lo)
                    if (right ? u >= 1 - fx : u <= fx) && (upper ? v >= 1 - fy : v <= fy) { count += 1 }
                }
            }
            return count
        }
        let corners: [LegendPosition] = [panel.legend] + [.topRight, .topLeft, .bottomRight, .bottomLeft].filter { $0 != panel.legend }
        let counts = corners.map { covered($0, top: hi) }
        let best = counts.indices.min { counts[$0] < counts[$1] }!
        if counts[best] == 0 {
            panel.legend = corners[best]
        } else {
            let fraction = boxHeight / plotHeight
            let top = corners.filter { $0 == .topRight || $0 == .topLeft }
            if fraction <= 0.4 {
                // Room above the data: the box's share of the new range stays free.
                let newHi = (yHi - fraction * lo) / (1 - fraction)
                panel.yRange = lo...newHi
                panel.legend = top.min { covered($0, top: newHi) < covered($1, top: newHi) } ?? .topRight
            } else {
                panel.legend = corners[best]
            }
        }
        figure.panels[k] = panel
    }
}
