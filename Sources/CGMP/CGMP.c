#include "CGMP.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

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

// GMP's block Barrett division with a precomputed inverse (mpn/generic/mu_div_qr.c, the code
// mpz_tdiv_r runs at these sizes) and its approximate inversion. libgmp exports both since
// GMP 5.0; gmp.h does not declare them (they are GMP's internal interface, so their use is kept
// to this one function and follows mpn_mu_div_qr's own call sequence exactly).
mp_limb_t __gmpn_preinv_mu_div_qr(mp_ptr qp, mp_ptr rp, mp_srcptr np, mp_size_t nn, mp_srcptr dp, mp_size_t dn,
                                  mp_srcptr ip, mp_size_t in, mp_ptr scratch);
mp_size_t __gmpn_preinv_mu_div_qr_itch(mp_size_t nn, mp_size_t dn, mp_size_t in);
mp_limb_t __gmpn_invertappr(mp_ptr ip, mp_srcptr dp, mp_size_t n, mp_ptr scratch);

// Below this many limbs of d, a plain division per step (GMP divides such sizes by
// schoolbook, and the inverse's set-up would not pay).
#define DLN_PREINV_LIMBS 16

// r = |a[0]·a[1]⋯| mod d over the nonzero a[i] (d > 0), the residue `Rational.sharedFactors`
// takes a gcd with. Every step multiplies by |a[i]| and reduces modulo d with one inverse of d
// for all steps: GMP's own division (mpn_mu_div_qr) recomputes that inverse at each call, and
// its preinverted form saves it and forms q·d modulo B^m − 1 (a wrapped product of about half
// the cost): 2.5 ms instead of Barrett's 3.2 ms per step at 300,000 bits. The divisor is
// normalised (shifted so that its top bit is set) as GMP's division requires; x·2^s mod d·2^s
// = (x mod d)·2^s.
static void dln_product_mod_plain(mpz_ptr r, const mpz_srcptr *a, size_t count, mpz_srcptr d);

void dln_mpz_product_mod(mpz_ptr r, const mpz_srcptr *a, size_t count, mpz_srcptr d) {
    mp_size_t dn = (mp_size_t)mpz_size(d);
    if (dn < DLN_PREINV_LIMBS) { dln_product_mod_plain(r, a, count, d); return; }
    unsigned shift = (unsigned)__builtin_clzll(mpz_getlimbn(d, dn - 1));
    mp_size_t in = dn, most = 2 * dn + 1; // x = r·a[i] of up to 2dn (+1 after the shift) limbs; longer ones divide as usual
    mp_size_t itch = __gmpn_preinv_mu_div_qr_itch(most, dn, in);
    mp_limb_t *dp = malloc(sizeof(mp_limb_t) * (size_t)dn);
    mp_limb_t *ip = malloc(sizeof(mp_limb_t) * (size_t)(in + 1));
    mp_limb_t *np = malloc(sizeof(mp_limb_t) * (size_t)most);
    mp_limb_t *qp = malloc(sizeof(mp_limb_t) * (size_t)(most - dn + 1));
    mp_limb_t *rp = malloc(sizeof(mp_limb_t) * (size_t)dn);
    mp_size_t scratchSize = itch > 3 * (in + 1) ? itch : 3 * (in + 1);
    mp_limb_t *scratch = malloc(sizeof(mp_limb_t) * (size_t)(scratchSize + in + 2));
    if (shift > 0) mpn_lshift(dp, mpz_limbs_read(d), dn, shift); else mpn_copyi(dp, mpz_limbs_read(d), dn);
    // The inverse as mpn_mu_div_qr2 forms it for in = dn: invert (d + 1/B) on in + 1 limbs and
    // drop the lowest limb.
    mp_limb_t *tp = scratch + in + 1;
    tp[0] = 1;
    mpn_copyi(tp + 1, dp, in);
    __gmpn_invertappr(scratch, tp, in + 1, tp + in + 1);
    mpn_copyi(ip, scratch + 1, in);
    mpz_t x;
    mpz_init(x);
    mpz_set_ui(r, 1);
    for (size_t i = 0; i < count; i++) {
        if (mpz_sgn(a[i]) == 0) continue;
        mpz_mul(x, r, a[i]);
        mpz_abs(x, x);
        mp_size_t xn = (mp_size_t)mpz_size(x);
        if (xn < dn) { mpz_swap(r, x); continue; } // x < B^(dn−1) ≤ d
        if (xn + 1 > most) { mpz_tdiv_r(r, x, d); continue; }
        mp_size_t nn = xn;
        if (shift > 0) {
            mp_limb_t high = mpn_lshift(np, mpz_limbs_read(x), xn, shift);
            if (high != 0) np[nn++] = high;
        } else {
            mpn_copyi(np, mpz_limbs_read(x), xn);
        }
        if (nn == dn) { // quotient 0 or 1
            if (mpn_cmp(np, dp, dn) >= 0) mpn_sub_n(np, np, dp, dn);
            mpn_copyi(rp, np, dn);
        } else {
            __gmpn_preinv_mu_div_qr(qp, rp, np, nn, dp, dn, ip, in, scratch);
        }
        mp_limb_t *w = mpz_limbs_write(r, dn);
        if (shift > 0) mpn_rshift(w, rp, dn, shift); else mpn_copyi(w, rp, dn);
        mp_size_t rn = dn;
        while (rn > 0 && w[rn - 1] == 0) rn--;
        mpz_limbs_finish(r, rn);
    }
    mpz_clear(x);
    free(dp); free(ip); free(np); free(qp); free(rp); free(scratch);
}

// The same for a short d, one plain division per step (faster here than Barrett's reduction
// with mpz products: 84 against 105 µs for 200 factors at 15 limbs, 3.9 against 10.9 µs at one).
static void dln_product_mod_plain(mpz_ptr r, const mpz_srcptr *a, size_t count, mpz_srcptr d) {
    mpz_t x;
    mpz_init(x);
    mpz_set_ui(r, 1);
    mpz_tdiv_r(r, r, d); // 0 when d = 1
    for (size_t i = 0; i < count; i++) {
        if (mpz_sgn(a[i]) == 0) continue;
        mpz_mul(x, r, a[i]);
        mpz_abs(x, x);
        mpz_tdiv_r(r, x, d);
    }
    mpz_clear(x);
}
