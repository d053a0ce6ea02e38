/// A thin layout helper for the paper's Figure 1 (Berthier 2025, Fig. 1), from plain arrays so
/// that this module stays generic (the numbers come from `NumericFlow.FigureOneData`):
/// panel 1 = lasso path coordinates, exact averaged limit `x̄₀(s)` and numeric `x̄_ε(s)` against
/// s; panel 2 = the optimality gap of both; the s-intervals where the limit leaves the lasso path
/// are shaded in both. Legends sit outside the plot area with a key row for every coordinate;
/// the numeric curves do not set the vertical scale (a spike is clipped, not followed).
public enum FigureOne {
    public struct Input: Sendable, Equatable {
        public var s: [Double]
        /// `[coordinate][sample]`.
        public var lassoPath: [[Double]]
        public var limitAverage: [[Double]]
        public var numericAverage: [[Double]]
        public var coordinateLabels: [String]
        public var gapTimes: [Double]
        public var numericGap: [Double]
        public var limitGap: [Double]
        public var divergenceIntervals: [ClosedRange<Double>]
        public var epsilonLabel: String
        public var title: String?
        /// "s" axis caption, e.g. "s (κ = 1/s)".
        public var xLabel: String
        public var xScale: AxisScale
        /// Drawn s range; nil = the data's.
        public var xRange: ClosedRange<Double>?
        /// Legend text of the numeric average (default "numeric x̄_ε(s), ε = …").
        public var numericLabel: String?

        public init(s: [Double], lassoPath: [[Double]], limitAverage: [[Double]], numericAverage: [[Double]],
                    coordinateLabels: [String], gapTimes: [Double], numericGap: [Double], limitGap: [Double],
                    divergenceIntervals: [ClosedRange<Double>], epsilonLabel: String, title: String? = nil,
                    xLabel: String = "rescaled time s   (lasso penalty κ = 1/s)", xScale: AxisScale = .linear,
                    xRange: ClosedRange<Double>? = nil, numericLabel: String? = nil) {
            self.s = s; self.lassoPath = lassoPath; self.limitAverage = limitAverage
            self.numericAverage = numericAverage; self.coordinateLabels = coordinateLabels
            self.gapTimes = gapTimes; self.numericGap = numericGap; self.limitGap = limitGap
            self.divergenceIntervals = divergenceIntervals; self.epsilonLabel = epsilonLabel
            self.title = title; self.xLabel = xLabel; self.xScale = xScale; self.xRange = xRange
            self.numericLabel = numericLabel
        }
    }

    public static let shadeLabel = "averaged limit ≠ lasso path"

    public static func shading(_ input: Input) -> [ShadedInterval] {
        input.divergenceIntervals.map { ShadedInterval(lower: $0.lowerBound, upper: $0.upperBound, label: shadeLabel) }
    }

    /// The upper panel: every coordinate's lasso path (thick, pale), exact limit (dashed) and
    /// numeric average (thin), one colour each, with a style key and a coordinate key.
    public static func coordinatePanel(_ input: Input) -> Panel {
        var top: [Series] = []
        for k in input.lassoPath.indices {
            let color = RGBColor.cycle(k)
            top.append(Series(xs: input.s, ys: input.lassoPath[k], color: color, width: 4.5, opacity: 0.3))
            top.append(Series(xs: input.s, ys: input.limitAverage[k], color: color, dash: .dashed, width: 1.6))
            top.append(Series(xs: input.s, ys: input.numericAverage[k], color: color, width: 1.1, scalesAxis: false))
        }
        var legend = [
            LegendEntry(label: "lasso path x(κ)", color: .gray, width: 4.5, opacity: 0.3),
            LegendEntry(label: "exact limit x̄₀(s)", color: .gray, dash: .dashed, width: 1.6),
            LegendEntry(label: input.numericLabel ?? "numeric x̄_ε(s), ε = \(input.epsilonLabel)", color: .gray, width: 1.1),
        ]
        for (k, label) in input.coordinateLabels.enumerated() where k < input.lassoPath.count {
            legend.append(LegendEntry(label: label, color: RGBColor.cycle(k), width: 3))
        }
        return Panel(title: "Coordinates: lasso path, exact averaged DLN limit, \(input.numericLabel == nil ? "numeric flow" : "the run")",
                     xLabel: input.xLabel, yLabel: "coordinate value", series: top, shaded: shading(input),
                     xRange: input.xRange, heightWeight: 1.4, xScale: input.xScale, extraLegend: legend)
    }

    /// The two-panel figure.
    public static func figure(_ input: Input) -> Figure {
        let gap = [
            Series(name: "numeric, ε = \(input.epsilonLabel)", xs: input.gapTimes, ys: input.numericGap,
                   color: .black, width: 1.3, scalesAxis: false),
            Series(name: "exact limit", xs: input.gapTimes, ys: input.limitGap,
                   color: RGBColor(hex: 0xd55e00), dash: .dashed, width: 1.6),
        ]
        let lower = Panel(title: "Optimality gap  Lasso(x̄(s), κ) − Lasso*(κ)", xLabel: input.xLabel,
                          yLabel: "gap", series: gap, shaded: shading(input), xRange: input.xRange,
                          heightWeight: 0.8, xScale: input.xScale)
        return Figure(title: input.title, panels: [coordinatePanel(input), lower])
    }
}
