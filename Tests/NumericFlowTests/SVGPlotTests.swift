import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NumericFlow
import SVGPlot

/// Parses an SVG string as XML and counts elements by name.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
    }
    static func parse(_ text: String) -> (ok: Bool, counts: [String: Int]) {
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        let ok = parser.parse()
        return (ok, counter.counts)
    }
}

@Suite("SVGPlot")
struct SVGPlotTests {
    static func tinyFigure() -> Figure {
        Figure(title: "Tiny & <plot>", panels: [
            Panel(title: "panel", xLabel: "s", yLabel: "value",
                  series: [
                    Series(name: "line", xs: [0, 1, 2, 3], ys: [0, 1, 0.5, .nan], color: RGBColor.cycle(0)),
                    Series(name: "step", xs: [0, 1.5, 3], ys: [0.25, 0.75, 0.75], kind: .step,
                           color: RGBColor.cycle(1), dash: .dashed),
                  ],
                  shaded: [ShadedInterval(lower: 1, upper: 2, label: "band")]),
        ], width: 320, panelHeight: 120)
    }

    /// Byte-for-byte output of `tinyFigure()` (checked visually with rsvg-convert: legend right of
    /// the plot area, left margin fitted to the tick labels),
    /// without the final newline (a multi-line literal drops it). If a deliberate layout change
    /// breaks this, re-render, look at the result, and paste the new text.
    static let golden = #"""
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="408.69" height="238" viewBox="0 0 408.69 238" font-family="Helvetica, Arial, sans-serif" font-size="12">
<rect x="0" y="0" width="408.69" height="238" fill="#ffffff"/>
<text x="204.35" y="26" text-anchor="middle" font-size="16" font-weight="bold">Tiny &amp; &lt;plot&gt;</text>
<g id="panel0">
<clipPath id="clip0"><rect x="58" y="62" width="238" height="120"/></clipPath>
<text x="58" y="55" font-size="13" font-weight="bold">panel</text>
<rect x="137.33" y="62" width="79.33" height="120" fill="#8c8c8c" fill-opacity="0.2"/>
<path d="M58 62V182M137.33 62V182M216.67 62V182M296 62V182M58 176.55H296M58 122H296M58 67.45H296" stroke="#dddddd" stroke-width="1" fill="none"/>
<path d="M58 176.55H296" stroke="#aaaaaa" stroke-width="1" fill="none"/>
<text x="58" y="198" text-anchor="middle">0</text>
<text x="137.33" y="198" text-anchor="middle">1</text>
<text x="216.67" y="198" text-anchor="middle">2</text>
<text x="296" y="198" text-anchor="middle">3</text>
<text x="52" y="180.55" text-anchor="end">0.0</text>
<text x="52" y="126" text-anchor="end">0.5</text>
<text x="52" y="71.45" text-anchor="end">1.0</text>
<g clip-path="url(#clip0)">
<path d="M58 176.55L137.33 67.45L216.67 122" fill="none" stroke="#0072b2" stroke-width="1.5" stroke-linejoin="round"/>
<path d="M58 149.27H177V94.73H296V94.73" fill="none" stroke="#d55e00" stroke-width="1.5" stroke-linejoin="round" stroke-dasharray="9 6"/>
</g>
<rect x="58" y="62" width="238" height="120" fill="none" stroke="#333333" stroke-width="1"/>
<text x="177" y="218" text-anchor="middle" font-size="13">s</text>
<text x="18" y="122" text-anchor="middle" font-size="13" transform="rotate(-90 18 122)">value</text>
<g class="legend">
<rect x="310" y="62" width="74.69" height="58" fill="#ffffff" fill-opacity="0.88" stroke="#999999" stroke-width="0.8"/>
<path d="M316 75H342" stroke="#0072b2" stroke-width="1.5"/>
<text x="348" y="79">line</text>
<path d="M316 91H342" stroke="#d55e00" stroke-width="1.5" stroke-dasharray="9 6"/>
<text x="348" y="95">step</text>
<rect x="316" y="102" width="26" height="10" fill="#8c8c8c" fill-opacity="0.2"/>
<text x="348" y="111">band</text>
</g>
</g>
</svg>
"""#

    @Test("golden file: a tiny plot renders byte-identically")
    func goldenFile() {
        let svg = Self.tinyFigure().svg()
        let expected = Self.golden + "\n"
        #expect(svg == expected)
        if svg != expected {
            let a = svg.split(separator: "\n"), b = expected.split(separator: "\n")
            for (k, (x, y)) in zip(a, b).enumerated() where x != y {
                Issue.record("first differing line \(k + 1):\n got      \(x)\n expected \(y)")
                break
            }
        }
    }

    @Test("output parses as XML and has the expected elements")
    func parsesAsXML() {
        let (ok, counts) = ElementCounter.parse(Self.tinyFigure().svg())
        #expect(ok)
        #expect(counts["svg"] == 1)
        #expect(counts["clipPath"] == 1)
        #expect((counts["path"] ?? 0) >= 4)   // grid, zero line, two curves, legend swatches
        #expect((counts["text"] ?? 0) >= 10)
    }

    @Test("nice ticks are 1, 2, 5 × 10^k and cover the range")
    func ticks() {
        let a = NiceTicks.ticks(lower: 0, upper: 4.125, target: 5)
        #expect(a.step == 1)
        #expect(a.values == [0, 1, 2, 3, 4])
        let b = NiceTicks.ticks(lower: -0.013, upper: 0.047, target: 4)
        #expect(b.step == 0.02)
        #expect(b.values.map { SVGNumber.tick($0, step: b.step) } == ["-0.00", "0.02", "0.04"].map { $0 == "-0.00" ? "0.00" : $0 })
        #expect(NiceTicks.step(span: 7, target: 5) == 2)
        #expect(NiceTicks.step(span: 3e-6, target: 3) == 1e-6)
        let r = NiceTicks.niceRange(lower: 0, upper: 1)
        #expect(r.lower == 0 && r.upper == 1)
    }

    @Test("deterministic number formatting")
    func numbers() {
        #expect(SVGNumber.fixed(1.005, decimals: 2) == "1.00" || SVGNumber.fixed(1.005, decimals: 2) == "1.01")
        #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(SVGNumber.fixed(-12.345, decimals: 1) == "-12.3")
        #expect(SVGNumber.coordinate(150.666666) == "150.67")
        #expect(SVGNumber.coordinate(78) == "78")
        #expect(SVGNumber.coordinate(-0.001) == "0")
        #expect(SVGNumber.tick(0.3, step: 0.1) == "0.3")
        #expect(SVGNumber.tick(2e-6, step: 1e-6) == "2e-6")
        #expect(SVGNumber.tick(1.5e7, step: 5e6) == "1.5e7")
        #expect(RGBColor(hex: 0x0072b2).svg == "#0072b2")
    }

    /// The full Figure 1 pipeline on docs/math.md §4's example, glued the way the CLI will do it.
    @Test("Figure 1 for the worked example is valid SVG with both panels and the shaded interval")
    func figureOne() throws {
        let data = try FigureOneData.compute(
            try Instances.workedExample(), epsilon: try FlowEpsilon(parsing: "1e-10"),
            exact: try Instances.workedExampleLimit(), lasso: try Instances.workedExamplePath(), sMax: 4.5, samples: 150,
            divergenceIntervals: [0.75...3])  // the exact (3/4, 3) of docs/math.md §4
        let input = FigureOne.Input(
            s: data.s, lassoPath: data.lassoPath, limitAverage: data.limitAverage,
            numericAverage: data.numericAverage, coordinateLabels: data.coordinates.map { "x\($0 + 1)" },
            gapTimes: data.gapTimes, numericGap: data.numericGap, limitGap: data.limitGap,
            divergenceIntervals: data.divergenceIntervals.map { $0[0]...$0[1] }, epsilonLabel: data.epsilon,
            title: "docs/math.md §4 example")
        let figure = FigureOne.figure(input)
        #expect(figure.panels.count == 2)
        let svg = figure.svg()
        let (ok, counts) = ElementCounter.parse(svg)
        #expect(ok)
        #expect(counts["clipPath"] == 2)
        #expect(svg.contains("averaged limit ≠ lasso path"))
        #expect(svg.contains("ε = 1e-10"))
        // The shaded band spans s ∈ [3/4, 3] of [0, 4.5].
        #expect(svg.contains("fill=\"#8c8c8c\""))
        #expect(svg == figure.svg(), "rendering must be deterministic")
    }
}
