/// Turns a `Figure` into SVG text. Layout constants are in px; every number goes through
/// `SVGNumber`, so output is deterministic.
struct SVGRenderer {
    let figure: Figure

    // Layout.
    static let marginLeft = 78.0, marginRight = 24.0
    static let titleSpace = 40.0, topSpace = 16.0
    static let panelTitleSpace = 22.0
    static let xAxisSpace = 48.0           // tick labels + axis label under each panel
    static let font = "Helvetica, Arial, sans-serif"

    private var out: [String] = []

    init(figure: Figure) { self.figure = figure }

    /// The union of finite x values (plus fixed ranges and shaded bands), per panel or shared.
    private func dataXRange(_ panel: Panel) -> (Double, Double) {
        if let r = panel.xRange { return (r.lowerBound, r.upperBound) }
        var lo = Double.infinity, hi = -Double.infinity
        for s in panel.series { for x in s.xs where x.isFinite { lo = min(lo, x); hi = max(hi, x) } }
        if lo > hi { return (0, 1) }
        if lo == hi { return (lo - 0.5, hi + 0.5) }
        return (lo, hi)
    }

    /// Data range padded by 5% on each side (ticks are placed at nice values inside it).
    private func dataYRange(_ panel: Panel) -> (Double, Double) {
        if let r = panel.yRange { return (r.lowerBound, r.upperBound) }
        var lo = Double.infinity, hi = -Double.infinity
        for s in panel.series {
            for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite { lo = min(lo, y); hi = max(hi, y) }
        }
        if lo > hi { return (0, 1) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad, hi + pad)
        }
        let pad = 0.05 * (hi - lo)
        return (lo - pad, hi + pad)
    }

    mutating func render() -> String {
        let f = figure
        let plotHeights = f.panels.map { f.panelHeight * max($0.heightWeight, 0.1) }
        var height = (f.title == nil ? Self.topSpace : Self.titleSpace)
        for (k, p) in f.panels.enumerated() {
            height += (p.title == nil ? 8 : Self.panelTitleSpace) + plotHeights[k] + Self.xAxisSpace
        }
        height += 8
        var shared: (Double, Double)? = nil
        if f.sharedX, !f.panels.isEmpty {
            let ranges = f.panels.map(dataXRange)
            shared = (ranges.map(\.0).min()!, ranges.map(\.1).max()!)
        }

        let w = SVGNumber.coordinate(f.width), h = SVGNumber.coordinate(height)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(Self.font)\" font-size=\"12\">")
        out.append("<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>")
        var top = Self.topSpace
        if let title = f.title {
            out.append("<text x=\"\(SVGNumber.coordinate(f.width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>")
            top = Self.titleSpace
        }
        for (k, panel) in f.panels.enumerated() {
            if panel.title != nil { top += Self.panelTitleSpace } else { top += 8 }
            let xr = shared ?? dataXRange(panel)
            renderPanel(panel, index: k, top: top, height: plotHeights[k], xRange: xr)
            top += plotHeights[k] + Self.xAxisSpace
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private mutating func renderPanel(_ panel: Panel, index: Int, top: Double, height: Double, xRange: (Double, Double)) {
        let left = Self.marginLeft
        let width = figure.width - Self.marginLeft - Self.marginRight
        let (x0, x1) = xRange
        let (y0, y1) = dataYRange(panel)
        let sx = { (x: Double) in left + (x - x0) / (x1 - x0) * width }
        let sy = { (y: Double) in top + (1 - (y - y0) / (y1 - y0)) * height }
        let c = SVGNumber.coordinate

        out.append("<g id=\"panel\(index)\">")
        out.append("<clipPath id=\"clip\(index)\"><rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(width))\" height=\"\(c(height))\"/></clipPath>")
        if let title = panel.title {
            out.append("<text x=\"\(c(left))\" y=\"\(c(top - 7))\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>")
        }
        // Shaded bands first (under the grid and curves).
        for band in panel.shaded {
            let a = max(band.lower, x0), b = min(band.upper, x1)
            guard b > a else { continue }
            out.append("<rect x=\"\(c(sx(a)))\" y=\"\(c(top))\" width=\"\(c(sx(b) - sx(a)))\" height=\"\(c(height))\" fill=\"\(band.color.svg)\" fill-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(band.opacity, decimals: 3)))\"/>")
        }
        // Grid and tick labels.
        let xt = NiceTicks.ticks(lower: x0, upper: x1, target: max(2, Int(width / 70)))
        let yt = NiceTicks.ticks(lower: y0, upper: y1, target: max(2, Int(height / 40)))
        var grid = ""
        for v in xt.values { grid += "M\(c(sx(v))) \(c(top))V\(c(top + height))" }
        for v in yt.values { grid += "M\(c(left)) \(c(sy(v)))H\(c(left + width))" }
        if !grid.isEmpty {
            out.append("<path d=\"\(grid)\" stroke=\"\(RGBColor.lightGray.svg)\" stroke-width=\"1\" fill=\"none\"/>")
        }
        // Zero line, if inside.
        if y0 < 0 && y1 > 0 {
            out.append("<path d=\"M\(c(left)) \(c(sy(0)))H\(c(left + width))\" stroke=\"#aaaaaa\" stroke-width=\"1\" fill=\"none\"/>")
        }
        for v in xt.values {
            out.append("<text x=\"\(c(sx(v)))\" y=\"\(c(top + height + 16))\" text-anchor=\"middle\">\(escape(SVGNumber.tick(v, step: xt.step)))</text>")
        }
        for v in yt.values {
            out.append("<text x=\"\(c(left - 6))\" y=\"\(c(sy(v) + 4))\" text-anchor=\"end\">\(escape(SVGNumber.tick(v, step: yt.step)))</text>")
        }
        // Curves, clipped to the plot area.
        out.append("<g clip-path=\"url(#clip\(index))\">")
        for s in panel.series {
            let d = pathData(s, sx: sx, sy: sy)
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
        if let xl = panel.xLabel {
            out.append("<text x=\"\(c(left + width / 2))\" y=\"\(c(top + height + 36))\" text-anchor=\"middle\" font-size=\"13\">\(escape(xl))</text>")
        }
        if let yl = panel.yLabel {
            let cx = 18.0, cy = top + height / 2
            out.append("<text x=\"\(c(cx))\" y=\"\(c(cy))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 \(c(cx)) \(c(cy)))\">\(escape(yl))</text>")
        }
        renderLegend(panel, left: left, top: top, width: width, height: height)
        out.append("</g>")
    }

    /// `M x y L x y …` (line) or `M x y H x V y …` (step), restarting after non-finite points.
    private func pathData(_ s: Series, sx: (Double) -> Double, sy: (Double) -> Double) -> String {
        let c = SVGNumber.coordinate
        var d = ""
        var pen = false
        for k in s.xs.indices {
            let x = s.xs[k], y = s.ys[k]
            guard x.isFinite, y.isFinite else { pen = false; continue }
            let px = sx(x), py = sy(y)
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

    private mutating func renderLegend(_ panel: Panel, left: Double, top: Double, width: Double, height: Double) {
        guard panel.legend != .hidden else { return }
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
        rows += panel.extraLegend
        guard !rows.isEmpty else { return }
        let c = SVGNumber.coordinate
        let rowHeight = 16.0, swatchWidth = 26.0, pad = 6.0
        // Text width estimate: 6.6 px per character at 12 px (no font metrics in SVG).
        let textWidth = rows.map { Double($0.label.count) * 6.6 }.max() ?? 0
        let boxWidth = pad * 3 + swatchWidth + textWidth
        let boxHeight = pad * 2 + rowHeight * Double(rows.count) - 2
        let bx: Double, by: Double
        switch panel.legend {
        case .topRight, .hidden: bx = left + width - boxWidth - 8; by = top + 8
        case .topLeft: bx = left + 8; by = top + 8
        case .bottomRight: bx = left + width - boxWidth - 8; by = top + height - boxHeight - 8
        case .bottomLeft: bx = left + 8; by = top + height - boxHeight - 8
        }
        out.append("<g class=\"legend\">")
        out.append("<rect x=\"\(c(bx))\" y=\"\(c(by))\" width=\"\(c(boxWidth))\" height=\"\(c(boxHeight))\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#999999\" stroke-width=\"0.8\"/>")
        for (k, row) in rows.enumerated() {
            let cy = by + pad + rowHeight * Double(k) + rowHeight / 2 - 1
            let sx0 = bx + pad, sx1 = bx + pad + swatchWidth
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
                out.append("<rect x=\"\(c(sx0))\" y=\"\(c(cy - 5))\" width=\"\(c(swatchWidth))\" height=\"10\" fill=\"\(row.color.svg)\" fill-opacity=\"\(SVGNumber.trimmed(SVGNumber.fixed(row.opacity, decimals: 3)))\"/>")
            }
            out.append("<text x=\"\(c(sx1 + pad))\" y=\"\(c(cy + 4))\">\(escape(row.label))</text>")
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
