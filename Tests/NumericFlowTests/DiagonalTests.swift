import Foundation
import Testing
import NumericFlow

/// Orthogonal design (diagonal M): the flow is solvable in closed form, the path is monotone.
///
/// ## The bound used below
/// Per coordinate (r > 0; r < 0 is symmetric), `x̄_ε(s) = (r − φ(t)/(sL))/m` with
/// `φ' = 2r − mε sinh φ`, `φ(0) = 0`, `t = sL/2` (see `Instances.diagonalClosedForm`), while the
/// limit is `x̄₀(s) = (r − min(r, 1/s))/m = (r − min(2rt, L)/(sL))/m`. So
/// `|x̄_ε − x̄₀| = |φ(t) − min(2rt, L)|/(sLm)`, and:
/// - φ increases from 0 to `φ* = asinh(2r/(mε)) ≤ L + log(4r/m) + o(1)`, and `φ' ≤ 2r`, so
///   `φ ≤ min(2rt, φ*)`;
/// - `sinh φ ≤ e^φ/2` gives `φ' ≥ 2r − (mε/2)e^φ`, whose solution from 0 is
///   `−log(mε/(4r) + (1 − mε/(4r))e^{−2rt}) ≥ min(2rt, L + log(4r/m)) − log 2`.
/// Hence `|φ − min(2rt, L)| ≤ log 2 + |log(4r/m)|`, and for `s ≥ 1/(2r)` the deviation is at most
/// `2r(log 2 + |log(4r/m)|)/(L m)`. For `s < 1/(2r)`: `x̄₀ = 0` and `x̄_ε ≤ max x ≤ (ε/4)e^{2rt}
/// ≤ e^{−L/2}/4`. The sup over s is below the max of these over the coordinates
/// (`Instances.diagonalBound`): 8.16/L here, i.e. 0.035 at ε = 1e-100.
@Suite("Diagonal M: closed form and convergence to the limit")
struct DiagonalTests {
    @Test("Z-ODE matches the closed-form solution", arguments: ["1e-5", "1e-20", "1e-100"])
    func closedForm(epsilon: String) throws {
        let eps = try FlowEpsilon(parsing: epsilon)
        let trajectory = try ZFlow.solve(try Instances.diagonal(), epsilon: eps, sMax: 3)
        var worst = 0.0
        for s in stride(from: 0.02, through: 3, by: 0.02) {
            let exact = zip(Instances.diagonalM, Instances.diagonalR).map {
                Instances.diagonalClosedForm(m: $0, r: $1, L: eps.logInverse, s: s)
            }
            worst = max(worst, supDistance(trajectory.averaged(at: s), exact))
        }
        #expect(worst < 1e-7, "max |x̄_ε − closed form| = \(worst)")
    }

    @Test("deviation from the exact limit decreases in ε and is below the derived bound at 1e-100")
    func sweep() throws {
        let report = try EpsilonSweep.run(
            try Instances.diagonal(), epsilons: try FlowEpsilon.parseList("1e-5,1e-10,1e-20,1e-50,1e-100"),
            exact: try Instances.diagonalLimit(), lasso: try Instances.diagonalPath(),
            sMax: Instances.defaultSMax(try Instances.diagonalLimit(), try Instances.diagonalPath()), gridPoints: 600)
        let deviations = report.rows.map(\.maxDeviationFromLimit)
        for (a, b) in zip(deviations, deviations.dropFirst()) { #expect(b < a, "\(deviations)") }
        let L = report.rows.last!.logInverseEpsilon
        #expect(deviations.last! <= Instances.diagonalBound(L: L), "\(deviations.last!) vs bound \(Instances.diagonalBound(L: L))")
        // The bound is also a valid yardstick at every ε (the closed form is exact).
        for row in report.rows { #expect(row.maxDeviationFromLimit <= Instances.diagonalBound(L: row.logInverseEpsilon)) }
        // Monotone case: the limit is the lasso path, so both deviations coincide and the reading agrees.
        #expect(report.limitDistanceFromLasso < 1e-12)
        for row in report.rows { #expect(abs(row.maxDeviationFromLasso - row.maxDeviationFromLimit) < 1e-9) }
        #expect(report.fitLimit.verdict == .consistent, "\(report.fitLimit.reading)")
        #expect(report.fitLasso.verdict == .consistent, "\(report.fitLasso.reading)")
        #expect(report.fitLimit.reading.contains("approach the exact limit like 1/log(1/ε)"))
    }
}
