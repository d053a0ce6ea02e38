import CGMP

extension Rational {
    /// The exact dyadic value a finite double holds (`0.1` gives 3602879701896397/36028797018963968);
    /// nil for NaN and ±infinity.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9.2e18 {
            representation = .small(Int64(value), 1)
            return
        }
        let s = MPQStorage()
        dln_mpq_set_d(s.ptr, value) // exact: GMP converts the binary value without rounding
        self = Rational.demoting(s)
    }

    /// The double nearest to this value (ties to even), ±infinity beyond the double range.
    /// GMP's `mpq_get_d` truncates; this rounds correctly.
    public var doubleValue: Double {
        if case .small(let n, let d) = representation, n.magnitude <= 1 << 53, d <= 1 << 53 {
            return Double(n) / Double(d) // both exact, so IEEE division rounds once, correctly
        }
        return withMPQ { dln_mpq_get_d_nearest($0) }
    }
}
