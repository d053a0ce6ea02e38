import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import NumericFlow
import ProblemDefinition
import RunCheck
import SeededRandom
import SVGPlot
import Testing

/// Figures a person can read: no overlapping text, a key row per coordinate, legends outside
/// the plot area, and a real renderer (rsvg-convert, Debian package librsvg2-bin) accepts them.
@Suite("readable figures")
struct FigureReadabilityTests {
    /// A seeded problem with many active coordinates: X (n × d) with small integers, y = X·w + noise.
    static func manyCoordinates(d: Int, seed: UInt64) throws -> Problem {
        var g = SplitMix64(seed: seed)
        let n = d + 10
        let X: [[Rational]] = (0..<n).map { _ in (0..<d).map { _ in Rational(g.nextInt(in: -4...4)) } }
        var y: [Rational] = []
        for row in X {
            var value = Rational(g.nextInt(in: -2...2))
            for (j, entry) in row.enumerated() { value = value + entry * Rational(j % 5 - 2) }
            y.append(value)
        }
        return try Problem(X: Matrix(X), y: y, scaling: .mean)
    }

    static func rsvgConvert() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Renders with rsvg-convert; records an issue if it is missing or fails.
    static func render(_ figure: Figure, name: String) throws {
        guard let tool = rsvgConvert() else {
            Issue.record("rsvg-convert not found: install librsvg2-bin (bash .ci/install-deps)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("\(name).svg"), png = dir.appendingPathComponent("\(name).png")
        try figure.write(to: svg.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [svg.path, "-o", png.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "rsvg-convert: \(message)")
        #expect(message.isEmpty, "rsvg-convert warned: \(message)")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.count > 1000 && bytes.starts(with: [0x89, 0x50, 0x4e, 0x47]), "a PNG came out")
    }

    static func expectReadable(_ figure: Figure) {
        for (a, b) in figure.overlappingText() {
            Issue.record("text boxes overlap: '\(a.text)' [\(a.minX), \(a.maxX)]×[\(a.minY), \(a.maxY)] and '\(b.text)' [\(b.minX), \(b.maxX)]×[\(b.minY), \(b.maxY)]")
        }
    }

    @Test("plot of a 30-coordinate problem: a key row per drawn coordinate, outside the plots, no overlaps, renders")
    func manyCoordinatePlot() throws {
        let ref = try FlowReference(try Self.manyCoordinates(d: 30, seed: 7))
        let drawn = try FlowFigure.plot(ref, epsilon: try FlowEpsilon(parsing: "1e-10"), samples: 300, fileName: "many.json")
        #expect(drawn.coordinates >= 25, "most coordinates are active: \(drawn.coordinates)")
        let boxes = drawn.figure.textBoxes()
        let keys = boxes.filter { $0.text.hasPrefix("x") && Int($0.text.dropFirst().prefix { $0.isNumber }) != nil }
        let labels = Set(keys.map(\.text))
        #expect(labels.count >= drawn.coordinates - 2, "coordinates sharing a curve share a row ('x2 = x5'): \(labels.count)")
        // Outside: every key row starts right of the plotting column.
        let plotRight = drawn.figure.width - 24
        #expect(keys.allSatisfy { $0.minX > plotRight }, "legend inside the plot area")
        Self.expectReadable(drawn.figure)
        try Self.render(drawn.figure, name: "many")
    }

    @Test("plot and check-run figures of the worked example: no overlaps, render")
    func workedExampleFigures() throws {
        let ref = try FlowReference(try workedExample())
        let eps = try FlowEpsilon(parsing: "1e-6")
        for axis in FlowFigure.Axis.allCases {
            let drawn = try FlowFigure.plot(ref, epsilon: eps, samples: 200, axis: axis, fileName: "berthier-example.json")
            Self.expectReadable(drawn.figure)
        }
        let report = try RunCheck.check(try flowRun(ref.dln, epsilon: eps, sMax: 4.5, count: 800), against: ref, options: .init())
        let figure = FlowFigure.run(report, reference: ref, axis: .linear).figure
        Self.expectReadable(figure)
        try Self.render(figure, name: "run")
    }

    @Test("robust vertical scale: a numeric spike is clipped, not followed")
    func robustScale() {
        // x from 5000 on, so x tick labels (≥ 5000) are told apart from y tick labels.
        let xs = (5000...5100).map(Double.init)
        var spiky = xs.map { ($0 - 5000) / 100 }
        spiky[50] = 1000
        let panel = Panel(series: [Series(xs: xs, ys: xs.map { ($0 - 5000) / 100 }), Series(xs: xs, ys: spiky, scalesAxis: false)])
        let ticks = Figure(panels: [panel]).textBoxes().compactMap { Double($0.text) }.filter { $0 < 5000 }
        #expect(ticks.max()! <= 1.2, "y ticks follow the exact curve: \(ticks)")
        let followed = Figure(panels: [Panel(series: [Series(xs: xs, ys: spiky)])]).textBoxes().compactMap { Double($0.text) }.filter { $0 < 5000 }
        #expect(followed.max()! >= 1000)
    }

    @Test("log axis ticks: powers of ten, with 2 and 5 on short ranges")
    func logTicks() {
        #expect(LogTicks.ticks(lower: 0.15, upper: 506) == [1, 10, 100])
        #expect(LogTicks.ticks(lower: 0.3, upper: 4.5) == [0.5, 1, 2])
        #expect(SVGNumber.logTick(0.001) == "0.001" && SVGNumber.logTick(1e6) == "1e6" && SVGNumber.logTick(2e-5) == "2e-5")
    }

    @Test("the palette is the 15 colour-blind-safe hues, without Okabe–Ito's yellow")
    func palette() {
        #expect(RGBColor.palette.count == 15)
        #expect(Set(RGBColor.palette).count == 15)
        #expect(!RGBColor.palette.contains(RGBColor(hex: 0xf0e442)))
        #expect(RGBColor.cycle(15) == RGBColor.cycle(0))
    }
}
