/// Small dense Cholesky factorisation `A = RᵀR` (R upper triangular, stored row-major in place)
/// for the symmetric positive definite stage matrices of the Z-ODE: half the flops of LU and no
/// pivoting. Right-looking, so every inner loop is a contiguous `axpy` that the compiler
/// vectorises (row-major dot products would be scalar reductions).
enum DenseCholesky {
    /// Factors the SPD row-major `n × n` matrix `a` (upper triangle read and overwritten by R).
    /// The reciprocal diagonal goes to `inverseDiagonal` (solves multiply instead of divide).
    /// Returns false if a pivot is not positive and finite (the caller then falls back to LU).
    @inline(__always)
    static func factor(_ a: UnsafeMutablePointer<Double>, n: Int, inverseDiagonal: UnsafeMutablePointer<Double>) -> Bool {
        for k in 0..<n {
            let rowK = a + k * n
            let pivot = rowK[k]
            guard pivot > 0, pivot.isFinite else { return false }
            let root = pivot.squareRoot()
            let inv = 1 / root
            rowK[k] = root
            inverseDiagonal[k] = inv
            for j in (k + 1)..<n { rowK[j] *= inv }
            // Trailing update of the upper triangle: a[i, i…] −= R[k, i] · R[k, i…].
            for i in (k + 1)..<n {
                let rki = rowK[i]
                if rki == 0 { continue }
                let rowI = a + i * n
                for j in i..<n { rowI[j] -= rki * rowK[j] }
            }
        }
        return true
    }

    /// Solves `A x = b` in place from `factor`'s output.
    @inline(__always)
    static func solve(_ a: UnsafePointer<Double>, n: Int, inverseDiagonal: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>) {
        // Rᵀ y = b, column by column (row k of R holds column k of Rᵀ): contiguous axpy.
        for k in 0..<n {
            let yk = b[k] * inverseDiagonal[k]
            b[k] = yk
            let rowK = a + k * n
            for j in (k + 1)..<n { b[j] -= rowK[j] * yk }
        }
        // R x = y, row by row.
        var i = n - 1
        while i >= 0 {
            b[i] = (b[i] - Kernels.dot(a + i * n + i + 1, b + i + 1, n - i - 1)) * inverseDiagonal[i]
            i -= 1
        }
    }
}
