import ExactArithmetic
import Foundation
import NumericFlow
import RunCheck
import Testing

@Suite("plot shades the exact verdict's divergence intervals")
struct FlowFigureTests {
    /// docs/math.md §4's worked example leaves the path on (3/4, 3) exactly; the figure shades
    /// the doubles of those ends, not a float search's approximation of them.
    @Test func shadedIntervalsAreTheExactOnes() throws {
        let ref = try reference(try workedExample())
        #expect(ref.verdict.divergence.map(\.from) == [Rational(3, 4)] && ref.verdict.divergence.map(\.to) == [Rational(3)])
        #expect(ref.divergenceIntervals(upTo: 4.5) == [0.75...3])
        #expect(ref.divergenceIntervals(upTo: 2) == [0.75...2])
        #expect(ref.divergenceIntervals(upTo: 0.5) == [])
        let drawn = try FlowFigure.plot(ref, epsilon: try FlowEpsilon(parsing: "1e-10"), sMax: Rational(9, 2), samples: 60,
                                        axis: .linear, fileName: "example.json")
        #expect(drawn.shaded == [0.75...3])
        #expect(drawn.figure.svg().contains("averaged limit ≠ lasso path"))
        // Written with the line `plot` prints; the file holds exactly the SVG.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowfigure-\(getpid()).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try drawn.write(toPath: path) == "wrote \(path): " + drawnText(drawn))
        #expect(drawnText(drawn).hasSuffix("shaded where the limit leaves the path: [0.75, 3]"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == drawn.figure.svg())
        #expect(throws: (any Error).self) { try drawn.write(toPath: "/nonexistent-dir/x.svg") }
    }
}
