/// Small dense kernels written so that the compiler can vectorise them without fast-math:
/// floating-point reductions are not reassociated by the optimiser, so dot products use four
/// independent accumulators, and matrix–vector products use the `axpy` (column) form.
enum Kernels {
    /// `Σ a[i]·b[i]` with four partial sums.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
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
    @inline(__always)
    static func symmetricMultiply(_ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int,
                                  into y: UnsafeMutablePointer<Double>) {
        for i in 0..<n { y[i] = 0 }
        for j in 0..<n {
            let xj = x[j]
            if xj == 0 { continue }
            let row = a + j * n
            for i in 0..<n { y[i] += xj * row[i] }
        }
    }
}
