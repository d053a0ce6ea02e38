import ExactArithmetic

extension Matrix {
    /// The rows scaled to integers by one common denominator L (the lcm of every entry's
    /// denominator; a power of two for float64 data): `self = integers / L`, row-major.
    public var integerScaled: (integers: [BigInteger], scale: BigInteger) {
        let l = elements.leastCommonDenominator
        return (elements.integers(over: l), l)
    }

    /// `factor · AᵀA` and `factor · Aᵀb`, computed over the integers (one common denominator for
    /// A and one for b, integer multiply-adds, one normalisation per entry): exact, and the
    /// d²n products never build a `Rational`.
    public func gram(_ b: [Rational], factor: Rational) -> (gram: Matrix, moment: [Rational]) {
        precondition(b.count == rows, "dimension mismatch")
        let (a, la) = integerScaled
        let (bb, lb) = Matrix(rows: rows, columns: 1, repeating: .zero).with(elements: b).integerScaled
        let n = rows, d = columns
        // Columns of A as contiguous arrays, so the inner loop runs down one column.
        let cols = (0..<d).map { j in (0..<n).map { a[$0 * d + j] } }
        var g = Matrix(rows: d, columns: d)
        let gramScale = factor / Rational(la * la)
        for i in 0..<d {
            for j in i..<d {
                var s = BigInteger(0)
                let ci = cols[i], cj = cols[j]
                for k in 0..<n where !ci[k].isZero && !cj[k].isZero { s.addProduct(ci[k], cj[k]) }
                let v = s.isZero ? Rational.zero : gramScale * Rational(s)
                g[i, j] = v
                g[j, i] = v
            }
        }
        let momentScale = factor / Rational(la * lb)
        let moment = cols.map { c in
            var s = BigInteger(0)
            for k in 0..<n where !c[k].isZero && !bb[k].isZero { s.addProduct(c[k], bb[k]) }
            return s.isZero ? Rational.zero : momentScale * Rational(s)
        }
        return (g, moment)
    }

    private func with(elements: [Rational]) -> Matrix {
        var m = self
        m.elements = elements
        return m
    }

    /// The rank of this matrix modulo the prime p (< 2³¹), nil when some denominator is
    /// divisible by p. It never exceeds the rank over ℚ (a nonzero minor mod p is nonzero), so
    /// a value of min(rows, columns) proves full rank.
    public func rankModulo(_ p: UInt64) -> Int? {
        precondition(p > 2 && p < (1 << 31), "a word-size odd prime")
        let bp = BigInteger(Int(p))
        func residue(_ x: BigInteger) -> UInt64 {
            let r = (x % bp).intValue!
            return UInt64(r < 0 ? r + Int(p) : r)
        }
        func power(_ a: UInt64, _ e: UInt64) -> UInt64 {
            var result: UInt64 = 1, base = a % p, e = e
            while e > 0 {
                if e & 1 == 1 { result = result * base % p }
                base = base * base % p
                e >>= 1
            }
            return result
        }
        var m = [UInt64](repeating: 0, count: rows * columns)
        for (k, v) in elements.enumerated() where !v.isZero {
            let den = residue(v.denominator)
            if den == 0 { return nil }
            m[k] = residue(v.numerator) * power(den, p - 2) % p
        }
        var rank = 0
        for col in 0..<columns where rank < rows {
            guard let pivot = (rank..<rows).first(where: { m[$0 * columns + col] != 0 }) else { continue }
            if pivot != rank {
                for c in col..<columns { m.swapAt(pivot * columns + c, rank * columns + c) }
            }
            let inverse = power(m[rank * columns + col], p - 2)
            for r in (rank + 1)..<rows {
                let f = m[r * columns + col] * inverse % p
                if f == 0 { continue }
                let g = p - f
                for c in col..<columns { m[r * columns + c] = (m[r * columns + c] + g * m[rank * columns + c]) % p }
            }
            rank += 1
        }
        return rank
    }
}
