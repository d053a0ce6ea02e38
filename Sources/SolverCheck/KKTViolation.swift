import ExactArithmetic
import ProblemDefinition

/// The largest KKT residual of a point x for the lasso at penalty κ (docs/math.md §1), with c = r − Mx:
///
/// - signed: `|c_i − κ·sign(x_i)|` where x_i ≠ 0, `max(|c_i| − κ, 0)` where x_i = 0;
/// - positive: `|c_i − κ|` where x_i > 0, `max(c_i − κ, 0)` where x_i = 0, and
///   `max(|x_i|, |c_i − κ|)` where x_i < 0 (infeasible: nonzero with the wrong sign).
///
/// It is 0 exactly when x is a lasso solution, for every member of a non-unique solution set
/// (all share c, docs/math.md §0), so it is the measure that does not depend on which member a solver
/// returns. It is in the units of r. A coordinate that should be 0 but is tiny and nonzero
/// counts with its full subgradient residual: KKT has no tolerance.
func kktResidual(x: [Rational], correlation c: [Rational], kappa: Rational, variant: Variant) -> Rational {
    var worst = Rational.zero
    for i in x.indices {
        let residual: Rational
        switch (variant, x[i].signum) {
        case (.signed, 0): residual = Rational.max(c[i].magnitude - kappa, .zero)
        case (.signed, let s): residual = (c[i] - Rational(s) * kappa).magnitude
        case (.positive, 0): residual = Rational.max(c[i] - kappa, .zero)
        case (.positive, 1): residual = (c[i] - kappa).magnitude
        case (.positive, _): residual = Rational.max(x[i].magnitude, (c[i] - kappa).magnitude)
        }
        worst = Rational.max(worst, residual)
    }
    return worst
}
