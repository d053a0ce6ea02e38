import ExactArithmetic
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// A kept instance after shrinking, with what the summary table reports about it (docs/math.md §4): the
/// verdict's monotonicity and equivalence, where the averaged limit first leaves the lasso path,
/// and the largest exact limit gap.
public struct Finding: Sendable {
    /// The draw as it came from the distribution, and after shrinking.
    public let original: SearchInstance
    public let instance: SearchInstance
    public let shrinkSteps: Int
    public let problem: Problem
    public let monotone: Bool
    public let equivalent: Bool
    /// The maximal s-intervals where the averaged limit and the lasso path differ.
    public let divergence: [Divergence]
    /// sup over s > 0 of Lasso(x̄(s), s) − Lasso*(s), and where it is attained (nil: as s → ∞).
    public let maximumGap: Rational
    public let gapAt: Rational?
    /// Later instances found whose shrunk problem is this one's up to a signed permutation of
    /// coordinates (`SignedPermutation`), increasing.
    public internal(set) var duplicates: [Int] = []

    /// With `property`, a shrunk instance without it is refused (a file changed since `search`
    /// wrote it): its verdict is recomputed, not trusted.
    init(original: SearchInstance, shrunk: SearchInstance, steps: Int, keeping property: SearchProperty? = nil) throws {
        self.original = original
        instance = shrunk
        shrinkSteps = steps
        guard let problem = try shrunk.problem() else { throw SearchError("instance \(shrunk.index) shrank to nothing") }
        self.problem = problem
        let analysis = try InstanceAnalysis(problem)
        if let property, try !analysis.holds(property) {
            throw SearchError("the instance does not have the property \(property): not the file search wrote")
        }
        let verdict = try analysis.verdict
        monotone = verdict.monotone
        equivalent = verdict.equivalent
        divergence = verdict.divergence
        let best = verdict.gap.max { $0.maximum < $1.maximum }
        maximumGap = best?.maximum ?? .zero
        gapAt = best?.maximiser
    }

    /// One finding per problem up to a signed permutation of coordinates, in index order: the
    /// first of each class, with the indices of the others in `duplicates`.
    /// Only findings with the same `SignedPermutation.invariant` can relate, so each is compared
    /// with the kept ones of its invariant, not all: thousands of findings stay linear.
    static func deduplicated(_ findings: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        var keptWithInvariant: [[[Rational]]: [Int]] = [:]
        for f in findings.sorted(by: { $0.instance.index < $1.instance.index }) {
            let invariant = SignedPermutation.invariant(f.problem)
            let candidates = keptWithInvariant[invariant, default: []]
            if let k = candidates.first(where: { SignedPermutation.relates(kept[$0].problem, f.problem) }) {
                kept[k].duplicates = (kept[k].duplicates + [f.instance.index] + f.duplicates).sorted()
            } else {
                keptWithInvariant[invariant, default: []].append(kept.count)
                kept.append(f)
            }
        }
        return kept
    }

    /// "n×d".
    public var size: String { "\(instance.samples)×\(instance.features)" }
}
