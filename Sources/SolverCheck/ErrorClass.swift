import ExactArithmetic
import ExactLinearAlgebra

/// What kind of error a λ of the solver's output has (`dlnpath check-solver`'s last column).
///
/// - `ok`: within the tolerance.
/// - `stoppingTolerance`: off by more than the tolerance, but on the right face — the same
///   support and signs as the exact solution (entries below the tolerance, relative to the
///   solution's size `PointComparison.scale`, count as 0) — and by at most
///   `SolverCheck.stoppingToleranceLimit` of that size: what a solver stopped by its
///   convergence test (coordinate descent's duality gap, an iteration cap) leaves. Tightening the
///   solver's own tolerance fixes it.
/// - `structural`: a wrong support or sign, a missing or extra knot, a point that cannot be
///   compared (NaN), or values off by more than that limit: the solver took a wrong path, and no
///   tolerance setting of the solver fixes it.
public enum ErrorClass: String, Equatable, Sendable, Comparable {
    case ok
    case stoppingTolerance = "stopping-tolerance"
    case structural

    public static func < (a: ErrorClass, b: ErrorClass) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .ok ? 0 : self == .stoppingTolerance ? 1 : 2 }
}

extension PointComparison {
    /// The class of this point at `tolerance`, and for a structural error the reason in words
    /// (coordinates named by `names`, else x1 … xd).
    func classify(tolerance: Rational, names: [String]?) -> (ErrorClass, String?) {
        guard error > tolerance else { return (.ok, nil) }
        let threshold = tolerance * scale
        func name(_ i: Int) -> String { coordinateName(i, names) }
        func sign(_ s: Int) -> String { s > 0 ? "+" : s < 0 ? "−" : "0" }
        // The exact sign at coordinate i: x*'s where unique (nil: x*_i = 0), E's otherwise (nil: outside E).
        func exactSign(_ i: Int) -> Int? { exactSupport.firstIndex(of: i).map { exactSigns[$0] } }
        // A coordinate on the wrong side of 0 by more than the tolerance.
        for i in given.indices {
            let s = given[i].signum
            if unique {
                if let distance = wrongSignDistances[i], distance > threshold {
                    return (.structural, "\(name(i)) has sign \(sign(s)), exact \(sign(exactSign(i) ?? 0))")
                }
            } else if s != 0, given[i].magnitude > threshold {
                let allowed = exactSign(i)
                if allowed == nil || (allowed! != 0 && allowed! != s) {
                    return (.structural, "\(name(i)) has sign \(sign(s)), but every solution has \(allowed.map(sign) ?? "0") there")
                }
            }
        }
        if error > SolverCheck.stoppingToleranceLimit {
            let what = criterion == .solution ? "right support, values off by" : "right support, KKT violated by"
            return (.structural, "\(what) \(error.decimalString(significantDigits: 3)) (> \(SolverCheck.stoppingToleranceLimit.decimalString(significantDigits: 3)): not a stopping tolerance)")
        }
        return (.stoppingTolerance, nil)
    }
}

/// Coordinate i (0-based) in words: its name from a CSV header, else "x\(i + 1)".
func coordinateName(_ i: Int, _ names: [String]?) -> String { names?[i] ?? "x\(i + 1)" }
