/// A system `y' = f(s, y)` together with its own stage linear algebra, as the Rosenbrock
/// integrator needs it.
///
/// Each Rosenbrock step solves several systems with `E = I/(hγ) − J` for one Jacobian J. The
/// system owns J and the factorisation because the structure is problem-specific: for the Z-ODE
/// only a small active block of E needs an LU (see `ZFlowSystem`), for the weight dynamics J is
/// dense (see `DirectFlowSystem`). Conforming types are final classes that own preallocated
/// workspace, so the hot loop allocates nothing.
///
/// Evaluations write an auxiliary record into one of three slots; the integrator keeps the
/// record of the current step point and asks for the Jacobian there, so the Jacobian costs no
/// second evaluation.
package protocol StiffSystem: AnyObject {
    var dimension: Int { get }
    /// Writes `f(s, y)` and the auxiliary record into `slot` (0, 1 or 2). Returns false when the
    /// value is not representable (overflow): the integrator then rejects the step.
    func evaluate(s: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, slot: Int) -> Bool
    /// Forms J at the point whose evaluation left `slot`; writes `∂f/∂s` into `dfds`.
    func linearize(s: Double, y: UnsafePointer<Double>, slot: Int, dfds: UnsafeMutablePointer<Double>)
    /// Factors `E = shift·I − J`. False if singular.
    func factor(shift: Double) -> Bool
    /// Overwrites `b` with `E⁻¹ b`.
    func solve(_ b: UnsafeMutablePointer<Double>)
    /// True if `∂f/∂s` is identically zero, so the integrator can skip it (default false: then
    /// it checks the `dfds` that `linearize` writes).
    var isAutonomous: Bool { get }
}

extension StiffSystem {
    package var isAutonomous: Bool { false }
}

/// Preallocated doubles freed with the owner.
package final class Workspace {
    package let pointer: UnsafeMutablePointer<Double>
    package let count: Int
    package init(_ count: Int) {
        self.count = max(count, 1)
        pointer = .allocate(capacity: self.count)
        pointer.initialize(repeating: 0, count: self.count)
    }
    deinit { pointer.deallocate() }
}

/// Preallocated integers freed with the owner.
package final class IndexWorkspace {
    package let pointer: UnsafeMutablePointer<Int>
    package init(_ count: Int) {
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }
    deinit { pointer.deallocate() }
}
