import ExactArithmetic
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
    }
}
