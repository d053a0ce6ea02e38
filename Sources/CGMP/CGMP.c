#include "CGMP.h"
#include <math.h>
#include <stdint.h>

// Round |n/d| to the nearest double, ties to even.
// We take an integer quotient with at least two bits beyond the target precision, fold the
// remainder into a sticky bit, then round once in integer arithmetic, so there is no double
// rounding, also in the subnormal range.
double dln_mpq_get_d_nearest(mpq_srcptr q) {
    int sign = mpq_sgn(q);
    if (sign == 0) return 0.0;
    mpz_t a, d, quo, rem;
    mpz_init(a); mpz_init(d); mpz_init(quo); mpz_init(rem);
    mpz_abs(a, mpq_numref(q));
    mpz_set(d, mpq_denref(q));
    long e = (long)mpz_sizeinbase(a, 2) - (long)mpz_sizeinbase(d, 2); // value in [2^(e-1), 2^(e+1))
    double result;
    if (e > 1025) {
        result = INFINITY;
    } else if (e < -1080) {
        result = 0.0; // below half the smallest subnormal
    } else {
        long k = 55 - e;            // quotient gets 55 or 56 bits
        if (k > 1076) k = 1076;     // subnormal range: keep 2 bits below 2^-1074
        if (k >= 0) mpz_mul_2exp(a, a, (unsigned long)k); else mpz_mul_2exp(d, d, (unsigned long)(-k));
        mpz_tdiv_qr(quo, rem, a, d);
        uint64_t m = (uint64_t)mpz_getlimbn(quo, 0); // quo < 2^57 fits one 64-bit limb
        if (mpz_sgn(rem) != 0) m |= 1;                // sticky
        int bits = 64 - __builtin_clzll(m);
        long g = bits - 53;                             // bits to drop for a 53-bit mantissa
        if (k - 1074 > g) g = k - 1074;                 // subnormal: ulp is 2^-1074
        if (g > 63) { m = 0; g = 0; }                   // rounds to zero (handled below)
        if (g > 0) {
            uint64_t half = (uint64_t)1 << (g - 1);
            uint64_t low = m & (((uint64_t)1 << g) - 1);
            m >>= g;
            if (low > half || (low == half && (m & 1))) m += 1;
        }
        result = ldexp((double)m, (int)(g - k));
    }
    mpz_clear(a); mpz_clear(d); mpz_clear(quo); mpz_clear(rem);
    return sign < 0 ? -result : result;
}

// r = |a[0]·a[1]⋯| mod d over the nonzero a[i] (d > 0), the residue `Rational.sharedFactors`
// takes a gcd with: every step multiplies by |a[i]| and reduces by Barrett's method with one
// reciprocal ⌊4^k/d⌋ for all steps (k = bits of d). Two multiplications replace a division
// that would recompute the reciprocal each time (about 16% of the product at 300,000 bits).
// Barrett (Handbook of Applied Cryptography 14.42): for 0 ≤ x < 4^k the estimate
// ⌊⌊x/2^(k−1)⌋·⌊4^k/d⌋/2^(k+1)⌋ is at most ⌊x/d⌋ and at least ⌊x/d⌋ − 2, so x minus its
// multiple of d is in [0, 3d). A longer x (a factor above d) is divided as usual.
void dln_mpz_product_mod(mpz_ptr r, const mpz_srcptr *a, size_t count, mpz_srcptr d) {
    size_t k = mpz_sizeinbase(d, 2);
    mpz_t reciprocal, x, q;
    mpz_init(reciprocal); mpz_init(x); mpz_init(q);
    mpz_set_ui(x, 1);
    mpz_mul_2exp(x, x, 2 * k);
    mpz_fdiv_q(reciprocal, x, d);
    mpz_set_ui(r, 1);
    mpz_fdiv_r(r, r, d); // 0 when d = 1
    for (size_t i = 0; i < count; i++) {
        if (mpz_sgn(a[i]) == 0) continue;
        mpz_mul(x, r, a[i]);
        mpz_abs(x, x);
        if (mpz_sizeinbase(x, 2) > 2 * k) {
            mpz_fdiv_r(r, x, d);
            continue;
        }
        mpz_fdiv_q_2exp(q, x, k - 1);
        mpz_mul(q, q, reciprocal);
        mpz_fdiv_q_2exp(q, q, k + 1);
        mpz_submul(x, q, d);
        while (mpz_cmp(x, d) >= 0) mpz_sub(x, x, d);
        mpz_swap(r, x);
    }
    mpz_clear(reciprocal); mpz_clear(x); mpz_clear(q);
}
