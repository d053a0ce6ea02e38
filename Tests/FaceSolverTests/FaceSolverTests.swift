import Testing
import ExactArithmetic
import ExactLinearAlgebra
@testable import FaceSolver

/// Hand-derived small problems (docs/math.md §5), each with its exact answer worked out in the comment.
@Suite struct FaceSolverHandTests {
    @Test func interiorMinimiserOfOneCoordinate() throws {
        // ½·2z² − 4z on z ≥ 0: z = 2, value −4.
        let s = try solveFace(FaceProblem(P: mat([[2]]), p: vec([4]), constraints: [.nonnegative]))
        #expect(s.z == vec([2]) && s.gradient == vec([0]) && s.objective == q(-4) && s.isUnique)
        #expect(s.alternativeDirection == nil)
    }

    @Test func boundMinimiserWithPositiveMultiplier() throws {
        // ½·2z² + 4z on z ≥ 0: z = 0 with multiplier 4.
        let s = try solveFace(FaceProblem(P: mat([[2]]), p: vec([-4]), constraints: [.nonnegative]))
        #expect(s.z == vec([0]) && s.gradient == vec([4]) && s.objective == .zero && s.isUnique)
    }

    @Test func nonpositiveCoordinate() throws {
        // ½·2z² + 4z on z ≤ 0: z = −2; on z ≥ 0 it would be 0.
        let s = try solveFace(FaceProblem(P: mat([[2]]), p: vec([-4]), constraints: [.nonpositive]))
        #expect(s.z == vec([-2]) && s.gradient == vec([0]) && s.objective == q(-4))
        let t = try solveFace(FaceProblem(P: mat([[2]]), p: vec([4]), constraints: [.nonpositive]))
        #expect(t.z == vec([0]) && t.gradient == vec([-4]))
    }

    @Test func twoCoordinatesOneAtItsBound() throws {
        // Unconstrained minimiser of P = [[2,1],[1,2]], p = (1,−1) is (1,−1): infeasible. With
        // z₂ = 0: 2z₁ = 1, so z = (1/2, 0), gradient (0, 1/2 + 1), value ¼ − ½.
        let s = try solveFace(FaceProblem(P: mat([[2, 1], [1, 2]]), p: vec([1, -1]), constraints: [.nonnegative, .nonnegative]))
        #expect(s.z == [q(1, 2), .zero] && s.gradient == [.zero, q(3, 2)] && s.objective == q(-1, 4) && s.isUnique)
    }

    @Test func freeAndConstrainedMixed() throws {
        // P = [[2,1],[1,2]], p = (0, 3): unconstrained z = (−1, 2). With z₁ ≥ 0: z₁ = 0, z₂ = 3/2,
        // gradient₁ = 3/2 ≥ 0. With z₁ free instead the unconstrained point is the answer.
        let p = FaceProblem(P: mat([[2, 1], [1, 2]]), p: vec([0, 3]), constraints: [.nonnegative, .free])
        let s = try solveFace(p)
        #expect(s.z == [.zero, q(3, 2)] && s.gradient == [q(3, 2), .zero])
        var free = p
        free.constraints = [.free, .nonnegative]
        #expect(try solveFace(free).z == vec([-1, 2]))
    }

    @Test func singularWithAffineSolutionSetReturnsLeastNorm() throws {
        // P = 𝟙𝟙ᵀ, p = (1,1), z ≥ 0: minimisers z₁ + z₂ = 1, z ≥ 0; least norm (1/2, 1/2).
        let s = try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, 1]), constraints: [.nonnegative, .nonnegative]))
        #expect(s.z == [q(1, 2), q(1, 2)] && s.objective == q(-1, 2) && !s.isUnique)
        let h = try #require(s.alternativeDirection)
        #expect(!h.allSatisfy(\.isZero) && mat([[1, 1], [1, 1]]) * h == vec([0, 0]))
        #expect(isFeasible(s.z.adding(h), [.nonnegative, .nonnegative]))
        // Free coordinates: the same line, least norm again (1/2, 1/2).
        let f = try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, 1]), constraints: [.free, .free]))
        #expect(f.z == [q(1, 2), q(1, 2)] && !f.isUnique)
    }

    @Test func singularButUniqueBecauseOfSigns() throws {
        // P = 𝟙𝟙ᵀ, p = 0, z ≥ 0: q = ½(z₁+z₂)² is 0 only at z = 0 on the orthant; the null
        // direction (1,−1) is not sign-feasible, so the minimiser is unique.
        let s = try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([0, 0]), constraints: [.nonnegative, .nonnegative]))
        #expect(s.z == vec([0, 0]) && s.isUnique)
        // With z₂ ≤ 0 instead, (t, −t) are all minimisers: not unique, least norm 0.
        let t = try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([0, 0]), constraints: [.nonnegative, .nonpositive]))
        #expect(t.z == vec([0, 0]) && !t.isUnique)
        let h = try #require(t.alternativeDirection)
        #expect(h[0].signum > 0 && h[1] == -h[0])
        // P = [[1,−1],[−1,1]], both ≥ 0: minimisers z₁ = z₂ ≥ 0.
        let u = try solveFace(FaceProblem(P: mat([[1, -1], [-1, 1]]), p: vec([0, 0]), constraints: [.nonnegative, .nonnegative]))
        #expect(u.z == vec([0, 0]) && !u.isUnique)
    }

    @Test func degenerateZeroMultiplierAtZeroIsStillUnique() throws {
        // P = I, p = (1, 0): z = (1, 0) and the multiplier of z₂ is 0 too (degenerate); unique.
        let s = try solveFace(FaceProblem(P: mat([[1, 0], [0, 1]]), p: vec([1, 0]), constraints: [.nonnegative, .nonnegative]))
        #expect(s.z == vec([1, 0]) && s.gradient == vec([0, 0]) && s.isUnique)
    }

    @Test func zeroMatrix() throws {
        // P = 0: p = −1 is stopped by z ≥ 0 (z = 0, multiplier 1, unique); p = 0 makes every
        // z ≥ 0 optimal (least norm 0, not unique); p = 1 is unbounded along (1).
        let stopped = try solveFace(FaceProblem(P: mat([[0]]), p: vec([-1]), constraints: [.nonnegative]))
        #expect(stopped.z == vec([0]) && stopped.gradient == vec([1]) && stopped.isUnique)
        let flat = try solveFace(FaceProblem(P: mat([[0]]), p: vec([0]), constraints: [.nonnegative]))
        #expect(flat.z == vec([0]) && !flat.isUnique && flat.alternativeDirection == vec([1]))
        #expect(throws: FaceSolverError.unbounded(direction: vec([1]))) {
            try solveFace(FaceProblem(P: mat([[0]]), p: vec([1]), constraints: [.nonnegative]))
        }
    }

    @Test func unboundedAlongASingularDirectionThatTheSignsAllow() throws {
        // P = 𝟙𝟙ᵀ, p = (1, −1): along h = (1, −1), Ph = 0 and pᵀh = 2 > 0. With z₂ ≤ 0 the ray
        // is feasible; with z₂ ≥ 0 it is not and the problem is bounded (z = (1/2... checked by KKT).
        do {
            _ = try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, -1]), constraints: [.nonnegative, .nonpositive]))
            Issue.record("expected unbounded")
        } catch FaceSolverError.unbounded(let h) {
            #expect(mat([[1, 1], [1, 1]]) * h == vec([0, 0]) && dot(vec([1, -1]), h).signum > 0)
            #expect(h[0].signum >= 0 && h[1].signum <= 0)
        }
        let bounded = FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, -1]), constraints: [.nonnegative, .nonnegative])
        let s = try solveFace(bounded)
        #expect(s.z == vec([1, 0]) && s.gradient == vec([0, 2]) && s.isUnique && satisfiesKKT(s.z, bounded))
        // Free coordinates with p outside the range: unbounded.
        #expect(throws: FaceSolverError.self) {
            try solveFace(FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, -1]), constraints: [.free, .free]))
        }
    }

    @Test func emptyProblem() throws {
        let s = try solveFace(FaceProblem(P: Matrix(rows: 0, columns: 0), p: [], constraints: []))
        #expect(s.z.isEmpty && s.objective == .zero && s.isUnique)
    }

    @Test func invalidInputIsRejectedInWords() {
        #expect(throws: FaceSolverError.invalidProblem("P is not positive semidefinite")) {
            try solveFace(FaceProblem(P: mat([[1, 2], [2, 1]]), p: vec([0, 0]), constraints: [.free, .free]))
        }
        #expect(throws: FaceSolverError.self) {
            try solveFace(FaceProblem(P: mat([[1, 2], [0, 1]]), p: vec([0, 0]), constraints: [.free, .free]))
        }
        #expect(throws: FaceSolverError.self) {
            try solveFace(FaceProblem(P: mat([[1]]), p: vec([0, 0]), constraints: [.free, .free]))
        }
        #expect(throws: FaceSolverError.self) {
            try solveFace(FaceProblem(P: mat([[1]]), p: vec([0]), constraints: []))
        }
        #expect(throws: FaceSolverError.invalidProblem("warm support index 2 is not a coordinate (there are 2)")) {
            try solveFace(FaceProblem(P: mat([[1, 0], [0, 1]]), p: vec([0, 0]), constraints: [.free, .free], warmSupport: [2]))
        }
    }

    @Test func degenerateLCPWithManyTies() throws {
        // A highly degenerate problem: P = I + 𝟙𝟙ᵀ (4×4), p = 𝟙. By symmetry z = t𝟙 with
        // (1 + 4)t = 1: z = 𝟙/5, all multipliers 0. Every entering choice ties at each step.
        var rows = [[Int]](repeating: [1, 1, 1, 1], count: 4)
        for i in 0..<4 { rows[i][i] = 2 }
        let s = try solveFace(FaceProblem(P: mat(rows), p: vec([1, 1, 1, 1]), constraints: Array(repeating: .nonnegative, count: 4)))
        #expect(s.z == Array(repeating: q(1, 5), count: 4) && s.isUnique)
        // Duplicated columns in a 5×5 Gram matrix with a tie between the duplicates.
        let b = mat([[1, 1, 0, 2, 0], [0, 0, 1, 1, 0], [1, 1, 1, 0, 0]])
        let P = b.transposed * b
        let p = b.transposed * vec([2, 1, 2])
        let problem = FaceProblem(P: P, p: p, constraints: Array(repeating: .nonnegative, count: 5))
        let t = try solveFace(problem)
        #expect(satisfiesKKT(t.z, problem) && !t.isUnique)
        #expect(t.z[0] == t.z[1]) // least norm splits duplicate columns evenly
    }

    @Test func minimiserIsUniqueAcceptsOnlyMinimisers() throws {
        let problem = FaceProblem(P: mat([[1, 1], [1, 1]]), p: vec([1, 1]), constraints: [.nonnegative, .nonnegative])
        #expect(try minimiserIsUnique(vec([1, 0]), of: problem) == false)
        #expect(throws: FaceSolverError.self) { try minimiserIsUnique(vec([1, 1]), of: problem) }
        let strict = FaceProblem(P: mat([[2, 1], [1, 2]]), p: vec([1, -1]), constraints: [.nonnegative, .nonnegative])
        #expect(try minimiserIsUnique([q(1, 2), .zero], of: strict))
    }
}
