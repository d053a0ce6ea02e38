#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGMP

/// Operations with one machine word, for multimodular (Chinese remainder) algorithms.
extension BigInteger {
    /// self mod m in [0, m), for m > 0.
    public func residue(modulo m: UInt) -> UInt {
        precondition(m > 0, "BigInteger residue modulo zero")
        return dln_mpz_fdiv_ui(storage.ptr, m)
    }

    /// `self += a * w` in place (GMP's addmul_ui).
    public mutating func addProduct(_ a: BigInteger, word w: UInt) {
        makeUnique()
        dln_mpz_addmul_ui(storage.ptr, a.storage.ptr, w)
    }

    /// `self * w`.
    public func multiplied(byWord w: UInt) -> BigInteger {
        BigInteger.make { dln_mpz_mul_ui($0, storage.ptr, w) }
    }

    /// `self / w` for a division known to be exact.
    public func dividedExactly(byWord w: UInt) -> BigInteger {
        precondition(w > 0, "BigInteger division by zero")
        return BigInteger.make { dln_mpz_divexact_ui($0, storage.ptr, w) }
    }

    /// self mod m in [0, m) for m > 0 (floor remainder, without the quotient).
    public func floorRemainder(dividingBy m: BigInteger) -> BigInteger {
        precondition(m.signum > 0, "BigInteger remainder modulo a non-positive number")
        return BigInteger.make { dln_mpz_fdiv_r($0, storage.ptr, m.storage.ptr) }
    }

    /// log₂|self| for self ≠ 0, within 2⁻⁴⁰·max(1, log₂|self|) (GMP's truncated mantissa and
    /// exponent): for floating-point filters that fall back to exact comparison when two values
    /// are closer than that, never for a result.
    public var log2Magnitude: Double {
        precondition(!isZero, "log₂ of zero")
        var exponent = 0
        let mantissa = dln_mpz_get_d_2exp(&exponent, storage.ptr) // |mantissa| in [0.5, 1)
        return Double(exponent) + log2(Swift.abs(mantissa))
    }
}
