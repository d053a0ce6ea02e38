/// One curve in a panel.
public struct Series: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Straight segments between consecutive points.
        case line
        /// Piecewise constant: `ys[k]` holds on `[xs[k], xs[k+1])` (a "post" step).
        case step
    }

    public var name: String?
    public var xs: [Double]
    public var ys: [Double]
    public var kind: Kind
    public var color: RGBColor
    public var dash: DashStyle
    public var width: Double
    public var opacity: Double
    /// Whether a named series gets a legend row.
    public var inLegend: Bool
    /// Whether every point sets the y range. When false only the 2nd–98th percentile of its
    /// values does (a numeric spike is clipped instead of squashing the other curves).
    public var scalesAxis: Bool

    /// Points with a non-finite coordinate break the curve (nothing is drawn across them).
    public init(name: String? = nil, xs: [Double], ys: [Double], kind: Kind = .line,
                color: RGBColor = .black, dash: DashStyle = .solid, width: Double = 1.5,
                opacity: Double = 1, inLegend: Bool = true, scalesAxis: Bool = true) {
        precondition(xs.count == ys.count, "Series: xs and ys must have equal length")
        self.name = name; self.xs = xs; self.ys = ys; self.kind = kind
        self.color = color; self.dash = dash; self.width = width; self.opacity = opacity
        self.inLegend = inLegend
        self.scalesAxis = scalesAxis
    }
}

/// A shaded vertical band `lower ≤ x ≤ upper` spanning the panel's height.
public struct ShadedInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var color: RGBColor
    public var opacity: Double
    /// Legend text (one row per distinct label).
    public var label: String?

    public init(lower: Double, upper: Double, color: RGBColor = RGBColor(hex: 0x8c8c8c),
                opacity: Double = 0.2, label: String? = nil) {
        self.lower = min(lower, upper); self.upper = max(lower, upper)
        self.color = color; self.opacity = opacity; self.label = label
    }
}

/// An extra legend row not tied to a series (e.g. "dashed = exact limit").
public struct LegendEntry: Sendable, Equatable {
    public enum Swatch: Sendable, Equatable { case line, box }
    public var label: String
    public var color: RGBColor
    public var dash: DashStyle
    public var width: Double
    public var swatch: Swatch
    public var opacity: Double

    public init(label: String, color: RGBColor = .black, dash: DashStyle = .solid, width: Double = 1.5,
                swatch: Swatch = .line, opacity: Double = 1) {
        self.label = label; self.color = color; self.dash = dash; self.width = width
        self.swatch = swatch; self.opacity = opacity
    }
}
