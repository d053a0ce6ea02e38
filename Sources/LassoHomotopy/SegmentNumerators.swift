import ExactArithmetic

/// A segment's formula as the integer engine keeps it (docs/math.md §1): x(κ) = (U − κ·L·W)/D
/// over one common denominator D = det(M̃_SS) > 0, where L is the scale of κ̃ = Lκ; U and W have
/// an entry per coordinate, 0 off the support. A streamed path hands it with the segment
/// (`Segment.numerators`), so that a reader who wants the segment's formula (the verdict) takes
/// it as computed instead of interpolating the end knots again.
package struct SegmentNumerators: Sendable {
    package let U: [BigInteger]
    package let W: [BigInteger]
    package let scale: BigInteger
    package let determinant: BigInteger

    package init(U: [BigInteger], W: [BigInteger], scale: BigInteger, determinant: BigInteger) {
        precondition(U.count == W.count && determinant.signum > 0, "x = (U − κLW)/D needs D > 0")
        self.U = U
        self.W = W
        self.scale = scale
        self.determinant = determinant
    }

    /// v = dx/d(−κ) = L·W/D in lowest terms, the segment's direction (`Segment.direction`),
    /// formed only when read: `compare --json` reads the formula itself and never the direction.
    package var direction: [Rational] {
        Rational.reducing(W.map { $0.isZero ? $0 : $0 * scale }, over: determinant)
    }
}
