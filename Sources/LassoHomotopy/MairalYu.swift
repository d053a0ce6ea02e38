import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition

/// Mairal & Yu's family whose lasso path has (3ᵖ + 1)/2 knots (docs/math.md §6), built exactly.
///
/// Start with A = [1], b = [1]; at each round take the exact path of (A, b) with M = AᵀA, r = Aᵀb
/// (no 1/n), λ₁ its smallest positive knot and w the solution there, then
/// `α = (99/100)·λ₁ / (2·bᵀ(b − Aw) + 1)`, `A ← [[A, 2α·b], [0, α]]`, `b ← (b, 1)`.
/// Level p is reached after p − 1 rounds, so it needs the exact paths of levels 1…p−1.
public enum MairalYu {
    /// One level: the problem (X = A, y = b, `.sum` scaling) and, when computed, its path.
    public struct Level: Sendable {
        public let p: Int
        public let problem: Problem
        public let path: LassoPath?
    }

    /// The largest level built: level p needs the exact paths of levels 1…p−1, the last with
    /// (3^(p−1) + 1)/2 knots, so each level costs about three times the one before (level 14
    /// streams the 797,162-knot path of level 13: minutes).
    public static let maximumLevel = 14

    /// The level-p instance (1 ≤ p ≤ `maximumLevel`).
    /// Streams each lower level's path keeping only its last two knots, so memory stays flat in
    /// the number of knots.
    public static func instance(p: Int) throws -> Problem {
        try checkLevel(p)
        var problem = first
        for _ in 1..<p {
            var last: [Knot] = []
            try LassoPath.stream(problem: problem) { knot, _ in
                last.append(knot)
                if last.count > 2 { last.removeFirst() }
                return true
            }
            guard last.count == 2 else { throw ProblemError("a Mairal–Yu round needs a path with a positive knot") }
            problem = try successor(of: problem, smallestPositiveKnot: last[0])
        }
        return problem
    }

    private static func checkLevel(_ p: Int) throws {
        guard p >= 1 else { throw ProblemError("the Mairal–Yu level p must be at least 1 (got \(p))") }
        guard p <= maximumLevel else {
            throw ProblemError("the Mairal–Yu level p must be at most \(maximumLevel) (got \(p)): each level costs about three times the one before")
        }
    }

    /// Levels 1…p; every level's exact path is computed (the generator needs all but the last
    /// anyway), the last one only when `includingLastPath`.
    public static func levels(through p: Int, includingLastPath: Bool = true) throws -> [Level] {
        try checkLevel(p)
        var problem = first
        var levels: [Level] = []
        for level in 1...p {
            guard level < p || includingLastPath else {
                levels.append(Level(p: level, problem: problem, path: nil))
                break
            }
            let path = try LassoPath(problem: problem)
            levels.append(Level(p: level, problem: problem, path: path))
            if level < p { problem = try successor(of: problem, path: path) }
        }
        return levels
    }

    /// Level 1: A = [1], b = [1].
    public static var first: Problem {
        try! Problem(X: Matrix([[.one]]), y: [.one], scaling: .sum) // a valid 1×1 problem
    }

    /// The next level from a level's data (A, b) and its exact path (one round of docs/math.md §6).
    public static func successor(of problem: Problem, path: LassoPath) throws -> Problem {
        guard let data = problem.data, data.scaling == .sum, path.knots.count >= 2 else {
            throw ProblemError("a Mairal–Yu round needs the level's data (A, b) with .sum scaling and its path")
        }
        return try successor(of: problem, smallestPositiveKnot: path.knots[path.knots.count - 2])
    }

    /// The next level from a level's data and the smallest positive knot of its path.
    static func successor(of problem: Problem, smallestPositiveKnot knot: Knot) throws -> Problem {
        guard let data = problem.data, data.scaling == .sum else {
            throw ProblemError("a Mairal–Yu round needs the level's data (A, b) with .sum scaling")
        }
        let a = data.X, b = data.y
        let residual = b.subtracting(a * knot.x)
        let alpha = Rational(99, 100) * knot.kappa / (Rational(2) * dot(b, residual) + .one)
        var y = b
        y.append(.one)
        return try Problem(X: bordered(a, column: (Rational(2) * alpha) * b, corner: alpha), y: y, scaling: .sum)
    }

    /// `[[A, column], [0, corner]]`.
    private static func bordered(_ a: Matrix, column: [Rational], corner: Rational) -> Matrix {
        var rows = a.rowArrays
        for i in rows.indices { rows[i].append(column[i]) }
        var last = [Rational](repeating: .zero, count: a.columns)
        last.append(corner)
        rows.append(last)
        return Matrix(rows)
    }
}
