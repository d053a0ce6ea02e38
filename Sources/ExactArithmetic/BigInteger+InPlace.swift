import CGMP

extension BigInteger {
    /// `self = gcd(self, other)` (non-negative), in the storage `self` holds when no other value
    /// shares it: a content found entry by entry allocates nothing after its first step.
    public mutating func formGCD(with other: BigInteger) {
        if isKnownUniquelyReferenced(&storage.object) {
            dln_mpz_gcd(storage.ptr, storage.ptr, other.storage.ptr)
        } else {
            self = BigInteger.gcd(self, other)
        }
    }

    /// `self = self / d` for a division known to be exact (`dividedExactly(by:)`), in place when
    /// no other value shares the storage.
    public mutating func divideExactly(by d: BigInteger) {
        precondition(!d.isZero, "BigInteger division by zero")
        if isKnownUniquelyReferenced(&storage.object) {
            dln_mpz_divexact(storage.ptr, storage.ptr, d.storage.ptr)
        } else {
            self = dividedExactly(by: d)
        }
    }
}
