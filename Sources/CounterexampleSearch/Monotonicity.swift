import ExactArithmetic
import LassoHomotopy

/// docs/math.md §4's exact test from the lasso path alone: z(μ) = μ·x(λwd + 1/μ) is coordinatewise
/// monotone iff on every segment reached by some s > 0 (κ_upper > λwd) every active coordinate's
/// μ-slope `a_i = intercept_i + λwd·slope_i` is 0 or has the sign of x_i there. On a segment
/// x(κ) = intercept + κ·slope, so z(μ) = a·μ + slope, affine in μ with slope a.
///
/// It is the search's pre-test: monotone ⇒ the averaged DLN limit *is* the lasso path (docs/math.md §4,
/// any PSD M); for positive definite M, non-monotone ⇒ it is not. Only the remaining case (non-
/// monotone, singular M) needs the limit itself. Agrees with `Verdict.monotone` (tested).
func isMonotone(_ path: LassoPath) -> Bool {
    let wd = path.problem.weightDecay
    let segments = path.segments
    for j in segments.indices where segments[j].upper > wd {
        let active = segments[j].active, signs = segments[j].signs
        for n in active.indices {
            let i = active[n]
            // With λwd = 0 (the common case) a is the intercept: no arithmetic needed.
            let a = wd.isZero ? segments[j].intercept[i] : segments[j].intercept[i] + wd * segments[j].slope[i]
            if a.signum * signs[n] < 0 { return false }
        }
    }
    return true
}
