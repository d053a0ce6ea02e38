import Foundation

/// Adaptive integration with a `RosenbrockTableau` and the standard step-size controller.
package enum Rosenbrock {
    /// Integrates from `s0` to `s1`, calling `record(s, y, f(s, y))` at `s0` and after every
    /// accepted step (enough for cubic Hermite dense output), and `progress(fraction)` now and
    /// then. J is evaluated once per step point (kept after a rejection); the system factors
    /// `I/(hγ) − J` once per attempt. Non-finite stages (overflow in a trial step) or a singular
    /// stage matrix reject the step and retry with a quarter of the step.
    /// `fixedStep` (tests only: measuring the order of convergence) disables error control.
    package static func integrate<S: StiffSystem>(
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
        let k = take(stages * n)  // k_j = k + j·n
        // Tableau rows flattened (row i of a and C padded to `stages` entries) so that the stage
        // loop reads no Swift arrays.
        let coefficients = Workspace(2 * stages * stages + 2 * stages)
        let aRows = coefficients.pointer, cRows = aRows + stages * stages
        let mRow = cRows + stages * stages, eRow = mRow + stages
        for i in 0..<stages {
            for j in 0..<stages {
                aRows[i * stages + j] = j < tableau.a[i].count ? tableau.a[i][j] : 0
                cRows[i * stages + j] = j < tableau.C[i].count ? tableau.C[i][j] : 0
            }
            mRow[i] = tableau.m[i]
            eRow[i] = tableau.e[i]
        }
        let reusesStart = (0..<stages).map { tableau.reusesStart($0) }
        let scaled = Workspace(stages)  // C_ij / h for the current stage
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
        var timeDependent = true
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
                // ∂f/∂s enters the stages only if it is nonzero somewhere.
                var anyNonzero = false
                if !system.isAutonomous {
                    for i in 0..<n { anyNonzero = anyNonzero || fs[i] != 0 }
                }
                timeDependent = anyNonzero
            }
            stats.decompositions += 1
            var ok = system.factor(shift: 1 / (h * tableau.gamma))

            let ih = 1 / h
            var stage = 0
            while ok && stage < stages {
                let ki = k + stage * n
                // Stage value and f there (or f(s, y) again).
                let fStage: UnsafeMutablePointer<Double>
                if reusesStart[stage] {
                    fStage = f0
                } else {
                    Vectors.combine(into: yt, base: y, coefficients: aRows + stage * stages, vectors: k, count: stage, length: n)
                    ok = system.evaluate(s: s + tableau.alpha[stage] * h, y: yt, into: ft, slot: slotStage)
                    stats.functionEvaluations += 1
                    fStage = ft
                }
                guard ok else { break }
                // k_i = E⁻¹ (f_i + h d_i ∂f/∂s + Σ_j (C_ij/h) k_j).
                for j in 0..<stage { scaled.pointer[j] = cRows[stage * stages + j] * ih }
                Vectors.combine(into: ki, base: fStage, coefficients: scaled.pointer, vectors: k, count: stage, length: n)
                if timeDependent {
                    let dh = h * tableau.d[stage]
                    for i in 0..<n { ki[i] += dh * fs[i] }
                }
                system.solve(ki)
                stage += 1
            }

            var errNorm = Double.infinity
            if ok {
                Vectors.combine(into: ynew, base: y, coefficients: mRow, vectors: k, count: stages, length: n)
                Vectors.combine(into: err, base: nil, coefficients: eRow, vectors: k, count: stages, length: n)
                if fixedStep != nil {
                    errNorm = 0
                    for i in 0..<n where !ynew[i].isFinite { errNorm = .infinity }
                } else {
                    // Two lanes and two independent sums (the sum is a latency chain otherwise).
                    let vAtol = SIMD2(repeating: atol), vRtol = SIMD2(repeating: rtol)
                    var sum0 = SIMD2<Double>.zero, sum1 = SIMD2<Double>.zero
                    var i = 0
                    while i &+ 4 <= n {
                        let i2 = i &+ 2
                        let e0 = load2(err + i) / (vAtol + vRtol * largerMagnitude(load2(y + i), load2(ynew + i)))
                        let e1 = load2(err + i2) / (vAtol + vRtol * largerMagnitude(load2(y + i2), load2(ynew + i2)))
                        sum0 += e0 * e0
                        sum1 += e1 * e1
                        i &+= 4
                    }
                    var sum = (sum0 + sum1).sum()
                    while i < n {
                        let e = err[i] / (atol + rtol * max(abs(y[i]), abs(ynew[i])))
                        sum += e * e
                        i &+= 1
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

/// Linear combinations of the stage vectors.
enum Vectors {
    /// `out = base + Σ_{j<count} c_j · v_j` with `v_j = vectors + j·length` (base nil: 0). Terms
    /// with c_j = 0 are skipped; up to four terms per pass over `out`, two lanes at a time.
    @inline(__always)
    static func combine(into out: UnsafeMutablePointer<Double>, base: UnsafePointer<Double>?,
                        coefficients c: UnsafePointer<Double>, vectors: UnsafePointer<Double>,
                        count: Int, length n: Int) {
        var terms: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var pending = 0
        var first = true
        func flush() {
            let even = n & ~1
            let v0 = vectors + terms.0 &* n, v1 = vectors + terms.1 &* n
            let v2 = vectors + terms.2 &* n, v3 = vectors + terms.3 &* n
            let c0 = c[terms.0], c1 = pending > 1 ? c[terms.1] : 0
            let c2 = pending > 2 ? c[terms.2] : 0, c3 = pending > 3 ? c[terms.3] : 0
            let w0 = SIMD2(repeating: c0), w1 = SIMD2(repeating: c1), w2 = SIMD2(repeating: c2), w3 = SIMD2(repeating: c3)
            let from: UnsafePointer<Double>? = first ? base : UnsafePointer(out)
            var i = 0
            switch (pending, from) {
            case (4, let b?):
                while i < even { store2(load2(b + i) + ((w0 * load2(v0 + i) + w1 * load2(v1 + i)) + (w2 * load2(v2 + i) + w3 * load2(v3 + i))), out + i); i &+= 2 }
            case (4, nil):
                while i < even { store2((w0 * load2(v0 + i) + w1 * load2(v1 + i)) + (w2 * load2(v2 + i) + w3 * load2(v3 + i)), out + i); i &+= 2 }
            case (3, let b?):
                while i < even { store2(load2(b + i) + ((w0 * load2(v0 + i) + w1 * load2(v1 + i)) + w2 * load2(v2 + i)), out + i); i &+= 2 }
            case (3, nil):
                while i < even { store2((w0 * load2(v0 + i) + w1 * load2(v1 + i)) + w2 * load2(v2 + i), out + i); i &+= 2 }
            case (2, let b?):
                while i < even { store2(load2(b + i) + (w0 * load2(v0 + i) + w1 * load2(v1 + i)), out + i); i &+= 2 }
            case (2, nil):
                while i < even { store2(w0 * load2(v0 + i) + w1 * load2(v1 + i), out + i); i &+= 2 }
            case (_, let b?):
                while i < even { store2(load2(b + i) + w0 * load2(v0 + i), out + i); i &+= 2 }
            case (_, nil):
                while i < even { store2(w0 * load2(v0 + i), out + i); i &+= 2 }
            }
            if even < n {
                // Odd length: the last entry, with the pending terms only.
                var t = c0 * v0[even]
                if pending > 1 { t += c1 * v1[even] }
                if pending > 2 { t += c2 * v2[even] }
                if pending > 3 { t += c3 * v3[even] }
                out[even] = (from.map { $0[even] } ?? 0) + t
            }
            first = false
            pending = 0
        }
        for j in 0..<count where c[j] != 0 {
            switch pending {
            case 0: terms.0 = j
            case 1: terms.1 = j
            case 2: terms.2 = j
            default: terms.3 = j
            }
            pending += 1
            if pending == 4 { flush() }
        }
        if pending > 0 { flush() }
        if first {
            if let base { for i in 0..<n { out[i] = base[i] } } else { for i in 0..<n { out[i] = 0 } }
        }
    }
}

/// `max(|a|, |b|)` lane-wise.
@inline(__always)
func largerMagnitude(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> {
    pointwiseMax(pointwiseMax(a, -a), pointwiseMax(b, -b))
}
