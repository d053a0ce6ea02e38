import CGMP

// The GMP struct lives in the object's own tail allocation (ManagedBuffer), not in a second
// malloc: one allocation fewer per number, which is much of the cost of a path's many small
// results and a fifth of the memory a verdict holds. The objects sit in @unchecked Sendable
// wrappers because a ManagedBuffer subclass cannot itself be Sendable.

/// Owns one GMP integer. Results are always written into fresh storage (or storage proven
/// unique), so sharing a `MPZStorage` between values is safe: this is copy-on-write.
@usableFromInline
struct MPZStorage: @unchecked Sendable {
    @usableFromInline var object: MPZObject

    @inlinable init(_ object: MPZObject) { self.object = object }

    /// The integer; valid while this storage is alive.
    @inlinable var ptr: UnsafeMutablePointer<__mpz_struct> { object.ptr }

    /// A new integer, 0.
    @inlinable static func make() -> MPZStorage {
        let object = unsafeDowncast(MPZObject.create(minimumCapacity: 1) { _ in }, to: MPZObject.self)
        dln_mpz_init(object.ptr)
        return MPZStorage(object)
    }

    @inlinable static func make(_ value: Int) -> MPZStorage {
        let storage = make()
        dln_mpz_set_si(storage.ptr, value)
        return storage
    }

    @usableFromInline func copy() -> MPZStorage {
        let c = MPZStorage.make()
        dln_mpz_set(c.ptr, ptr)
        return c
    }
}

@usableFromInline
final class MPZObject: ManagedBuffer<Void, __mpz_struct> {
    @inlinable var ptr: UnsafeMutablePointer<__mpz_struct> { withUnsafeMutablePointerToElements { $0 } }

    deinit { dln_mpz_clear(ptr) }
}

/// Owns one canonical GMP rational (gcd 1, positive denominator).
@usableFromInline
struct MPQStorage: @unchecked Sendable {
    @usableFromInline let object: MPQObject

    @inlinable init(_ object: MPQObject) { self.object = object }

    /// The rational; valid while this storage is alive.
    @inlinable var ptr: UnsafeMutablePointer<__mpq_struct> { object.ptr }

    /// A new rational, 0/1.
    @inlinable static func make() -> MPQStorage {
        let object = unsafeDowncast(MPQObject.create(minimumCapacity: 1) { _ in }, to: MPQObject.self)
        dln_mpq_init(object.ptr)
        return MPQStorage(object)
    }
}

@usableFromInline
final class MPQObject: ManagedBuffer<Void, __mpq_struct> {
    @inlinable var ptr: UnsafeMutablePointer<__mpq_struct> { withUnsafeMutablePointerToElements { $0 } }

    deinit { dln_mpq_clear(ptr) }
}
