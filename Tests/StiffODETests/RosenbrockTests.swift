import Foundation
import Testing
@testable import StiffODE

/// Scalar test system `y' = −y² + g(s)² + g'(s)`, exact solution `y = g(s) = cos s + 2`, plus
/// a stiff relaxation term `−k(y − g(s))` that vanishes on the exact solution. It exercises the
/// nonlinear, non-autonomous (`∂f/∂s`) and stiff parts of the method.
private final class ScalarSystem: StiffSystem {
    let stiffness: Double
    var dimension: Int { 1 }
    private var jacobian = 0.0
    private var e = 0.0
    init(stiffness: Double) { self.stiffness = stiffness }
    static func g(_ s: Double) -> Double { cos(s) + 2 }
    func evaluate(s: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, slot: Int) -> Bool {
        let g = Self.g(s)
        dy[0] = -y[0] * y[0] + g * g - sin(s) - stiffness * (y[0] - g)
        return true
    }
    func linearize(s: Double, y: UnsafePointer<Double>, slot: Int, dfds: UnsafeMutablePointer<Double>) {
        jacobian = -2 * y[0] - stiffness
        dfds[0] = 2 * Self.g(s) * (-sin(s)) - cos(s) + stiffness * (-sin(s))
    }
    func factor(shift: Double) -> Bool { e = shift - jacobian; return e != 0 }
    func solve(_ b: UnsafeMutablePointer<Double>) { b[0] /= e }
}

@Suite("Rosenbrock integrator")
struct RosenbrockTests {
    /// Global error at s = 2 with fixed step h.
    private func error(step h: Double, stiffness: Double, method: RosenbrockMethod = .rodas4) throws -> Double {
        var last = 0.0
        _ = try Rosenbrock.integrate(ScalarSystem(stiffness: stiffness), from: 0, y0: [3], to: 2,
                                     options: FlowOptions(method: method), record: { _, y, _ in last = y[0] },
                                     fixedStep: h)
        return abs(last - ScalarSystem.g(2))
    }

    /// Order p means the error drops by 2^p per halving of h; RODAS4 has p = 4. Measured on this
    /// problem (identical in a NumPy transcription of the same tableau): 3.74 from h = 1/40 to
    /// 1/80 and 3.9 below, so 3.6 is a safe floor, while a wrong coefficient drops the order to
    /// ≤ 3 (an order condition fails) or breaks convergence altogether.
    @Test("order 4 on a smooth non-autonomous problem (catches a wrong coefficient)")
    func orderOfConvergence() throws {
        let e1 = try error(step: 0.025, stiffness: 0)
        let e2 = try error(step: 0.0125, stiffness: 0)
        let observed = log2(e1 / e2)
        #expect(observed > 3.6, "observed order \(observed) (errors \(e1), \(e2))")
        #expect(e2 < 1e-10)
    }

    /// RODAS3 has order 3 (measured 3.3 from h = 1/40 to 1/80, tending to 3 from above).
    @Test("RODAS3 has order 3")
    func rodas3Order() throws {
        let e1 = try error(step: 0.025, stiffness: 0, method: .rodas3)
        let e2 = try error(step: 0.0125, stiffness: 0, method: .rodas3)
        let observed = log2(e1 / e2)
        #expect(observed > 2.8 && observed < 3.8, "observed order \(observed) (errors \(e1), \(e2))")
    }

    /// With a stiff term Rosenbrock methods show the known order reduction for time-dependent
    /// forcing (measured ≈ 2 here), but the solution still converges without any step-size
    /// restriction from the stiffness 1e3.
    @Test("stiff variant converges with steps far above the explicit stability limit")
    func stiffConvergence() throws {
        let e1 = try error(step: 0.05, stiffness: 1000)
        let e2 = try error(step: 0.025, stiffness: 1000)
        #expect(e2 < e1 && e2 < 1e-6, "errors \(e1), \(e2)")
    }

    @Test("adaptive integration meets its tolerance")
    func adaptiveAccuracy() throws {
        var last = 0.0
        let stats = try Rosenbrock.integrate(ScalarSystem(stiffness: 1e4), from: 0, y0: [3], to: 2,
                                         options: FlowOptions(relativeTolerance: 1e-7, absoluteTolerance: 1e-9),
                                         record: { _, y, _ in last = y[0] })
        #expect(abs(last - ScalarSystem.g(2)) < 1e-6)
        // L-stability: the stiff rate 1e4 must not force the ~1e4 steps an explicit method needs.
        #expect(stats.acceptedSteps < 1000, "\(stats)")
    }

    @Test("dense LU and Cholesky solve a small system")
    func linearAlgebra() {
        var a: [Double] = [4, 1, 2, 1, 3, 0.5, 2, 0.5, 5]
        var b: [Double] = [1, 2, 3]
        var piv = [0, 0, 0]
        let original = a
        a.withUnsafeMutableBufferPointer { ap in
            piv.withUnsafeMutableBufferPointer { pp in
                #expect(DenseLU.factor(ap.baseAddress!, n: 3, pivots: pp.baseAddress!))
                b.withUnsafeMutableBufferPointer { DenseLU.solve(ap.baseAddress!, n: 3, pivots: pp.baseAddress!, $0.baseAddress!) }
            }
        }
        for i in 0..<3 {
            let row = (0..<3).reduce(0.0) { $0 + original[i * 3 + $1] * b[$1] }
            #expect(abs(row - [1.0, 2, 3][i]) < 1e-13)
        }
        // UᵀDU with the padded even stride 4 (see `DenseCholesky`).
        var c = [Double](repeating: 0, count: 12)
        for i in 0..<3 { for j in 0..<3 { c[i * 4 + j] = original[i * 3 + j] } }
        var x: [Double] = [1, 2, 3, 0]
        var inv = [0.0, 0, 0]
        c.withUnsafeMutableBufferPointer { cp in
            inv.withUnsafeMutableBufferPointer { ip in
                #expect(DenseCholesky.factor(cp.baseAddress!, n: 3, stride: 4, inverseDiagonal: ip.baseAddress!))
                x.withUnsafeMutableBufferPointer {
                    DenseCholesky.solve(cp.baseAddress!, n: 3, stride: 4, inverseDiagonal: ip.baseAddress!, $0.baseAddress!)
                }
            }
        }
        x.removeLast()
        #expect(supDistance(x, b) < 1e-13)
    }
}

/// `max_i |a_i − b_i|`.
private func supDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
