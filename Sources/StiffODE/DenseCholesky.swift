/// Small dense square-root-free Cholesky factorisation `A = UᵀDU` (U unit upper triangular, D
/// diagonal; `LDLᵀ` with L = Uᵀ) for the symmetric positive definite stage matrices of the Z-ODE:
/// half the flops of LU and no pivoting. A has a Cholesky factor `R = D^{1/2}U`; the positivity
/// test on the pivots D is the same.
///
/// Layout: row-major with an even row stride `ld ≥ n` (`paddedStride(n)`); the pad columns
/// `n..<ld` must hold finite values (zero) and stay so. The strict upper triangle holds U, the
/// diagonal holds D, and U is mirrored into the strict lower triangle (`a[i, j] = U[j, i]` for
/// j < i), so both triangular solves run as contiguous `axpy`s.
///
/// Why this shape: the matrices are small (|A| ≤ d, typically 20–50), so the cost is in loads,
/// stores, loop overhead and the latency of the sequential parts, not in multiplications.
/// - The loops use explicit two-lane vectors (`SIMD2`, the SSE2 width of the baseline x86-64
///   target) starting at an even column, which removes the runtime alias checks, peeling and
///   scalar tails that the auto-vectoriser emits for every short inner loop.
/// - They are register-blocked four rows at a time, so each destination is loaded and stored a
///   quarter as often.
/// - Unit triangles keep the substitution chains short (one multiply and one subtraction per
///   unknown, no division or scaling on the chain), and the factorisation takes no square roots.
package enum DenseCholesky {
    /// Smallest even stride ≥ n.
    @inline(__always)
    package static func paddedStride(_ n: Int) -> Int { (n &+ 1) & ~1 }

    /// Factors the SPD row-major `n × n` matrix `a` with row stride `ld` (even, ≥ n; pad columns
    /// finite). Reads the upper triangle; writes U, D as described above (the input's lower
    /// triangle is ignored and overwritten). `1/D` goes to `inverseDiagonal`. Returns false if a
    /// pivot D_k is not positive and finite (the caller then falls back to LU).
    ///
    /// Up-looking, two rows at a time: with `T[k, j] = A[k, j] − Σ_{p<k} (D_p U[p, k]) U[p, j]`,
    /// `D_k = T[k, k]` and `U[k, j] = T[k, j] / D_k`. Rows k and k+1 (k even) receive the sums
    /// over p < k together, four previous rows per pass, each previous row loaded once for both;
    /// then row k is finished and its term subtracted from row k+1.
    @inline(__always)
    package static func factor(_ a: UnsafeMutablePointer<Double>, n: Int, stride ld: Int,
                       inverseDiagonal: UnsafeMutablePointer<Double>) -> Bool {
        precondition(ld >= n && ld & 1 == 0)
        var k = 0
        while k < n {
            // k is even here, so rows k and k+1 both start their vector passes at column k.
            let dstA = a + (k &* ld &+ k)
            let width = ld &- k
            if k &+ 1 < n {
                // Two rows at once: each previous row p is loaded once for both.
                let dstB = dstA + ld
                var p = 0
                while p &+ 4 <= k {
                    let r0 = a + p &* ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld
                    let d0 = r0[p], d1 = r1[p &+ 1], d2 = r2[p &+ 2], d3 = r3[p &+ 3]
                    let a0 = SIMD2(repeating: r0[k] * d0), a1 = SIMD2(repeating: r1[k] * d1)
                    let a2 = SIMD2(repeating: r2[k] * d2), a3 = SIMD2(repeating: r3[k] * d3)
                    let b0 = SIMD2(repeating: r0[k &+ 1] * d0), b1 = SIMD2(repeating: r1[k &+ 1] * d1)
                    let b2 = SIMD2(repeating: r2[k &+ 1] * d2), b3 = SIMD2(repeating: r3[k &+ 1] * d3)
                    let s0 = r0 + k, s1 = r1 + k, s2 = r2 + k, s3 = r3 + k
                    var j = 0
                    while j < width {
                        let x0 = load2(s0 + j), x1 = load2(s1 + j), x2 = load2(s2 + j), x3 = load2(s3 + j)
                        store2(load2(dstA + j) - ((a0 * x0 + a1 * x1) + (a2 * x2 + a3 * x3)), dstA + j)
                        store2(load2(dstB + j) - ((b0 * x0 + b1 * x1) + (b2 * x2 + b3 * x3)), dstB + j)
                        j &+= 2
                    }
                    p &+= 4
                }
                while p < k {
                    let r0 = a + p &* ld
                    let d0 = r0[p]
                    let a0 = SIMD2(repeating: r0[k] * d0), b0 = SIMD2(repeating: r0[k &+ 1] * d0)
                    let s0 = r0 + k
                    var j = 0
                    while j < width {
                        let x0 = load2(s0 + j)
                        store2(load2(dstA + j) - a0 * x0, dstA + j)
                        store2(load2(dstB + j) - b0 * x0, dstB + j)
                        j &+= 2
                    }
                    p &+= 1
                }
                // Row k: D_k and U[k, ·].
                let pivotA = dstA[0]
                guard pivotA > 0, pivotA.isFinite else { return false }
                let invA = 1 / pivotA
                let coupling = SIMD2(repeating: dstA[1])  // T[k, k+1] = D_k U[k, k+1]
                let scaleA = SIMD2(repeating: invA)
                var j = 0
                while j < width {
                    store2(load2(dstA + j) * scaleA, dstA + j)
                    j &+= 2
                }
                dstA[0] = pivotA
                inverseDiagonal[k] = invA
                // Row k+1: subtract row k's term, then D_{k+1} and U[k+1, ·]. (Column k of row
                // k+1 is a lower-triangle entry: updated here, overwritten by the mirroring.)
                j = 0
                while j < width {
                    store2(load2(dstB + j) - coupling * load2(dstA + j), dstB + j)
                    j &+= 2
                }
                let pivotB = dstB[1]
                guard pivotB > 0, pivotB.isFinite else { return false }
                let invB = 1 / pivotB
                let scaleB = SIMD2(repeating: invB)
                j = 0
                while j < width {
                    store2(load2(dstB + j) * scaleB, dstB + j)
                    j &+= 2
                }
                dstB[1] = pivotB
                inverseDiagonal[k &+ 1] = invB
                k &+= 2
            } else {
                // The last row when n is odd.
                var p = 0
                while p &+ 4 <= k {
                    let r0 = a + p &* ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld
                    let c0 = SIMD2(repeating: r0[k] * r0[p]), c1 = SIMD2(repeating: r1[k] * r1[p &+ 1])
                    let c2 = SIMD2(repeating: r2[k] * r2[p &+ 2]), c3 = SIMD2(repeating: r3[k] * r3[p &+ 3])
                    let s0 = r0 + k, s1 = r1 + k, s2 = r2 + k, s3 = r3 + k
                    var j = 0
                    while j < width {
                        let update = (c0 * load2(s0 + j) + c1 * load2(s1 + j)) + (c2 * load2(s2 + j) + c3 * load2(s3 + j))
                        store2(load2(dstA + j) - update, dstA + j)
                        j &+= 2
                    }
                    p &+= 4
                }
                while p < k {
                    let r0 = a + p &* ld
                    let c0 = SIMD2(repeating: r0[k] * r0[p])
                    let s0 = r0 + k
                    var j = 0
                    while j < width {
                        store2(load2(dstA + j) - c0 * load2(s0 + j), dstA + j)
                        j &+= 2
                    }
                    p &+= 1
                }
                let pivot = dstA[0]
                guard pivot > 0, pivot.isFinite else { return false }
                let inv = 1 / pivot
                // Only columns k (the pivot) and beyond matter; width − 1 entries after it.
                var j = 1
                while j < width { dstA[j] *= inv; j &+= 1 }
                inverseDiagonal[k] = inv
                k &+= 1
            }
        }
        // Mirror U into the strict lower triangle: row i then holds column i of U.
        var i = 1
        while i < n {
            let row = a + i &* ld
            var column = a + i
            for j in 0..<i {
                row[j] = column[0]
                column += ld
            }
            i &+= 1
        }
        return true
    }

    /// Solves `A x = b` in place from `factor`'s output (same `n`, `ld`). `b` must have room for
    /// `ld` entries; `b[n..<ld]` is set to zero.
    @inline(__always)
    package static func solve(_ a: UnsafePointer<Double>, n: Int, stride ld: Int, inverseDiagonal: UnsafePointer<Double>,
                      _ b: UnsafeMutablePointer<Double>) {
        for j in n..<ld { b[j] = 0 }
        // Uᵀ w = b, forward: w_k = b_k, then b_j −= U[k, j] w_k for j > k (rows of U), four k
        // per pass (k ≡ 0 mod 4, so the update starts at an even column).
        var k = 0
        while k &+ 4 <= n {
            let r0 = a + k &* ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld
            let w0 = b[k]
            let w1 = b[k &+ 1] - r0[k &+ 1] * w0
            let w2 = (b[k &+ 2] - r0[k &+ 2] * w0) - r1[k &+ 2] * w1
            let w3 = ((b[k &+ 3] - r0[k &+ 3] * w0) - r1[k &+ 3] * w1) - r2[k &+ 3] * w2
            b[k &+ 1] = w1; b[k &+ 2] = w2; b[k &+ 3] = w3
            let start = k &+ 4
            let v0 = SIMD2(repeating: w0), v1 = SIMD2(repeating: w1)
            let v2 = SIMD2(repeating: w2), v3 = SIMD2(repeating: w3)
            var j = start
            while j < ld {
                let update = (load2(r0 + j) * v0 + load2(r1 + j) * v1) + (load2(r2 + j) * v2 + load2(r3 + j) * v3)
                store2(load2(b + j) - update, b + j)
                j &+= 2
            }
            k = start
        }
        while k < n {
            let r0 = a + k &* ld
            let w0 = b[k]
            var j = k &+ 1
            while j < n { b[j] -= r0[j] * w0; j &+= 1 }
            k &+= 1
        }
        // D v = w.
        for i in 0..<n { b[i] *= inverseDiagonal[i] }
        // U x = v, backward: x_i = v_i, then b_j −= U[j, i] x_i for j < i (the mirrored lower
        // triangle holds column i of U contiguously in row i). The n mod 4 last rows go first,
        // one at a time, so that the blocks of four end at multiples of four.
        var i = n
        while i & 3 != 0 {
            i &-= 1
            let l = a + i &* ld
            let x = b[i]
            for j in 0..<i { b[j] -= l[j] * x }
        }
        while i >= 4 {
            let l3 = a + (i &- 1) &* ld, l2 = l3 - ld, l1 = l2 - ld, l0 = l1 - ld
            let x3 = b[i &- 1]
            let x2 = b[i &- 2] - l3[i &- 2] * x3
            let x1 = (b[i &- 3] - l3[i &- 3] * x3) - l2[i &- 3] * x2
            let x0 = ((b[i &- 4] - l3[i &- 4] * x3) - l2[i &- 4] * x2) - l1[i &- 4] * x1
            b[i &- 2] = x2; b[i &- 3] = x1; b[i &- 4] = x0
            let end = i &- 4
            let v0 = SIMD2(repeating: x0), v1 = SIMD2(repeating: x1)
            let v2 = SIMD2(repeating: x2), v3 = SIMD2(repeating: x3)
            var j = 0
            while j < end {
                let update = (load2(l3 + j) * v3 + load2(l2 + j) * v2) + (load2(l1 + j) * v1 + load2(l0 + j) * v0)
                store2(load2(b + j) - update, b + j)
                j &+= 2
            }
            i = end
        }
    }
}

/// Two doubles from (possibly unaligned) memory.
@inlinable @inline(__always)
package func load2(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
}

@inlinable @inline(__always)
package func load2(_ p: UnsafeMutablePointer<Double>) -> SIMD2<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
}

/// Stores two doubles to (possibly unaligned) memory.
@inlinable @inline(__always)
package func store2(_ v: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD2<Double>.self)
}
