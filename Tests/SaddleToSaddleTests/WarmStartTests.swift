import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import Testing

/// The incremental (warm-started, fraction-free) face solves give exactly the saddles that the
/// general solver gives from scratch, and every saddle satisfies docs/math.md §3's invariants.
@Suite struct WarmStartTests {
    static let cases: [(seed: UInt64, n: Int, d: Int, variant: Variant, weightDecay: String)] = [
        (1, 6, 4, .signed, "0"), (2, 6, 4, .positive, "0"), (3, 7, 5, .signed, "1/3"),
        (4, 7, 5, .positive, "1/2"), (5, 3, 5, .signed, "0"), (6, 3, 5, .positive, "0"),
        (7, 8, 6, .signed, "0"), (8, 4, 6, .signed, "1/5"), (9, 8, 6, .positive, "0"),
    ]

    @Test(arguments: cases.indices)
    func warmEqualsCold(_ index: Int) throws {
        let c = Self.cases[index]
        let problem = try randomProblem(seed: c.seed, n: c.n, d: c.d, variant: c.variant, weightDecay: q(c.weightDecay))
        let warm = try DLNLimit(problem: problem)
        let cold = try DLNLimit(problem: problem, warmStart: false)
        #expect(warm.saddles.map(\.s) == cold.saddles.map(\.s))
        #expect(warm.saddles.map(\.q) == cold.saddles.map(\.q))
        // M·x is unique even where x is not (docs/math.md §3).
        #expect(warm.saddles.map { problem.M * $0.x } == cold.saddles.map { problem.M * $0.x })
        for (a, b) in zip(warm.saddles, cold.saddles) where a.isUnique && b.isUnique { #expect(a.x == b.x) }
        try checkInvariants(warm)
    }

    /// q stays in the box, moves with velocity c between saddles, and the objective decreases.
    func checkInvariants(_ limit: DLNLimit) throws {
        let p = limit.problem
        for k in limit.saddles.indices.dropFirst() {
            let prev = limit.saddles[k - 1], cur = limit.saddles[k]
            #expect(prev.s < cur.s)
            #expect(cur.q == prev.q.adding((cur.s - prev.s) * prev.correlation))
            #expect(cur.correlation == p.correlation(cur.x))
            #expect(cur.objective < prev.objective)
            let b = limit.bound(at: cur.s)
            for i in cur.q.indices {
                #expect(cur.q[i] <= b)
                if p.variant == .signed { #expect(cur.q[i] >= -b) } else { #expect(cur.x[i].signum >= 0) }
            }
        }
        // Z(s_k) = Σ_{j<k} (s_{j+1} − s_j)·x_j, summed here directly.
        var z = [Rational](repeating: 0, count: p.dimension)
        for k in limit.saddles.indices {
            #expect(limit.integralAtSaddle[k] == z)
            if k + 1 < limit.saddles.count { z = z.adding((limit.saddles[k + 1].s - limit.saddles[k].s) * limit.saddles[k].x) }
        }
        // The last saddle is stationary for ℓ + λwd‖·‖₁: no coordinate can reach the box.
        let last = limit.saddles.last!
        for c in last.correlation {
            #expect(c <= p.weightDecay)
            if p.variant == .signed { #expect(-c <= p.weightDecay) }
        }
    }

    /// M_11 = 2⁶² − 57, the first prime the warm solver's `PrincipalInverse` uses: that prime
    /// cannot hold M_SS⁻¹ once coordinate 1 is on the support, so it is replaced, and the saddles
    /// are still exactly the general solver's.
    @Test func unluckyPrimeLeavesTheSaddlesExact() throws {
        let p = (1 << 62) - 57
        let problem = try Problem(M: Matrix([[Rational(p), 1], [1, 1]]), r: [Rational(2 * p), 3])
        let warm = try DLNLimit(problem: problem), cold = try DLNLimit(problem: problem, warmStart: false)
        #expect(warm.saddles == cold.saddles)
        #expect(warm.saddles.count == 3)
        #expect(warm.saddles[1].x == [2, 0])
        try checkInvariants(warm)
    }
}
