/// Small dense LU factorisation with partial pivoting, on row-major buffers.
///
/// Our own (no LAPACK dependency): the systems are `d × d` with d in the tens to hundreds, and
/// the Rosenbrock step needs exactly one factorisation plus six solves per step.
package enum DenseLU {
    /// Factors the row-major `n × n` matrix `a` in place (unit-lower L below the diagonal, U on
    /// and above it). Returns false if a pivot is zero or not finite.
    @inline(__always)
    package static func factor(_ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int>) -> Bool {
        for k in 0..<n {
            var p = k
            var best = abs(a[k * n + k])
            for i in (k + 1)..<n where abs(a[i * n + k]) > best {
                best = abs(a[i * n + k]); p = i
            }
            guard best > 0, best.isFinite else { return false }
            pivots[k] = p
            if p != k {
                // Swap whole rows so that the stored L matches the permuted matrix.
                let rk = a + k * n, rp = a + p * n
                for j in 0..<n { let t = rk[j]; rk[j] = rp[j]; rp[j] = t }
            }
            let rowK = a + k * n
            let inv = 1 / rowK[k]
            for i in (k + 1)..<n {
                let rowI = a + i * n
                let l = rowI[k] * inv
                rowI[k] = l
                if l != 0 {
                    // Contiguous inner loop (row-major): the compiler vectorises it.
                    for j in (k + 1)..<n { rowI[j] -= l * rowK[j] }
                }
            }
        }
        return true
    }

    /// Solves `A x = b` in place using a factorisation from `factor`.
    @inline(__always)
    package static func solve(_ a: UnsafePointer<Double>, n: Int, pivots: UnsafePointer<Int>, _ b: UnsafeMutablePointer<Double>) {
        for k in 0..<n where pivots[k] != k {
            let t = b[k]; b[k] = b[pivots[k]]; b[pivots[k]] = t
        }
        for i in 0..<n {
            let row = a + i * n
            b[i] -= Kernels.dot(row, b, i)
        }
        var i = n - 1
        while i >= 0 {
            let row = a + i * n
            b[i] = (b[i] - Kernels.dot(row + i + 1, b + i + 1, n - i - 1)) / row[i]
            i -= 1
        }
    }
}
