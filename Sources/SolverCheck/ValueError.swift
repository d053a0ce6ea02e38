import ExactArithmetic
import ExactLinearAlgebra

/// The pass/fail measure of a point x at penalty κ (docs/math.md §1), chosen so that a different valid
/// member of a non-unique solution set is not penalised:
/// - solution unique at κ: `‖x − x(κ)‖∞ / max(‖x(κ)‖∞, u)`, u = `ExactReference.unit` (`Criterion.solution`);
/// - not unique (singular M): `KKT violation / ‖r‖∞` (`Criterion.kkt`): every member has
///   KKT violation 0, while x(κ) is only the canonical member.
/// Both are unchanged when X or y is rescaled (`ExactReference.unit`).
public struct ValueError: Equatable, Sendable {
    public enum Criterion: String, Equatable, Sendable {
        case solution
        case kkt
    }

    public let criterion: Criterion
    public let error: Rational

    init(x: [Rational], kappa: Rational, reference: ExactReference) {
        if reference.isUnique(at: kappa) {
            let exact = reference.solution(at: kappa)
            self.init(criterion: .solution, error: exact.maxDistance(to: x) / reference.solutionScale(exact))
        } else {
            let problem = reference.problem
            let kkt = kktResidual(x: x, correlation: reference.correlation(x), kappa: kappa, variant: problem.variant)
            self.init(criterion: .kkt, error: kkt / reference.correlationScale)
        }
    }

    init(criterion: Criterion, error: Rational) {
        self.criterion = criterion
        self.error = error
    }
}
