import SeededRandom
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict
import Testing

/// Singular M (docs/math.md §4): the comparison is of M·x. Duplicating a column changes nothing that is
/// unique — q, M·x, jump times, the verdict — but makes the face minimisers non-unique, which is
/// reported rather than resolved.
@Suite struct SingularVerdictTests {
    @Test(arguments: [(UInt64(3), Variant.signed), (4, .signed), (5, .positive), (105, .signed)])
    func duplicatedColumnKeepsTheVerdict(_ seed: UInt64, _ variant: Variant) throws {
        var g = SplitMix64(seed: seed)
        let rows = (0..<6).map { _ in (0..<4).map { _ in Rational(g.nextInt(in: -3...3)) } }
        let y = (0..<6).map { _ in Rational(g.nextInt(in: -3...3)) }
        let reduced = try Problem(X: Matrix(rows), y: y, scaling: .sum, variant: variant)
        let doubled = try Problem(X: Matrix(rows.map { row in var copy = row; copy.append(row[0]); return copy }), y: y, scaling: .sum, variant: variant)
        #expect(!doubled.isPositiveDefinite)
        let a = try Verdict(problem: reduced), b = try Verdict(problem: doubled)
        #expect(b.comparesImages)
        #expect(b.contradiction == nil)
        #expect(b.equivalent == a.equivalent)
        #expect(b.divergence.map(\.from) == a.divergence.map(\.from))
        #expect(b.divergence.map(\.to) == a.divergence.map(\.to))
        #expect(b.limit.saddles.map(\.s) == a.limit.saddles.map(\.s))
        // Coordinate 1 and its copy reach the box together; where their total is nonzero the face
        // minimiser is not unique (only the total is determined), elsewhere it is.
        for saddle in b.limit.saddles { #expect(saddle.face.contains(0) == saddle.face.contains(4)) }
        let joined = b.limit.saddles.filter { !($0.x[0] + $0.x[4]).isZero }
        #expect(joined.allSatisfy { !$0.isUnique })
        if !joined.isEmpty {
            #expect(!b.limit.isUnique)
            #expect(b.statements.contains { $0.hasPrefix("the face minimiser is not unique") })
        }
        // The gap is identical: the lasso optimum and ℓ(x̄) depend on M·x and on ‖x̄‖₁, which a
        // duplicate column with the same sign cannot change.
        for s in ["1/5", "1", "3"].map(q) { #expect(try b.gap(at: s) == a.gap(at: s)) }
    }
}
