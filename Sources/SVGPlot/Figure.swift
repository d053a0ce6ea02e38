import Foundation

/// Where a panel's legend box goes: `outside` (default) in a column right of the plot area,
/// where it hides no data, in as many sub-columns as the rows need; or inside a corner.
public enum LegendPosition: Sendable, Equatable {
    case outside, topRight, topLeft, bottomRight, bottomLeft, hidden
}

/// How the x axis maps values: linear, or logarithmic (values ≤ 0 are not drawn).
public enum AxisScale: Sendable, Equatable {
    case linear, log
}

/// One plot area with its own y axis.
public struct Panel: Sendable, Equatable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [Series]
    public var shaded: [ShadedInterval]
    /// Fixed x range; `nil` = from the data (or the figure's shared range).
    public var xRange: ClosedRange<Double>?
    /// Fixed y range; `nil` = from the data, widened to nice ticks.
    public var yRange: ClosedRange<Double>?
    /// Share of the figure's plotting height relative to the other panels.
    public var heightWeight: Double
    public var legend: LegendPosition
    public var xScale: AxisScale
    /// Rows appended to the legend after the named series and shaded bands.
    public var extraLegend: [LegendEntry]

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                series: [Series] = [], shaded: [ShadedInterval] = [],
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                heightWeight: Double = 1, legend: LegendPosition = .outside, xScale: AxisScale = .linear,
                extraLegend: [LegendEntry] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.series = series; self.shaded = shaded; self.xRange = xRange; self.yRange = yRange
        self.heightWeight = heightWeight; self.legend = legend; self.xScale = xScale
        self.extraLegend = extraLegend
    }
}

/// A figure: a title over one or more vertically stacked panels.
public struct Figure: Sendable, Equatable {
    public var title: String?
    public var panels: [Panel]
    /// Width in px of the plotting column (margins and plot area); an outside legend adds its
    /// own column to the right.
    public var width: Double
    /// Plotting height (without margins) of a panel of weight 1, in px.
    public var panelHeight: Double
    /// When true every panel uses the union x range (stacked panels line up).
    public var sharedX: Bool

    public init(title: String? = nil, panels: [Panel], width: Double = 800, panelHeight: Double = 260,
                sharedX: Bool = true) {
        self.title = title; self.panels = panels; self.width = width
        self.panelHeight = panelHeight; self.sharedX = sharedX
    }

    /// The SVG document.
    public func svg() -> String {
        var renderer = SVGRenderer(figure: self)
        return renderer.render()
    }

    /// Every text element's estimated box, as laid out by `svg()` (see `TextMetrics`).
    public func textBoxes() -> [TextBox] {
        var renderer = SVGRenderer(figure: self)
        _ = renderer.render()
        return renderer.boxes
    }

    /// Pairs of text boxes that overlap (empty for a readable figure).
    public func overlappingText() -> [(TextBox, TextBox)] {
        let boxes = textBoxes()
        var result: [(TextBox, TextBox)] = []
        for i in boxes.indices {
            for j in (i + 1)..<boxes.count where boxes[i].overlaps(boxes[j]) { result.append((boxes[i], boxes[j])) }
        }
        return result
    }

    /// Writes the SVG document (UTF-8).
    public func write(to path: String) throws {
        try Data(svg().utf8).write(to: URL(fileURLWithPath: path))
    }
}
