import Foundation

/// Turns a `Figure` into SVG text. Layout constants are in px; every number goes through
/// `SVGNumber`, so output is deterministic. Every text element's box is recorded (`boxes`)
/// with `TextMetrics`' estimate, and the layout keeps them apart: the left margin fits the
/// widest y tick label, x tick labels are thinned until they do not touch, and legends sit in
/// their own column right of the plot area.
struct SVGRenderer {
    let figure: Figure

    // Layout.
    static let marginRight = 24.0, yLabelColumn = 30.0, minMarginLeft = 56.0
    static let titleSpace = 40.0, topSpace = 16.0
    static let panelTitleSpace = 22.0
    static let xAxisSpace = 48.0           // tick labels + axis label under each panel
    static let legendGap = 14.0, legendRow = 16.0, legendSwatch = 26.0, legendPad = 6.0
    static let font = "Helvetica, Arial, sans-serif"

    private var out: [String] = []
    private(set) var boxes: [TextBox] = []

    init(figure: Figure) { self.figure = figure }

    /// The union of finite x values (positive ones on a log axis), per panel.
    private func dataXRange(_ panel: Panel) -> (Double, Double) {
        if let r = panel.xRange { return (r.lowerBound, r.upperBound) }
        var lo = Double.infinity, hi = -Double.infinity
        for s in panel.series { for x in s.xs where x.isFinite && (panel.xScale == .linear || x > 0) { lo = min(lo, x); hi = max(hi, x) } }
        if lo > hi { return panel.xScale == .log ? (1, 10) : (0, 1) }
        if lo == hi { return panel.xScale == .log ? (lo / 2, hi * 2) : (lo - 0.5, hi + 0.5) }
        return (lo, hi)
    }

    /// y range: every point of the scaling series and the 2nd–98th percentile of the others,
    /// inside the x range, padded by 5%.
    private func dataYRange(_ panel: Panel, xRange: (Double, Double)) -> (Double, Double) {
        if let r = panel.yRange { return (r.lowerBound, r.upperBound) }
        var lo = Double.infinity, hi = -Double.infinity
        for s in panel.series {
            let ys = zip(s.xs, s.ys).filter { x, y in x.isFinite && y.isFinite && x >= xRange.0 && x <= xRange.1 }.map(\.1)
            guard !ys.isEmpty else { continue }
            if s.scalesAxis {
                lo = min(lo, ys.min()!); hi = max(hi, ys.max()!)
            } else {
                let sorted = ys.sorted()
                let a = sorted[Int(0.02 * Double(sorted.count - 1))], b = sorted[Int((0.98 * Double(sorted.count - 1)).rounded(.up))]
                lo = min(lo, a); hi = max(hi, b)
            }
        }
        if lo > hi { return (0, 1) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad, hi + pad)
        }
        let pad = 0.05 * (hi - lo)
        return (lo - pad, hi + pad)
    }

    /// Legend rows of a panel: named series, distinct shaded labels, extra entries.
    private func legendRows(_ panel: Panel) -> [LegendEntry] {
        guard panel.legend != .hidden else { return [] }
        var rows: [LegendEntry] = []
        for s in panel.series where s.inLegend {
            if let name = s.name {
                rows.append(LegendEntry(label: name, color: s.color, dash: s.dash, width: s.width, swatch: .line, opacity: s.opacity))
            }
        }
        var seen = Set<String>()
        for band in panel.shaded {
            if let label = band.label, !seen.contains(label) {
                seen.insert(label)
                rows.append(LegendEntry(label: label, color: band.color, swatch: .box, opacity: band.opacity))
            }
        }
        return rows + panel.extraLegend
    }

    private struct PanelLayout {
        var xRange: (Double, Double)
        var yRange: (Double, Double)
        var yTicks: (values: [Double], step: Double)
        var height: Double
        var legend: [LegendEntry]
        var legendColumns = 1
        var legendColumnWidth = 0.0
    }

    private static func legendColumnWidth(_ rows: [LegendEntry]) -> Double {
        legendPad * 3 + legendSwatch + (rows.map { TextMetrics.width($0.label, fontSize: 12) }.max() ?? 0)
    }

    mutating func render() -> String {
        let f = figure
        var shared: (Double, Double)? = nil
        if f.sharedX, !f.panels.isEmpty {
            let ranges = f.panels.map(dataXRange)
            shared = (ranges.map(\.0).min()!, ranges.map(\.1).max()!)
        }
        var layouts: [PanelLayout] = f.panels.map { p in
            let xr = shared ?? dataXRange(p)
            let yr = dataYRange(p, xRange: xr)
            let h = f.panelHeight * max(p.heightWeight, 0.1)
            return PanelLayout(xRange: xr, yRange: yr, yTicks: NiceTicks.ticks(lower: yr.0, upper: yr.1, target: max(2, Int(h / 40))),
                               height: h, legend: legendRows(p))
        }
        // Left margin: the widest y tick label, the gap, the rotated y label's column.
        var widest = 0.0
        for l in layouts { for v in l.yTicks.values { widest = max(widest, TextMetrics.width(SVGNumber.tick(v, step: l.yTicks.step), fontSize: 12)) } }
        let marginLeft = max(Self.minMarginLeft, (Self.yLabelColumn + widest + 8).rounded(.up))
        // Outside legends: as many columns as the rows need within the panel's band.
        var legendWidth = 0.0
        for k in layouts.indices where f.panels[k].legend == .outside && !layouts[k].legend.isEmpty {
            let available = layouts[k].height + Self.xAxisSpace - 8
            let perColumn = max(1, Int((available - 2 * Self.legendPad) / Self.legendRow))
            layouts[k].legendColumns = (layouts[k].legend.count + perColumn - 1) / perColumn
            layouts[k].legendColumnWidth = Self.legendColumnWidth(layouts[k].legend)
            legendWidth = max(legendWidth, Self.legendGap + Double(layouts[k].legendColumns) * layouts[k].legendColumnWidth)
        }
        let totalWidth = f.width + legendWidth
        var height = (f.title == nil ? Self.topSpace : Self.titleSpace)
        for (k, p) in f.panels.enumerated() {
            height += (p.title == nil ? 8 : Self.panelTitleSpace) + layouts[k].height + Self.xAxisSpace
        }
        height += 8

        let w = SVGNumber.coordinate(totalWidth), h = SVGNumber.coordinate(height)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(Self.font)\" font-size=\"12\">")
        out.append("<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>")
        var top = Self.topSpace
        if let title = f.title {
            text(title, x: totalWidth / 2, y: 26, anchor: "middle", size: 16, bold: true)
            top = Self.titleSpace
        }
        for (k, panel) in f.panels.enumerated() {
            if panel.title != nil { top += Self.panelTitleSpace } else { top += 8 }
            renderPanel(panel, index: k, layout: layouts[k], left: marginLeft, top: top)
            top += layouts[k].height + Self.xAxisSpace
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// Emits a `<text>` and records its box.
    private mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                               bold: Bool = false, rotated: Bool = false) {
        let c = SVGNumber.coordinate
        var attrs = "x=\"\(c(x))\" y=\"\(c(y))\""
        if anchor != "start" { attrs += " text-anchor=\"\(anchor)\"" }
        if size != 12 { attrs += " font-size=\"\(SVGNumber.trimmed(SVGNumber.fixed(size, decimals: 1)))\"" }
        if bold { attrs += " font-weight=\"bold\"" }
        if rotated { attrs += " transform=\"rotate(-90 \(c(x)) \(c(y)))\"" }
        out.append("<text \(attrs)>\(escape(s))</text>")
        boxes.append(TextBox(s, x: x, y: y, fontSize: size, anchor: anchor, bold: bold, rotated: rotated))
    }

    private mutating func renderPanel(_ panel: Panel, index: Int, layout: PanelLayout, left: Double, top: Double) {
        let width = figure.width - left - Self.marginRight
        let height = layout.height
        let (x0, x1) = layout.xRange
        let (y0, y1) = layout.yRange
        let log = panel.xScale == .log && x0 > 0 && x1 > x0
        let (l0, l1) = log ? (log10(x0), log10(x1)) : (x0, x1)
        let sx = { (x: Double) -> Double in left + ((log ? log10(x) : x) - l0) / (l1 - l0) * width }
        let sy = { (y: Double) in top + (1 - (y - y0) / (y1 - y0)) * height }
        let c = SVGNumber.coordinate

        out.append("<g id=\"panel\(index)\">")
        out.append("<clipPath id=\"clip\(index)\"><rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(width))\" height=\"\(c(height))\"/></clipPath>")
        if let title = panel.title { text(title, x: left, y: top - 7, size: 13, bold: true) }
        // Shaded bands first (under the grid and curves).
        for band in panel.shaded {
            let a = max(band.lower, x0), b = min(band.upper, x1)
            guard b > a else { continue }
            out.append("<rect x=\"\(c(sx(a)))\" y=\"\(c(top))\" width=\"\(c(sx(b) - sx(a)))\" height=\"\(c(height))\" fill=\"\(band.color.svg)\" fill-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(band.opacity, decimals: 3)))\"/>")
        }
        // Grid and tick labels; x labels thinned until neighbours keep 6 px apart.
        var xt: [(value: Double, label: String)]
        if log {
            xt = LogTicks.ticks(lower: x0, upper: x1).map { ($0, SVGNumber.logTick($0)) }
        } else {
            let t = NiceTicks.ticks(lower: x0, upper: x1, target: max(2, Int(width / 70)))
            xt = t.values.map { ($0, SVGNumber.tick($0, step: t.step)) }
        }
        var stride = 1
        func fits(_ every: Int) -> Bool {
            let kept = xt.enumerated().filter { $0.offset % every == 0 }.map(\.element)
            let spans = kept.map { t -> (Double, Double) in
                let w = TextMetrics.width(t.label, fontSize: 12)
                return (sx(t.value) - w / 2, sx(t.value) + w / 2)
            }
            return zip(spans, spans.dropFirst()).allSatisfy { $0.1 + 6 <= $1.0 }
        }
        while stride < xt.count, !fits(stride) { stride += 1 }
        let yt = layout.yTicks
        var grid = ""
        for t in xt { grid += "M\(c(sx(t.value))) \(c(top))V\(c(top + height))" }
        for v in yt.values { grid += "M\(c(left)) \(c(sy(v)))H\(c(left + width))" }
        if !grid.isEmpty {
            out.append("<path d=\"\(grid)\" stroke=\"\(RGBColor.lightGray.svg)\" stroke-width=\"1\" fill=\"none\"/>")
        }
        // Zero line, if inside.
        if y0 < 0 && y1 > 0 {
            out.append("<path d=\"M\(c(left)) \(c(sy(0)))H\(c(left + width))\" stroke=\"#aaaaaa\" stroke-width=\"1\" fill=\"none\"/>")
        }
        for (k, t) in xt.enumerated() where k % stride == 0 {
            text(t.label, x: sx(t.value), y: top + height + 16, anchor: "middle")
        }
        for v in yt.values {
            text(SVGNumber.tick(v, step: yt.step), x: left - 6, y: sy(v) + 4, anchor: "end")
        }
        // Curves, clipped to the plot area.
        out.append("<g clip-path=\"url(#clip\(index))\">")
        for s in panel.series {
            let d = pathData(s, sx: sx, sy: sy, log: log)
            guard !d.isEmpty else { continue }
            var attrs = "fill=\"none\" stroke=\"\(s.color.svg)\" stroke-width=\"\(c(s.width))\" stroke-linejoin=\"round\""
            if let dash = s.dash.dashArray(width: s.width) {
                attrs += " stroke-dasharray=\"\(dash)\""
                if s.dash == .dotted || s.dash == .dashDot { attrs += " stroke-linecap=\"round\"" }
            }
            if s.opacity < 1 { attrs += " stroke-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(s.opacity, decimals: 3)))\"" }
            out.append("<path d=\"\(d)\" \(attrs)/>")
        }
        out.append("</g>")
        // Frame.
        out.append("<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>")
        // Axis labels.
        if let xl = panel.xLabel { text(xl, x: left + width / 2, y: top + height + 36, anchor: "middle", size: 13) }
        if let yl = panel.yLabel { text(yl, x: 18, y: top + height / 2, anchor: "middle", size: 13, rotated: true) }
        renderLegend(panel, layout: layout, left: left, top: top, width: width, height: height)
        out.append("</g>")
    }

    /// `M x y L x y …` (line) or `M x y H x V y …` (step), restarting after non-finite points
    /// (and after x ≤ 0 on a log axis).
    private func pathData(_ s: Series, sx: (Double) -> Double, sy: (Double) -> Double, log: Bool) -> String {
        let c = SVGNumber.coordinate
        var d = ""
        var pen = false
        for k in s.xs.indices {
            let x = s.xs[k], y = s.ys[k]
            guard x.isFinite, y.isFinite, !log || x > 0 else { pen = false; continue }
            // Far outside the plot, clamp (the clip path hides it) so numbers stay short.
            let px = sx(x), py = min(max(sy(y), -1e5), 1e5)
            if !pen {
                d += "M\(c(px)) \(c(py))"
                pen = true
            } else if s.kind == .step {
                d += "H\(c(px))V\(c(py))"
            } else {
                d += "L\(c(px)) \(c(py))"
            }
        }
        return d
    }

    private mutating func renderLegend(_ panel: Panel, layout: PanelLayout, left: Double, top: Double, width: Double, height: Double) {
        let rows = layout.legend
        guard !rows.isEmpty else { return }
        let c = SVGNumber.coordinate
        let pad = Self.legendPad, rowHeight = Self.legendRow
        let columnWidth = layout.legendColumnWidth > 0 ? layout.legendColumnWidth : Self.legendColumnWidth(rows)
        let columns = max(1, layout.legendColumns)
        let perColumn = (rows.count + columns - 1) / columns
        let boxWidth = columnWidth * Double(columns)
        let boxHeight = pad * 2 + rowHeight * Double(perColumn) - 2
        let bx: Double, by: Double
        switch panel.legend {
        case .outside, .hidden: bx = left + width + Self.legendGap; by = top
        case .topRight: bx = left + width - boxWidth - 8; by = top + 8
        case .topLeft: bx = left + 8; by = top + 8
        case .bottomRight: bx = left + width - boxWidth - 8; by = top + height - boxHeight - 8
        case .bottomLeft: bx = left + 8; by = top + height - boxHeight - 8
        }
        out.append("<g class=\"legend\">")
        out.append("<rect x=\"\(c(bx))\" y=\"\(c(by))\" width=\"\(c(boxWidth))\" height=\"\(c(boxHeight))\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#999999\" stroke-width=\"0.8\"/>")
        for (k, row) in rows.enumerated() {
            let column = Double(k / perColumn), line = Double(k % perColumn)
            let cy = by + pad + rowHeight * line + rowHeight / 2 - 1
            let sx0 = bx + column * columnWidth + pad, sx1 = sx0 + Self.legendSwatch
            switch row.swatch {
            case .line:
                var attrs = "stroke=\"\(row.color.svg)\" stroke-width=\"\(c(row.width))\""
                if let dash = row.dash.dashArray(width: row.width) {
                    attrs += " stroke-dasharray=\"\(dash)\""
                    if row.dash == .dotted || row.dash == .dashDot { attrs += " stroke-linecap=\"round\"" }
                }
                if row.opacity < 1 { attrs += " stroke-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(row.opacity, decimals: 3)))\"" }
                out.append("<path d=\"M\(c(sx0)) \(c(cy))H\(c(sx1))\" \(attrs)/>")
            case .box:
                out.append("<rect x=\"\(c(sx0))\" y=\"\(c(cy - 5))\" width=\"\(c(Self.legendSwatch))\" height=\"10\" fill=\"\(row.color.svg)\" fill-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(row.opacity, decimals: 3)))\"/>")
            }
            text(row.label, x: sx1 + pad, y: cy + 4)
        }
        out.append("</g>")
    }

    /// XML text escaping.
    func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&apos;"
            default: r.append(ch)
            }
        }
        return r
    }
}
