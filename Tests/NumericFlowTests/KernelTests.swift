import Foundation
import Testing
@testable import NumericFlow
@testable import StiffODE

/// The hand-vectorised pieces of the integrator against naive reference computations, on sizes
/// that exercise every block/tail combination (odd and even lengths, fewer rows than a block).
@Suite("Integrator kernels")
struct KernelTests {
    /// Deterministic pseudo-random numbers in [−1, 1) (SplitMix64).
    private struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) * 0x1p-52 - 1
        }
    }

    /// A random SPD matrix `GᵀG/n + δI`, row-major.
    private func spd(_ n: Int, _ g: inout Numbers, shift: Double = 0.1) -> [Double] {
        let rows = n + 3
        let G = (0..<(rows * n)).map { _ in g.next() }
        var A = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<rows { s += G[k * n + i] * G[k * n + j] }
                A[i * n + j] = s / Double(rows) + (i == j ? shift : 0)
            }
        }
        return A
    }

    @Test("UᵀDU factorisation solves SPD systems of every size 1…21 (all block and tail cases)")
    func factorisation() {
        var g = Numbers(state: 7)
        for n in 1...21 {
            let A = spd(n, &g)
            let ld = DenseCholesky.paddedStride(n)
            var stored = [Double](repeating: 0, count: n * ld)
            for i in 0..<n { for j in 0..<n { stored[i * ld + j] = A[i * n + j] } }
            let b = (0..<n).map { _ in g.next() }
            var x = b + [Double](repeating: 0, count: ld - n)
            var inverseDiagonal = [Double](repeating: 0, count: n)
            stored.withUnsafeMutableBufferPointer { a in
                inverseDiagonal.withUnsafeMutableBufferPointer { inv in
                    #expect(DenseCholesky.factor(a.baseAddress!, n: n, stride: ld, inverseDiagonal: inv.baseAddress!))
                    x.withUnsafeMutableBufferPointer {
                        DenseCholesky.solve(a.baseAddress!, n: n, stride: ld, inverseDiagonal: inv.baseAddress!, $0.baseAddress!)
                    }
                }
            }
            var residual = 0.0
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s += A[i * n + j] * x[j] }
                residual = max(residual, abs(s - b[i]))
            }
            #expect(residual < 1e-12, "n = \(n): residual \(residual)")
            // D and U reproduce A = UᵀDU.
            var worst = 0.0
            for i in 0..<n {
                for j in i..<n {
                    var s = 0.0
                    for k in 0...i {
                        let uki = k == i ? 1 : stored[k * ld + i], ukj = k == j ? 1 : stored[k * ld + j]
                        s += uki * stored[k * ld + k] * ukj
                    }
                    worst = max(worst, abs(s - A[i * n + j]))
                }
            }
            #expect(worst < 1e-13, "n = \(n): ‖UᵀDU − A‖ = \(worst)")
        }
    }

    @Test("the factorisation rejects a matrix that is not positive definite")
    func indefinite() {
        let n = 6
        var g = Numbers(state: 3)
        var A = spd(n, &g)
        A[4 * n + 4] = -1  // a negative pivot at the latest in row 4
        let ld = DenseCholesky.paddedStride(n)
        var stored = [Double](repeating: 0, count: n * ld)
        for i in 0..<n { for j in 0..<n { stored[i * ld + j] = A[i * n + j] } }
        var inverseDiagonal = [Double](repeating: 0, count: n)
        let ok = stored.withUnsafeMutableBufferPointer { a in
            inverseDiagonal.withUnsafeMutableBufferPointer { inv in
                DenseCholesky.factor(a.baseAddress!, n: n, stride: ld, inverseDiagonal: inv.baseAddress!)
            }
        }
        #expect(!ok)
    }

    @Test("FastExp is within 1 ulp of glibc's exp on [−700, 700]")
    func fastExp() {
        var g = Numbers(state: 11)
        var points: [Double] = [-700, 700, 0, -0.0, 1e-300, -1e-300, 0.5 * M_LN2, -0.5 * M_LN2, M_LN2, -43.2, 1, -1]
        for _ in 0..<200_000 { points.append(700 * g.next()) }
        for _ in 0..<50_000 { points.append(2 * g.next()) }
        var worst = 0.0, at = 0.0
        var index = 0
        while index + 1 < points.count {
            let v = FastExp.exp2Lanes(SIMD2(points[index], points[index + 1]))
            for lane in 0..<2 {
                let x = points[index + lane], e = Foundation.exp(x)
                let ulps = abs(v[lane] - e) / e.ulp
                if ulps > worst { worst = ulps; at = x }
            }
            index += 2
        }
        #expect(worst <= 1, "worst \(worst) ulp at x = \(at)")
    }

    @Test("row combinations match the naive sums (8/4/1-row blocks, odd and even lengths)")
    func rowCombinations() {
        var g = Numbers(state: 5)
        for n in [1, 2, 3, 7, 8, 13, 50] {
            let A = (0..<(n * n)).map { _ in g.next() }
            let x = (0..<n).map { _ in g.next() }
            for m in 0...min(n, 13) {
                // Rows: every other index first, so the list is not the identity.
                let rows = (Array(stride(from: 0, to: n, by: 2)) + Array(stride(from: 1, to: n, by: 2))).prefix(m)
                var y = [Double](repeating: .nan, count: n)
                var expected = [Double](repeating: 0, count: n)
                for j in rows { for i in 0..<n { expected[i] += x[j] * A[j * n + i] } }
                Array(rows).withUnsafeBufferPointer { r in
                    y.withUnsafeMutableBufferPointer {
                        Kernels.combineRows(A, n, rows: r.baseAddress!, count: m, weights: x, into: $0.baseAddress!)
                    }
                }
                #expect(supDistance(y, expected) < 1e-14, "combineRows n = \(n), m = \(m)")
                // Compact form: the first m rows of A as an m × n matrix with weights x[0..<m].
                var z = [Double](repeating: .nan, count: n)
                var compactExpected = [Double](repeating: 0, count: n)
                for t in 0..<m { for i in 0..<n { compactExpected[i] += x[t] * A[t * n + i] } }
                z.withUnsafeMutableBufferPointer {
                    Kernels.combineCompactRows(A, rows: m, columns: n, weights: x, into: $0.baseAddress!)
                }
                #expect(supDistance(z, compactExpected) < 1e-14, "combineCompactRows n = \(n), m = \(m)")
            }
        }
    }

    @Test("stage-vector combinations match the naive sums (zero coefficients skipped, odd lengths)")
    func stageCombinations() {
        var g = Numbers(state: 9)
        for n in [1, 2, 5, 100] {
            let stages = 7
            let vectors = (0..<(stages * n)).map { _ in g.next() }
            let base = (0..<n).map { _ in g.next() }
            for count in 0...stages {
                var c = (0..<count).map { _ in g.next() }
                if count > 2 { c[1] = 0 }
                for withBase in [true, false] {
                    var expected = withBase ? base : [Double](repeating: 0, count: n)
                    for j in 0..<count { for i in 0..<n { expected[i] += c[j] * vectors[j * n + i] } }
                    var out = [Double](repeating: .nan, count: n)
                    c.withUnsafeBufferPointer { cp in
                        out.withUnsafeMutableBufferPointer { o in
                            base.withUnsafeBufferPointer { b in
                                Vectors.combine(into: o.baseAddress!, base: withBase ? b.baseAddress! : nil,
                                                coefficients: cp.baseAddress ?? UnsafePointer(o.baseAddress!),
                                                vectors: vectors, count: count, length: n)
                            }
                        }
                    }
                    #expect(supDistance(out, expected) < 1e-14, "n = \(n), count = \(count), base \(withBase)")
                }
            }
        }
    }

    /// `E = cI − J` formed densely from the Jacobian of `ZFlowField` (q block −L·M·diag(w), W
    /// rows L·diag(w)), and the structured solve of `ZFlowSystem` checked against it; and the
    /// fused evaluation against `ZFlowField.branches`. Small L keeps both exponential branches
    /// alive (the scalar path), large L takes the two-lane path; odd d exercises the tail.
    @Test("ZFlowSystem: evaluation equals the closed form, solves satisfy (cI − J) k = b",
          arguments: [("1e-3", DLNVariant.signed), ("1e-50", .signed), ("1e-3", .positive), ("1e-50", .positive)])
    func structuredSystem(epsilon: String, variant: DLNVariant) throws {
        var g = Numbers(state: 13)
        let d = 7
        let A = spd(d, &g, shift: 0.05)
        let M = (0..<d).map { i in (0..<d).map { j in A[i * d + j] } }
        let r = (0..<d).map { _ in g.next() }
        let problem = try DLNProblem(M: M, r: r, variant: variant, weightDecay: 0.1)
        let eps = try FlowEpsilon(parsing: epsilon)
        let field = ZFlowField(problem: problem, epsilon: eps, flushExponent: log(1e-16))
        let system = ZFlowSystem(field: field)
        let L = eps.logInverse
        for trial in 0..<4 {
            let s = 0.3 + Double(trial)
            // q near the box edge 1 + λs for most coordinates (active), inside it for the others
            // (flushed at large L).
            let base = 1 + 0.1 * s
            let q: [Double] = (0..<d).map { i in
                let edge = (i + trial) % 3 == 0 ? 0.5 : 1.0
                return (variant == .positive || i % 2 == 0 ? 1 : -1) * (base * edge + 0.2 * g.next() / L)
            }
            let y = q + (0..<d).map { _ in g.next() }
            var f = [Double](repeating: 0, count: 2 * d)
            let ok = y.withUnsafeBufferPointer { yp in
                f.withUnsafeMutableBufferPointer { system.evaluate(s: s, y: yp.baseAddress!, into: $0.baseAddress!, slot: 0) }
            }
            #expect(ok)
            var plus = [Double](repeating: 0, count: d), minus = plus
            _ = q.withUnsafeBufferPointer { qp in
                plus.withUnsafeMutableBufferPointer { p in
                    minus.withUnsafeMutableBufferPointer { m in
                        field.branches(s: s, q: qp.baseAddress!, plus: p.baseAddress!, minus: m.baseAddress!)
                    }
                }
            }
            let x = zip(plus, minus).map { $0 - $1 }
            let mx = problem.multiply(x)
            for i in 0..<d {
                #expect(abs(f[d + i] - x[i]) <= 4e-16 * abs(x[i]), "x_\(i): \(f[d + i]) vs \(x[i])")
                #expect(abs(f[i] - (r[i] - mx[i])) < 1e-13, "q'_\(i)")
            }
            // Structured solve against the dense E.
            var dfds = [Double](repeating: 0, count: 2 * d)
            y.withUnsafeBufferPointer { yp in
                dfds.withUnsafeMutableBufferPointer { system.linearize(s: s, y: yp.baseAddress!, slot: 0, dfds: $0.baseAddress!) }
            }
            let c = 1 / (0.05 * Double(trial + 1) * 0.25)
            #expect(system.factor(shift: c))
            let w = zip(plus, minus).map { $0 + $1 }
            let b = (0..<(2 * d)).map { _ in g.next() }
            var k = b
            k.withUnsafeMutableBufferPointer { system.solve($0.baseAddress!) }
            var worst = 0.0, scale = 0.0
            for i in 0..<d {
                // q row: c k_i + L Σ_j M_ij w_j k_j; W row: c k_{d+i} − L w_i k_i.
                var row = c * k[i]
                for j in 0..<d { row += L * M[i][j] * w[j] * k[j] }
                worst = max(worst, abs(row - b[i]))
                worst = max(worst, abs(c * k[d + i] - L * w[i] * k[i] - b[d + i]))
                scale = max(scale, abs(b[i]), abs(c * k[i]))
            }
            #expect(worst <= 1e-12 * max(1, scale), "residual \(worst) (trial \(trial))")
        }
    }

    @Test("dense output spans its storage blocks (cubic data reproduced exactly)")
    func denseBlocks() {
        // y = (s³, s), y' = (3s², 1): cubic Hermite interpolation is exact for cubics.
        var dense = HermiteDense(dimension: 2)
        let count = 2 * HermiteDense.blockSteps + 37
        for k in 0..<count {
            let s = Double(k) * 0.01
            let y = [s * s * s, s], f = [3 * s * s, 1.0]
            y.withUnsafeBufferPointer { yp in f.withUnsafeBufferPointer { dense.append(s, yp.baseAddress!, $0.baseAddress!) } }
        }
        #expect(dense.times.count == count)
        for s in [0.0, 0.005, 5.115, 5.12, 5.125, 10.235, Double(count - 1) * 0.01] {
            let v = dense.value(at: s, components: 0..<2)
            #expect(abs(v[0] - s * s * s) < 1e-12 * max(1, s * s * s) && abs(v[1] - s) < 1e-13, "s = \(s): \(v)")
        }
    }
}
