import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver

/// Random small problems against brute force over active sets, with independent checks of
/// every claim the solver makes (docs/math.md §5). Gram matrices P = BᵀB with few rows are singular
/// and degenerate on purpose.
@Suite struct FaceSolverRandomTests {
    static func randomInstance(_ rng: inout SplitMix64) -> FaceProblem {
        let n = rng.nextInt(in: 1...5)
        let k = rng.nextInt(in: 1...(n + 1))
        var b = (0..<k).map { _ in (0..<n).map { _ in rng.nextInt(in: -2...2) } }
        if n >= 2, rng.nextInt(in: 0...2) == 0 { // a duplicate (or opposite) column
            let (i, j) = (rng.nextInt(in: 0...(n - 1)), rng.nextInt(in: 0...(n - 1)))
            let sign = rng.nextInt(in: 0...1) == 0 ? 1 : -1
            for r in 0..<k { b[r][j] = sign * b[r][i] }
        }
        let bm = mat(b)
        let P = bm.transposed * bm
        let p: [Rational] = rng.nextInt(in: 0...1) == 0
            ? bm.transposed * vec((0..<k).map { _ in rng.nextInt(in: -3...3) })
            : vec((0..<n).map { _ in rng.nextInt(in: -3...3) })
        let constraints: [SignConstraint] = (0..<n).map { _ in [.free, .nonnegative, .nonnegative, .nonpositive][rng.nextInt(in: 0...3)] }
        return FaceProblem(P: P, p: p, constraints: constraints)
    }

    /// All KKT points found by fixing each subset of constrained coordinates at 0 and solving
    /// the rest by Bareiss elimination (least-norm and basic solutions), independent of the solver.
    static func bruteForceKKTPoints(_ problem: FaceProblem) -> [[Rational]] {
        let n = problem.p.count
        let constrained = (0..<n).filter { problem.constraints[$0] != .free }
        var found: [[Rational]] = []
        for mask in 0..<(1 << constrained.count) {
            let zero = Set(constrained.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            let f = (0..<n).filter { !zero.contains($0) }
            let sub = problem.P.submatrix(rows: f, columns: f)
            let rhs = f.map { problem.p[$0] }
            for candidate in [sub.leastNormSolution(rhs), sub.particularSolution(rhs)] {
                guard let zf = candidate else { continue }
                var z = [Rational](repeating: .zero, count: n)
                for (a, i) in f.enumerated() { z[i] = zf[a] }
                if satisfiesKKT(z, problem) { found.append(z) }
            }
        }
        return found
    }

    @Test func agreesWithBruteForceAndCertifiesItsClaims() throws {
        var rng = SplitMix64(seed: 20_260_501)
        var solved = 0, unbounded = 0, nonUnique = 0, uniquenessDecidedIndependently = 0
        for trial in 0..<400 {
            let problem = Self.randomInstance(&rng)
            let brute = Self.bruteForceKKTPoints(problem)
            let solution: FaceSolution
            do {
                solution = try solveFace(problem)
            } catch FaceSolverError.unbounded(let h) {
                unbounded += 1
                #expect(problem.P * h == [Rational](repeating: .zero, count: h.count), "trial \(trial)")
                #expect(dot(problem.p, h).signum > 0 && isFeasible(h, problem.constraints), "trial \(trial)")
                #expect(brute.isEmpty, "trial \(trial): a KKT point exists, so the problem is bounded")
                continue
            }
            solved += 1
            var vouched = problem
            vouched.isKnownSemidefinite = true // skips only the PSD check
            #expect(try solveFace(vouched) == solution, "trial \(trial)")
            var warm = problem // any warm support gives the same minimiser (the witness may differ)
            warm.warmSupport = problem.p.indices.filter { _ in rng.nextInt(in: 0...1) == 0 }
            let started = try solveFace(warm)
            #expect(started.z == solution.z && started.isUnique == solution.isUnique && started.objective == solution.objective, "trial \(trial)")
            let z = solution.z
            #expect(satisfiesKKT(z, problem), "trial \(trial)")
            #expect(solution.gradient == (problem.P * z).subtracting(problem.p) && solution.objective == problem.objective(z))
            for other in brute { // every minimiser has the same value and gradient
                #expect(problem.objective(other) == solution.objective, "trial \(trial)")
                #expect((problem.P * other).subtracting(problem.p) == solution.gradient, "trial \(trial)")
            }
            if let h = solution.alternativeDirection {
                nonUnique += 1
                #expect(!solution.isUnique && !h.allSatisfy(\.isZero))
                #expect(problem.P * h == [Rational](repeating: .zero, count: h.count))
                #expect(satisfiesKKT(z.adding(h), problem), "trial \(trial): z + h must be a minimiser too")
            } else {
                #expect(solution.isUnique)
            }
            if let verdict = Self.independentUniqueness(problem, solution) {
                uniquenessDecidedIndependently += 1
                #expect(verdict == solution.isUnique, "trial \(trial)")
            }
        }
        // The generator must exercise every branch.
        #expect(solved > 200 && unbounded > 20 && nonUnique > 20 && uniquenessDecidedIndependently > 200)
    }

    /// Uniqueness and least norm decided in the test when the candidate directions
    /// {h on K : P_KK h = 0} form at most a line: K = free ∪ {zero multiplier}. Nil otherwise.
    static func independentUniqueness(_ problem: FaceProblem, _ s: FaceSolution) -> Bool? {
        let n = s.z.count
        let k = (0..<n).filter { problem.constraints[$0] == .free || s.gradient[$0].isZero }
        let null = problem.P.submatrix(rows: k, columns: k).nullSpace
        if null.isEmpty { return true }
        guard null.count == 1 else { return nil }
        var h = [Rational](repeating: .zero, count: n)
        for (a, i) in k.enumerated() { h[i] = null[0][a] }
        // z + t·h is a minimiser iff it is feasible: an interval [lo, hi] of t containing 0.
        var lo: Rational?, hi: Rational?
        for i in 0..<n where !h[i].isZero {
            let orientation: Int
            switch problem.constraints[i] {
            case .free: continue
            case .nonnegative: orientation = 1
            case .nonpositive: orientation = -1
            }
            // orientation·(z_i + t h_i) ≥ 0.
            let bound = -s.z[i] / h[i]
            if (h[i].signum * orientation) > 0 { lo = lo.map { Rational.max($0, bound) } ?? bound }
            else { hi = hi.map { Rational.min($0, bound) } ?? bound }
        }
        let unique = lo == .zero && hi == .zero
        // Least norm: t* = clamp(−zᵀh/hᵀh) must be 0 for the returned z.
        var t = -dot(s.z, h) / dot(h, h)
        if let lo, t < lo { t = lo }
        if let hi, t > hi { t = hi }
        #expect(t == .zero, "returned minimiser is not the least-norm one")
        return unique
    }
}
