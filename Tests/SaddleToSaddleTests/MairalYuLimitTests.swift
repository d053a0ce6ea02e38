import ExactArithmetic
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict
import Testing
import Foundation

/// Mairal–Yu (docs/math.md §6): the lasso path of level p has (3ᵖ + 1)/2 knots, but the DLN limit has
/// only 2, 4, 7, 11, 16, 22, 29, 37 saddles (counting s = 0) for p = 1…8 — it does not follow the
/// exponential path.
@Suite struct MairalYuLimitTests {
    @Test func saddleCounts() throws {
        let levels = try MairalYu.levels(through: 8, includingLastPath: false)
        let counts = try levels.map { try DLNLimit(problem: $0.problem).saddles.count }
        #expect(counts == [2, 4, 7, 11, 16, 22, 29, 37])
    }

    @Test func smallLevelsDivergeFromTheirPaths() throws {
        for level in try MairalYu.levels(through: 4) {
            let v = try Verdict(limit: DLNLimit(problem: level.problem), path: LassoPathInTime(level.path!))
            #expect(v.path.kappa.count == (Int(pow(3.0, Double(level.p))) + 1) / 2)
            #expect(v.contradiction == nil)
            #expect(v.equivalent == (level.p == 1))
            #expect(v.monotone == (level.p == 1))
        }
    }
}
