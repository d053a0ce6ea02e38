import Foundation

/// Small dense kernels written so that they vectorise without fast-math: floating-point
/// reductions are not reassociated by the optimiser, so dot products use four independent
/// accumulators, and matrix–vector products use the `axpy` (column) form. The hot ones
/// (`combineRows`, `combineCompactRows`) use explicit two-lane vectors (`SIMD2`, the SSE2 width
/// of the baseline x86-64 target), which also avoids the runtime alias checks and scalar
/// prologues the auto-vectoriser emits for every short loop.
package enum Kernels {
    /// `Σ a[i]·b[i]` with four partial sums.
    @inlinable @inline(__always)
    package static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < n { s0 += a[i] * b[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// `y = A·x` for a symmetric row-major `A` (so row j is column j): `y = Σ_j x_j A[j, :]`,
    /// an axpy per row with a contiguous, vectorisable inner loop. Rows with `x_j = 0` are skipped
    /// (inactive coordinates often are exactly 0 early on).
    @inlinable @inline(__always)
    package static func symmetricMultiply(_ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int,
                                  into y: UnsafeMutablePointer<Double>) {
        for i in 0..<n { y[i] = 0 }
        for j in 0..<n {
            let xj = x[j]
            if xj == 0 { continue }
            let row = a + j * n
            for i in 0..<n { y[i] += xj * row[i] }
        }
    }

    /// `y = Σ_t x[j_t]·A[j_t, :]` over the listed rows `j_0 … j_{m−1}` of a row-major `n`-column
    /// `A` (for symmetric A, `y = A·x` when x vanishes off the list). Eight (then four, then one)
    /// rows per pass, so `y` is loaded and stored an eighth as often as with one `axpy` per row;
    /// explicit two-lane vectors (see `DenseCholesky`).
    @inlinable @inline(__always)
    package static func combineRows(_ a: UnsafePointer<Double>, _ n: Int, rows: UnsafePointer<Int>, count m: Int,
                            weights x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>) {
        let even = n & ~1
        var t = 0
        if m >= 4 {
            let r0 = a + rows[0] &* n, r1 = a + rows[1] &* n, r2 = a + rows[2] &* n, r3 = a + rows[3] &* n
            let x0 = x[rows[0]], x1 = x[rows[1]], x2 = x[rows[2]], x3 = x[rows[3]]
            let v0 = SIMD2(repeating: x0), v1 = SIMD2(repeating: x1), v2 = SIMD2(repeating: x2), v3 = SIMD2(repeating: x3)
            var i = 0
            while i < even {
                store2((v0 * load2(r0 + i) + v1 * load2(r1 + i)) + (v2 * load2(r2 + i) + v3 * load2(r3 + i)), y + i)
                i &+= 2
            }
            if even < n { y[even] = (x0 * r0[even] + x1 * r1[even]) + (x2 * r2[even] + x3 * r3[even]) }
            t = 4
        } else {
            for i in 0..<n { y[i] = 0 }
        }
        while t &+ 8 <= m {
            let r0 = a + rows[t] &* n, r1 = a + rows[t &+ 1] &* n
            let r2 = a + rows[t &+ 2] &* n, r3 = a + rows[t &+ 3] &* n
            let r4 = a + rows[t &+ 4] &* n, r5 = a + rows[t &+ 5] &* n
            let r6 = a + rows[t &+ 6] &* n, r7 = a + rows[t &+ 7] &* n
            let x0 = x[rows[t]], x1 = x[rows[t &+ 1]], x2 = x[rows[t &+ 2]], x3 = x[rows[t &+ 3]]
            let x4 = x[rows[t &+ 4]], x5 = x[rows[t &+ 5]], x6 = x[rows[t &+ 6]], x7 = x[rows[t &+ 7]]
            let v0 = SIMD2(repeating: x0), v1 = SIMD2(repeating: x1), v2 = SIMD2(repeating: x2), v3 = SIMD2(repeating: x3)
            let v4 = SIMD2(repeating: x4), v5 = SIMD2(repeating: x5), v6 = SIMD2(repeating: x6), v7 = SIMD2(repeating: x7)
            var i = 0
            while i < even {
                let low = (v0 * load2(r0 + i) + v1 * load2(r1 + i)) + (v2 * load2(r2 + i) + v3 * load2(r3 + i))
                let high = (v4 * load2(r4 + i) + v5 * load2(r5 + i)) + (v6 * load2(r6 + i) + v7 * load2(r7 + i))
                store2(load2(y + i) + (low + high), y + i)
                i &+= 2
            }
            if even < n {
                y[even] += ((x0 * r0[even] + x1 * r1[even]) + (x2 * r2[even] + x3 * r3[even]))
                    + ((x4 * r4[even] + x5 * r5[even]) + (x6 * r6[even] + x7 * r7[even]))
            }
            t &+= 8
        }
        while t &+ 4 <= m {
            let r0 = a + rows[t] &* n, r1 = a + rows[t &+ 1] &* n
            let r2 = a + rows[t &+ 2] &* n, r3 = a + rows[t &+ 3] &* n
            let x0 = x[rows[t]], x1 = x[rows[t &+ 1]], x2 = x[rows[t &+ 2]], x3 = x[rows[t &+ 3]]
            let v0 = SIMD2(repeating: x0), v1 = SIMD2(repeating: x1), v2 = SIMD2(repeating: x2), v3 = SIMD2(repeating: x3)
            var i = 0
            while i < even {
                store2(load2(y + i) + ((v0 * load2(r0 + i) + v1 * load2(r1 + i)) + (v2 * load2(r2 + i) + v3 * load2(r3 + i))), y + i)
                i &+= 2
            }
            if even < n { y[even] += (x0 * r0[even] + x1 * r1[even]) + (x2 * r2[even] + x3 * r3[even]) }
            t &+= 4
        }
        while t < m {
            let r0 = a + rows[t] &* n, x0 = x[rows[t]]
            let v0 = SIMD2(repeating: x0)
            var i = 0
            while i < even {
                store2(load2(y + i) + v0 * load2(r0 + i), y + i)
                i &+= 2
            }
            if even < n { y[even] += x0 * r0[even] }
            t &+= 1
        }
    }

    /// `y = Σ_t z[t]·B[t, :]` for a row-major `m × n` matrix B (compact weights), four rows per pass.
    @inlinable @inline(__always)
    package static func combineCompactRows(_ b: UnsafePointer<Double>, rows m: Int, columns n: Int,
                                   weights z: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>) {
        for i in 0..<n { y[i] = 0 }
        let even = n & ~1
        var t = 0
        while t &+ 4 <= m {
            let r0 = b + t &* n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
            let z0 = z[t], z1 = z[t &+ 1], z2 = z[t &+ 2], z3 = z[t &+ 3]
            let v0 = SIMD2(repeating: z0), v1 = SIMD2(repeating: z1), v2 = SIMD2(repeating: z2), v3 = SIMD2(repeating: z3)
            var i = 0
            while i < even {
                store2(load2(y + i) + ((v0 * load2(r0 + i) + v1 * load2(r1 + i)) + (v2 * load2(r2 + i) + v3 * load2(r3 + i))), y + i)
                i &+= 2
            }
            if even < n { y[even] += (z0 * r0[even] + z1 * r1[even]) + (z2 * r2[even] + z3 * r3[even]) }
            t &+= 4
        }
        while t < m {
            let r0 = b + t &* n, z0 = z[t]
            for i in 0..<n { y[i] += z0 * r0[i] }
            t &+= 1
        }
    }
}
