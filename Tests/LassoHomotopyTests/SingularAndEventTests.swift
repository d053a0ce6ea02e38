import SeededRandom
import Testing
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
@testable import LassoHomotopy

/// Singular designs (docs/math.md §6: duplicate, zero and collinear columns, d > n, exact fits) and the
/// events one-at-a-time homotopies get wrong (a join and a drop at one knot, re-entry with the
/// opposite sign). Each path is also checked against brute force at many κ.
@Suite struct SingularAndEventTests {
    func checked(_ problem: Problem, seed: UInt64) throws -> LassoPath {
        let path = try LassoPath(problem: problem)
        var rng = SplitMix64(seed: seed)
        RandomPathTests.checkSegments(path, "instance")
        RandomPathTests.checkAgainstBruteForce(path, &rng, "instance")
        return path
    }

    @Test func duplicateColumnsAreSplitEvenly() throws {
        // Columns 0 and 1 are equal: only z = x₀ + x₁ is determined; the canonical member is the
        // least-norm split x₀ = x₁ = z/2 along the whole path.
        let x = [[1, 1, 0], [2, 2, 1], [0, 0, 3], [1, 1, -1]]
        let y = [1, 3, -2, 2]
        let path = try checked(Problem(X: mat(x), y: vec(y), scaling: .sum), seed: 1)
        let reduced = try LassoPath(problem: Problem(X: mat(x.map { [$0[0], $0[2]] }), y: vec(y), scaling: .sum))
        #expect(path.knots.map(\.kappa) == reduced.knots.map(\.kappa))
        for knot in path.knots {
            let z = reduced.solution(at: knot.kappa)
            #expect(knot.x == [z[0] / Rational(2), z[0] / Rational(2), z[1]], "κ = \(knot.kappa)")
        }
        #expect(path.segments.allSatisfy { $0.isUnique == !$0.active.contains(0) })
    }

    /// Long entries (float64 data) send the face problems to the fraction-free factorisation and
    /// `IntegerMatrix` products; short ones stay in `Rational`. Scaling X and y by c scales M and
    /// r by c², so the path is the same with κ scaled by c²: a cross-check of the two forms on
    /// whole singular paths.
    @Test func longEntriesGiveTheSamePathAsShortOnes() throws {
        let c = Rational(BigInteger.power(base: 2, exponent: 40) + BigInteger(1), BigInteger(3))
        var rng = SplitMix64(seed: 9)
        for trial in 0..<6 {
            var x = (0..<6).map { _ in (0..<4).map { _ in rng.nextInt(in: -4...4) } }
            for i in x.indices { x[i].append(x[i][trial % 4]) } // a repeated column: M singular
            let y = (0..<6).map { _ in rng.nextInt(in: -5...5) }
            let short = try LassoPath(problem: Problem(X: mat(x), y: vec(y), scaling: .sum))
            let long = try LassoPath(problem: Problem(X: c * mat(x), y: c * vec(y), scaling: .sum))
            #expect(short.faceSolverKnots > 0, "trial \(trial)")
            #expect(long.knots.map(\.kappa) == short.knots.map { c * c * $0.kappa }, "trial \(trial)")
            #expect(long.knots.map(\.x) == short.knots.map(\.x), "trial \(trial)")
            #expect(long.knots.map(\.isUnique) == short.knots.map(\.isUnique), "trial \(trial)")
            #expect(long.segments.map(\.isUnique) == short.segments.map(\.isUnique), "trial \(trial)")
        }
    }

    @Test func oppositeColumnsAndCollinearColumns() throws {
        // Column 1 = −column 0 and column 2 = 2·column 0: one direction, three coordinates.
        let x = [[1, -1, 2], [2, -2, 4], [-1, 1, -2]]
        let path = try checked(Problem(X: mat(x), y: vec([1, 1, 1]), scaling: .sum), seed: 2)
        // Only the longest column (2) moves first: it has the largest |c|.
        #expect(path.knots[0].joined == [2] && path.knots.count == 2)
        #expect(path.isUnique(at: q(1)) && !path.isUnique(at: .zero))
    }

    @Test func zeroColumnsNeverMove() throws {
        let x = [[1, 0, 2], [3, 0, -1], [0, 0, 1]]
        let y = [2, -1, 3]
        let path = try checked(Problem(X: mat(x), y: vec(y), scaling: .mean), seed: 3)
        let reduced = try LassoPath(problem: Problem(X: mat(x.map { [$0[0], $0[2]] }), y: vec(y), scaling: .mean))
        #expect(path.knots.map(\.kappa) == reduced.knots.map(\.kappa))
        for knot in path.knots { #expect(knot.x[1].isZero) }
        #expect(path.segments.allSatisfy(\.isUnique) && !path.knots.last!.isUnique)
    }

    @Test func moreFeaturesThanSamplesEndsInAnExactFit() throws {
        let x = [[1, 2, -1, 3, 0], [2, -1, 1, 0, 1]]
        let problem = try Problem(X: mat(x), y: vec([3, -2]), scaling: .sum)
        let path = try checked(problem, seed: 4)
        let last = path.knots.last!.x
        #expect(problem.M * last == problem.r) // c(0) = 0: the data are fitted exactly
        #expect(path.segments.allSatisfy { $0.active.count <= 2 })
        for variant in [Variant.positive] {
            _ = try checked(Problem(X: mat(x), y: vec([3, -2]), scaling: .sum, variant: variant), seed: 5)
        }
    }

    @Test func aJoinAndADropAtTheSameKnot() throws {
        // Found by search: at κ = 2 coordinate 2 joins while coordinate 0 drops (M is
        // positive definite, so this is a genuine tie of two events, decided by the face solver).
        let problem = try Problem(X: mat([[1, 0, -1], [-1, 0, 3], [-3, -1, 3]]), y: vec([-2, 2, -3]), scaling: .sum)
        let path = try checked(problem, seed: 6)
        #expect(path.knots.map(\.kappa) == [q(5), q(9, 4), q(2), q(1, 3), q(0)])
        let tie = path.knots[2]
        #expect(tie.joined == [2] && tie.dropped == [0] && tie.multiplicity == 2)
        #expect(path.faceSolverKnots >= 1 && path.isUnique)
    }

    @Test func dropAndReEnterWithTheOppositeSign() throws {
        // Found by search: coordinate 1 joins at κ = 3, drops at 5/27 and re-enters at 1/11
        // with the opposite sign.
        let problem = try Problem(X: mat([[-1, 3, -1], [-1, 0, 1], [-2, 1, 1]]), y: vec([-2, 3, 1]), scaling: .sum)
        let path = try checked(problem, seed: 7)
        #expect(path.knots.map(\.kappa) == [q(6), q(3), q(7, 37), q(5, 27), q(1, 11), q(0)])
        let signsOf1 = path.segments.compactMap { s in s.active.firstIndex(of: 1).map { s.signs[$0] } }
        #expect(path.knots[3].dropped == [1] && path.knots[4].joined == [1])
        #expect(signsOf1.first == -signsOf1.last! && Set(signsOf1).count == 2)
    }

    @Test func positiveLassoOnTheWorkedExample() throws {
        // Positive lasso on docs/math.md §4's example: only r₂ = 2 > 0 can start.
        let problem = try Problem(M: mat([[10, -4], [-4, 2]]), r: vec([-3, 2]), variant: .positive)
        let path = try checked(problem, seed: 8)
        #expect(path.kappaMax == q(2) && path.knots[0].joined == [1])
        #expect(path.knots.allSatisfy { $0.x.allSatisfy { $0.signum >= 0 } })
    }
}
