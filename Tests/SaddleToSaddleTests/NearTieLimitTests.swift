import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import Testing

/// The event search's floating-point filter (DLNLimit.nextEvent) against arrival times that
/// doubles cannot tell apart. With X = I and sum scaling, M = I and r = y: each q_i = s·y_i on its
/// own until it reaches 1 at s = 1/y_i, where x_i = y_i (docs/math.md §3).
@Suite struct NearTieLimitTests {
    /// y₄ = 1 + 2·10⁻¹² arrives first, beyond the filter's margin from the rest; y₂ = y₃ =
    /// 1 + 10⁻²⁰ tie exactly, and y₁ = 1 arrives 10⁻²⁰ later in relative terms — the same double.
    @Test(arguments: [true, false]) func arrivalsCloserThanADoubleAreOrderedExactly(warmStart: Bool) throws {
        let tiny = q("1/100000000000000000000")
        let y = [Rational.one, .one + tiny, .one + tiny, .one + 2 * q("1/1000000000000")]
        let X = Matrix((0..<4).map { i in (0..<4).map { Rational($0 == i ? 1 : 0) } })
        let problem = try Problem(X: X, y: y, scaling: .sum)
        let limit = try DLNLimit(problem: problem, warmStart: warmStart)
        #expect(limit.saddles.map(\.entering) == [[], [3], [1, 2], [0]])
        #expect(limit.saddles.map(\.s) == [.zero, y[3].reciprocal, y[1].reciprocal, .one])
        #expect(limit.saddles[3].x == y)
        #expect(limit.saddles[2].q[0] == y[1].reciprocal)
    }
}
