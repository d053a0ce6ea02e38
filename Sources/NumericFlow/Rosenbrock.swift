import Foundation

/// Adaptive integration with a `RosenbrockTableau` and the standard step-size controller.
enum Rosenbrock {
    /// Integrates from `s0` to `s1`, calling `record(s, y, f(s, y))` at `s0` and after every
    /// accepted step (enough for cubic Hermite dense output), and `progress(fraction)` now and
    /// then. J is evaluated once per step point (kept after a rejection); the system factors
    /// `I/(hγ) − J` once per attempt. Non-finite stages (overflow in a trial step) or a singular
    /// stage matrix reject the step and retry with a quarter of the step.
    /// `fixedStep` (tests only: measuring the order of convergence) disables error control.
    static func integrate<S: StiffSystem>(
        _ system: S, from s0: Double, y0: [Double], to s1: Double, options: FlowOptions,
        record: (Double, UnsafePointer<Double>, UnsafePointer<Double>) -> Void,
        progress: ((Double) -> Void)? = nil, fixedStep: Double? = nil
    ) throws -> IntegrationStatistics {
        let n = system.dimension
        precondition(y0.count == n && s1 > s0)
        let method = options.method
        let tableau = RosenbrockTableau.of(method)
        let stages = tableau.stages
        var stats = IntegrationStatistics()
        stats.method = method
        let storage = Workspace((8 + stages) * n)
        var off = 0
        func take(_ c: Int) -> UnsafeMutablePointer<Double> { defer { off += c }; return storage.pointer + off }
        let y = take(n), f0 = take(n), fs = take(n), yt = take(n), ft = take(n)
        let ynew = take(n), fnew = take(n), err = take(n)
        let k = (0..<stages).map { _ in take(n) }
        // Auxiliary-record slots: the current point's, the trial new point's, and stages'.
        var slotCurrent = 0, slotNew = 1
        let slotStage = 2

        for i in 0..<n { y[i] = y0[i] }
        var s = s0
        guard system.evaluate(s: s, y: y, into: f0, slot: slotCurrent) else {
            throw FlowError.integrationFailed("right-hand side not finite at the initial point")
        }
        stats.functionEvaluations += 1
        record(s, y, f0)

        let span = s1 - s0
        var h = min(fixedStep ?? options.initialStep ?? span * 1e-4, span)
        var jacobianFresh = false
        var lastRejected = false
        var lastReported = 0.0
        let rtol = options.relativeTolerance, atol = options.absoluteTolerance

        var attempts = 0
        while s < s1 {
            attempts += 1
            if attempts > options.maxSteps {
                throw FlowError.integrationFailed("more than \(options.maxSteps) steps before s = \(s1) (reached s = \(s))")
            }
            if h < 1e-14 * max(abs(s), span) {
                throw FlowError.integrationFailed("step size underflow at s = \(s)")
            }
            // Land exactly on s1; avoid a sliver of a last step.
            var last = false
            if s + 1.01 * h >= s1 { h = s1 - s; last = true }

            if !jacobianFresh {
                system.linearize(s: s, y: y, slot: slotCurrent, dfds: fs)
                stats.jacobianEvaluations += 1
                jacobianFresh = true
            }
            stats.decompositions += 1
            var ok = system.factor(shift: 1 / (h * tableau.gamma))

            let ih = 1 / h
            var stage = 0
            while ok && stage < stages {
                let ki = k[stage]
                // Stage value and f there (or f(s, y) again).
                let fStage: UnsafeMutablePointer<Double>
                if tableau.reusesStart(stage) {
                    fStage = f0
                } else {
                    for i in 0..<n { yt[i] = y[i] }
                    for (j, aij) in tableau.a[stage].enumerated() where aij != 0 {
                        let kj = k[j]
                        for i in 0..<n { yt[i] += aij * kj[i] }
                    }
                    ok = system.evaluate(s: s + tableau.alpha[stage] * h, y: yt, into: ft, slot: slotStage)
                    stats.functionEvaluations += 1
                    fStage = ft
                }
                guard ok else { break }
                let dh = h * tableau.d[stage]
                for i in 0..<n { ki[i] = fStage[i] + dh * fs[i] }
                for (j, cij) in tableau.C[stage].enumerated() where cij != 0 {
                    let kj = k[j], c = cij * ih
                    for i in 0..<n { ki[i] += c * kj[i] }
                }
                system.solve(ki)
                stage += 1
            }

            var errNorm = Double.infinity
            if ok {
                for i in 0..<n { ynew[i] = y[i]; err[i] = 0 }
                for j in 0..<stages {
                    let kj = k[j], mj = tableau.m[j], ej = tableau.e[j]
                    if mj != 0 { for i in 0..<n { ynew[i] += mj * kj[i] } }
                    if ej != 0 { for i in 0..<n { err[i] += ej * kj[i] } }
                }
                if fixedStep != nil {
                    errNorm = 0
                    for i in 0..<n where !ynew[i].isFinite { errNorm = .infinity }
                } else {
                    var sum = 0.0
                    for i in 0..<n {
                        let e = err[i] / (atol + rtol * max(abs(y[i]), abs(ynew[i])))
                        sum += e * e
                    }
                    errNorm = sqrt(sum / Double(n))
                    if !errNorm.isFinite { errNorm = .infinity }
                }
            }
            if errNorm <= 1 {
                // The derivative at the new point is the next step's first stage and the Hermite
                // slope of the dense output; its auxiliary record feeds the next Jacobian.
                let sNext = last ? s1 : s + h
                if system.evaluate(s: sNext, y: ynew, into: fnew, slot: slotNew) {
                    stats.functionEvaluations += 1
                    s = sNext
                    for i in 0..<n { y[i] = ynew[i]; f0[i] = fnew[i] }
                    swap(&slotCurrent, &slotNew)
                    jacobianFresh = false
                    stats.acceptedSteps += 1
                    record(s, y, f0)
                    if let progress, (s - s0) / span - lastReported >= 0.001 || s >= s1 {
                        lastReported = (s - s0) / span
                        progress(lastReported)
                    }
                    // Standard controller: h·(0.9·err^(−1/(q+1))), growth ≤ 6 (≤ 1 after a rejection).
                    var factor = 0.9 * pow(max(errNorm, 1e-10), -tableau.errorExponent)
                    factor = min(lastRejected ? 1 : 6, max(0.2, factor))
                    h = fixedStep ?? h * factor
                    lastRejected = false
                    continue
                }
                errNorm = .infinity
            }
            // Rejected (too large an error, overflow, or a singular stage matrix).
            stats.rejectedSteps += 1
            lastRejected = true
            if errNorm.isFinite {
                h *= max(0.2, 0.9 * pow(errNorm, -tableau.errorExponent))
            } else {
                h *= 0.25
            }
        }
        return stats
    }
}
