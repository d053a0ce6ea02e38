import CGMP

/// Owns one GMP integer. Results are always written into fresh storage (or storage proven
/// unique), so sharing a `MPZStorage` between values is safe: this is copy-on-write.
@usableFromInline
final class MPZStorage: @unchecked Sendable {
    @usableFromInline let ptr: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        ptr = .allocate(capacity: 1)
        dln_mpz_init(ptr)
    }

    @usableFromInline convenience init(_ value: Int) {
        self.init()
        dln_mpz_set_si(ptr, value)
    }

    @usableFromInline func copy() -> MPZStorage {
        let c = MPZStorage()
        dln_mpz_set(c.ptr, ptr)
        return c
    }

    deinit {
        dln_mpz_clear(ptr)
        ptr.deallocate()
    }
}

/// Owns one canonical GMP rational (gcd 1, positive denominator).
@usableFromInline
final class MPQStorage: @unchecked Sendable {
    @usableFromInline let ptr: UnsafeMutablePointer<__mpq_struct>

    @usableFromInline init() {
        ptr = .allocate(capacity: 1)
        dln_mpq_init(ptr)
    }

    deinit {
        dln_mpq_clear(ptr)
        ptr.deallocate()
    }
}
