import DataFormats
import ExactArithmetic
import Foundation
import NumericFlow
import LimitVerdict
import SaddleToSaddle
import SVGPlot

/// `plot`'s figure (the paper's Figure 1 for any instance) and the check-run figure, built from
/// the exact reference and a floating-point run (docs/math.md §2–4).
public enum FlowFigure {
    /// How the s axis is drawn; `auto` is logarithmic when the saddle and knot times span more
    /// than a factor `autoLogRatio`, so early jumps are not squeezed into a corner.
    public enum Axis: String, Sendable, CaseIterable { case auto, linear, log }
    public static let autoLogRatio = 30.0

    public struct Drawn: Sendable {
        public let figure: Figure
        public let coordinates: Int
        public let dimension: Int
        public let sRange: ClosedRange<Double>
        public let scale: AxisScale
        public let shaded: [ClosedRange<Double>]
        public let epsilon: String

        /// Writes the figure to `path` as SVG and returns the line that says so (`plot`,
        /// `check-run --plot`): "wrote PATH: " and `drawnText`. A failure is one
        /// `DataFormatError` line naming the file and why.
        public func write(toPath path: String) throws -> String {
            try writeTextFile(figure.svg(), toPath: path)
            return NumberFormat.summaryLayout.wrap("wrote \(path): " + drawnText(self))
        }
    }

    /// The left end of a log-s axis: a third of the first saddle or knot time.
    static func logStart(_ reference: FlowReference, sMax: Double) -> Double {
        let first = reference.firstEventTime?.doubleValue ?? sMax / 100
        return min(first / 3, sMax / 10)
    }

    static func resolve(_ axis: Axis, _ reference: FlowReference, sMax: Double) -> AxisScale {
        switch axis {
        case .linear: return .linear
        case .log: return .log
        case .auto:
            guard let first = reference.firstEventTime?.doubleValue, first > 0 else { return .linear }
            return sMax / first > autoLogRatio ? .log : .linear
        }
    }

    /// Refuses a sample count outside 2…`FigureOneData.maxSamples` (checked before any work).
    public static func checkSamples(_ samples: Int) throws(RunCheckError) {
        guard (2...FigureOneData.maxSamples).contains(samples) else {
            throw .badInput("--samples must be between 2 and \(FigureOneData.maxSamples), got \(samples)")
        }
    }

    /// `plot`: one numeric run at ε against the exact limit and path up to `sMax`.
    public static func plot(_ reference: FlowReference, epsilon: FlowEpsilon, sMax: Rational? = nil, samples: Int = 600,
                            axis: Axis = .auto, title: String? = nil, fileName: String,
                            progress: ((Double) -> Void)? = nil) throws(RunCheckError) -> Drawn {
        try checkSamples(samples)
        let end = try reference.horizon(sMax)
        let scale = resolve(axis, reference, sMax: end)
        let start = scale == .log ? logStart(reference, sMax: end) : nil
        let intervals = reference.divergenceIntervals(upTo: end)
        var data: FigureOneData
        do {
            data = try FigureOneData.compute(reference.dln, epsilon: epsilon, exact: reference.exact, lasso: reference.lasso,
                                             sMax: end, samples: samples, divergenceIntervals: intervals,
                                             logSpacedFrom: start, progress: progress)
        } catch let error as FlowError {
            throw RunCheckError(error, context: "the numeric run")
        } catch {
            throw .failed("the numeric run: \(error)")
        }
        // The limit's gap from the exact verdict rather than from the Double data.
        let curve = GapCurve(reference.verdict)
        let limitGap = data.gapTimes.map { curve.value(at: $0) }
        let groups = coincidentGroups(data.lassoPath, data.limitAverage, data.numericAverage)
        let keep = groups.map(\.[0])
        let p = reference.problem
        let network = p.variant == .signed ? "x = u∘v" : "x = u∘u"
        let input = FigureOne.Input(
            s: data.s, lassoPath: keep.map { data.lassoPath[$0] }, limitAverage: keep.map { data.limitAverage[$0] },
            numericAverage: keep.map { data.numericAverage[$0] },
            coordinateLabels: groups.map { $0.map { "x\(data.coordinates[$0] + 1)" }.joined(separator: " = ") },
            gapTimes: data.gapTimes, numericGap: data.numericGap, limitGap: limitGap,
            divergenceIntervals: intervals, epsilonLabel: data.epsilon,
            title: title ?? "\(fileName): DLN \(network) vs the \(p.variant == .signed ? "" : "nonnegative ")lasso path\(p.weightDecay.isZero ? "" : ", λwd = \(p.weightDecay)")",
            xLabel: xLabel(reference, scale: scale), xScale: scale, xRange: (start ?? 0)...end)
        return Drawn(figure: FigureOne.figure(input), coordinates: data.coordinates.count, dimension: p.dimension,
                     sRange: (start ?? 0)...end, scale: scale, shaded: intervals, epsilon: data.epsilon)
    }

    /// The check-run figure: the run's average, the exact limit and the lasso path against s
    /// (divergence intervals shaded), and below, the three deviations per sample time.
    public static func run(_ report: RunCheckReport, reference: FlowReference, axis: Axis = .auto,
                           title: String? = nil, maxCoordinates: Int = 36) -> Drawn {
        let series = report.series
        let end = report.sRange.1
        let scale = resolve(axis, reference, sMax: end)
        let start = scale == .log ? max(series.s.first ?? 0, min(logStart(reference, sMax: end), end / 10)) : 0
        let d = reference.problem.dimension
        let column = { (rows: [[Double]], i: Int) in rows.map { $0[i] } }
        // Coordinates worth drawing: nonzero somewhere on the path or the limit, largest first.
        var peak = [Double](repeating: 0, count: d)
        for k in series.s.indices { for i in 0..<d { peak[i] = max(peak[i], abs(series.lassoPath[k][i]), abs(series.limitAverage[k][i]), abs(series.runAverage[k][i])) } }
        let top = max(peak.max() ?? 0, 1e-300)
        let chosen = (0..<d).filter { peak[$0] > 1e-12 * top }.sorted { peak[$0] > peak[$1] }.prefix(maxCoordinates).sorted()
        let lasso = chosen.map { column(series.lassoPath, $0) }, limit = chosen.map { column(series.limitAverage, $0) }
        let average = chosen.map { column(series.runAverage, $0) }
        let groups = coincidentGroups(lasso, limit, average)
        let intervals = reference.divergenceIntervals(upTo: end)
        let input = FigureOne.Input(
            s: series.s, lassoPath: groups.map { lasso[$0[0]] }, limitAverage: groups.map { limit[$0[0]] },
            numericAverage: groups.map { average[$0[0]] },
            coordinateLabels: groups.map { $0.map { "x\(chosen[$0] + 1)" }.joined(separator: " = ") },
            gapTimes: [], numericGap: [], limitGap: [], divergenceIntervals: intervals, epsilonLabel: report.epsilon,
            title: title ?? "\((report.file as NSString).lastPathComponent): the run (ε = \(report.epsilon)) against the exact limit — \(report.verdict.rawValue)",
            xLabel: xLabel(reference, scale: scale), xScale: scale, xRange: start...end,
            numericLabel: "the run's average x̄(s)")
        let deviations = Panel(
            title: "Deviations  ‖x̄_run(s) − ·‖∞", xLabel: input.xLabel, yLabel: "deviation",
            series: [
                Series(name: "from the tool's own run (runDeviation)", xs: series.s, ys: series.runDeviation, color: RGBColor.cycle(0), width: 1.4),
                Series(name: "from the exact limit (limitDeviation)", xs: series.s, ys: series.limitDeviation, color: RGBColor.cycle(1), dash: .dashed, width: 1.4),
                Series(name: "from the lasso path (lassoDeviation)", xs: series.s, ys: series.lassoDeviation, color: RGBColor.cycle(2), dash: .dotted, width: 1.8),
            ],
            shaded: FigureOne.shading(input), xRange: start...end, heightWeight: 0.8, xScale: scale)
        return Drawn(figure: Figure(title: input.title, panels: [FigureOne.coordinatePanel(input), deviations]),
                     coordinates: chosen.count, dimension: d, sRange: start...end, scale: scale, shaded: intervals,
                     epsilon: report.epsilon)
    }

    static func xLabel(_ reference: FlowReference, scale: AxisScale) -> String {
        let lambda = reference.problem.weightDecay
        let axis = scale == .log ? "rescaled time s (log scale)" : "rescaled time s"
        return lambda.isZero ? "\(axis)   (lasso penalty κ = 1/s)" : "\(axis)   (lasso penalty κ = \(lambda) + 1/s)"
    }

    /// Groups of coordinates whose three curves agree to 1e-9 of the largest value (ties,
    /// duplicate columns): only the first of a group is drawn, labelled "x1 = x3".
    static func coincidentGroups(_ a: [[Double]], _ b: [[Double]], _ c: [[Double]]) -> [[Int]] {
        let scale = (a + b + c).joined().reduce(0) { max($0, abs($1)) }
        func same(_ p: [Double], _ q: [Double]) -> Bool {
            zip(p, q).allSatisfy { abs($0 - $1) <= 1e-9 * max(scale, .leastNormalMagnitude) }
        }
        var groups: [[Int]] = []
        for k in a.indices {
            if let g = groups.firstIndex(where: { group in
                let j = group[0]
                return same(a[j], a[k]) && same(b[j], b[k]) && same(c[j], c[k])
            }) {
                groups[g].append(k)
            } else {
                groups.append([k])
            }
        }
        return groups
    }
}
