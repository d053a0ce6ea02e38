import Foundation

/// Where a panel's legend box goes.
public enum LegendPosition: Sendable, Equatable {
    case topRight, topLeft, bottomRight, bottomLeft, hidden
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
    /// Rows appended to the legend after the named series and shaded bands.
    public var extraLegend: [LegendEntry]

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                series: [Series] = [], shaded: [ShadedInterval] = [],
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                heightWeight: Double = 1, legend: LegendPosition = .topRight,
                extraLegend: [LegendEntry] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.series = series; self.shaded = shaded; self.xRange = xRange; self.yRange = yRange
        self.heightWeight = heightWeight; self.legend = legend; self.extraLegend = extraLegend
    }
}

/// A figure: a title over one or more vertically stacked panels.
public struct Figure: Sendable, Equatable {
    public var title: String?
    public var panels: [Panel]
    /// Total width in px.
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

    /// Writes the SVG document (UTF-8).
    public func write(to path: String) throws {
        try Data(svg().utf8).write(to: URL(fileURLWithPath: path))
    }
}
