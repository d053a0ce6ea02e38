// A thin C shim over GMP for Swift.
//
// GMP's public names (mpz_add, mpq_sgn, mpq_numref, ...) are preprocessor macros that Swift's
// importer cannot see, so each one we use is re-exported here as a `static inline` function
// with a `dln_` prefix. One job per function; nothing here allocates beyond what GMP does.
#ifndef DLNPATH_CGMP_H
#define DLNPATH_CGMP_H

#include <gmp.h>
#include <stddef.h>

// MARK: mpz (integers)
static inline void dln_mpz_init(mpz_ptr z) { mpz_init(z); }
static inline void dln_mpz_clear(mpz_ptr z) { mpz_clear(z); }
static inline void dln_mpz_set(mpz_ptr z, mpz_srcptr a) { mpz_set(z, a); }
static inline void dln_mpz_set_si(mpz_ptr z, long v) { mpz_set_si(z, v); }
static inline int dln_mpz_set_str(mpz_ptr z, const char *s, int base) { return mpz_set_str(z, s, base); }
static inline void dln_mpz_add(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_add(z, a, b); }
static inline void dln_mpz_sub(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_sub(z, a, b); }
static inline void dln_mpz_mul(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_mul(z, a, b); }
static inline void dln_mpz_addmul(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_addmul(z, a, b); }
static inline void dln_mpz_submul(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_submul(z, a, b); }
static inline void dln_mpz_neg(mpz_ptr z, mpz_srcptr a) { mpz_neg(z, a); }
static inline void dln_mpz_abs(mpz_ptr z, mpz_srcptr a) { mpz_abs(z, a); }
static inline void dln_mpz_tdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_tdiv_qr(q, r, n, d); }
static inline void dln_mpz_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_qr(q, r, n, d); }
static inline void dln_mpz_divexact(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_divexact(q, n, d); }
static inline void dln_mpz_gcd(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_gcd(z, a, b); }
static inline void dln_mpz_pow_ui(mpz_ptr z, mpz_srcptr a, unsigned long e) { mpz_pow_ui(z, a, e); }
static inline void dln_mpz_ui_pow_ui(mpz_ptr z, unsigned long b, unsigned long e) { mpz_ui_pow_ui(z, b, e); }
static inline void dln_mpz_mul_2exp(mpz_ptr z, mpz_srcptr a, unsigned long e) { mpz_mul_2exp(z, a, e); }
static inline void dln_mpz_fdiv_q_2exp(mpz_ptr q, mpz_srcptr a, unsigned long e) { mpz_fdiv_q_2exp(q, a, e); }
static inline unsigned long dln_mpz_scan1(mpz_srcptr a, unsigned long start) { return mpz_scan1(a, start); }
static inline int dln_mpz_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int dln_mpz_cmpabs(mpz_srcptr a, mpz_srcptr b) { return mpz_cmpabs(a, b); }
static inline int dln_mpz_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline int dln_mpz_fits_slong_p(mpz_srcptr a) { return mpz_fits_slong_p(a); }
static inline long dln_mpz_get_si(mpz_srcptr a) { return mpz_get_si(a); }
static inline size_t dln_mpz_sizeinbase(mpz_srcptr a, int base) { return mpz_sizeinbase(a, base); }
static inline char *dln_mpz_get_str(char *buf, int base, mpz_srcptr a) { return mpz_get_str(buf, base, a); }
static inline size_t dln_mpz_size(mpz_srcptr a) { return mpz_size(a); }
static inline mp_limb_t dln_mpz_getlimbn(mpz_srcptr a, mp_size_t n) { return mpz_getlimbn(a, n); }
static inline unsigned long dln_mpz_fdiv_ui(mpz_srcptr a, unsigned long d) { return mpz_fdiv_ui(a, d); }
static inline int dln_mpz_divisible_p(mpz_srcptr n, mpz_srcptr d) { return mpz_divisible_p(n, d); }
static inline int dln_mpz_divisible_ui_p(mpz_srcptr n, unsigned long d) { return mpz_divisible_ui_p(n, d); }
static inline void dln_mpz_lcm(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_lcm(z, a, b); }
static inline void dln_mpz_lcm_ui(mpz_ptr z, mpz_srcptr a, unsigned long b) { mpz_lcm_ui(z, a, b); }
static inline void dln_mpz_fdiv_r(mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_r(r, n, d); }
static inline void dln_mpz_addmul_ui(mpz_ptr z, mpz_srcptr a, unsigned long b) { mpz_addmul_ui(z, a, b); }
static inline void dln_mpz_mul_si(mpz_ptr z, mpz_srcptr a, long b) { mpz_mul_si(z, a, b); }
static inline void dln_mpz_mul_ui(mpz_ptr z, mpz_srcptr a, unsigned long b) { mpz_mul_ui(z, a, b); }
static inline double dln_mpz_get_d_2exp(long *e, mpz_srcptr a) { return mpz_get_d_2exp(e, a); }
static inline void dln_mpz_divexact_ui(mpz_ptr q, mpz_srcptr n, unsigned long d) { mpz_divexact_ui(q, n, d); }

// MARK: mpq (rationals, kept canonical: gcd 1, positive denominator)
static inline void dln_mpq_init(mpq_ptr q) { mpq_init(q); }
static inline void dln_mpq_clear(mpq_ptr q) { mpq_clear(q); }
static inline void dln_mpq_set(mpq_ptr q, mpq_srcptr a) { mpq_set(q, a); }
static inline void dln_mpq_set_si(mpq_ptr q, long n, unsigned long d) { mpq_set_si(q, n, d); }
static inline void dln_mpq_set_d(mpq_ptr q, double v) { mpq_set_d(q, v); }
static inline void dln_mpq_set_num(mpq_ptr q, mpz_srcptr n) { mpq_set_num(q, n); }
static inline void dln_mpq_set_den(mpq_ptr q, mpz_srcptr d) { mpq_set_den(q, d); }
static inline void dln_mpq_canonicalize(mpq_ptr q) { mpq_canonicalize(q); }
static inline void dln_mpq_add(mpq_ptr z, mpq_srcptr a, mpq_srcptr b) { mpq_add(z, a, b); }
static inline void dln_mpq_sub(mpq_ptr z, mpq_srcptr a, mpq_srcptr b) { mpq_sub(z, a, b); }
static inline void dln_mpq_mul(mpq_ptr z, mpq_srcptr a, mpq_srcptr b) { mpq_mul(z, a, b); }
static inline void dln_mpq_div(mpq_ptr z, mpq_srcptr a, mpq_srcptr b) { mpq_div(z, a, b); }
static inline void dln_mpq_neg(mpq_ptr z, mpq_srcptr a) { mpq_neg(z, a); }
static inline void dln_mpq_abs(mpq_ptr z, mpq_srcptr a) { mpq_abs(z, a); }
static inline void dln_mpq_inv(mpq_ptr z, mpq_srcptr a) { mpq_inv(z, a); }
static inline int dln_mpq_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int dln_mpq_equal(mpq_srcptr a, mpq_srcptr b) { return mpq_equal(a, b); }
static inline int dln_mpq_sgn(mpq_srcptr a) { return mpq_sgn(a); }
static inline char *dln_mpq_get_str(char *buf, int base, mpq_srcptr a) { return mpq_get_str(buf, base, a); }
static inline mpz_ptr dln_mpq_numref(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr dln_mpq_denref(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr dln_mpq_numref_const(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr dln_mpq_denref_const(mpq_srcptr q) { return mpq_denref(q); }

/// A read-only mpq holding n/d (canonical, d > 0) in the caller's two limbs, with no allocation
/// (GMP's mpz_roinit_n): only ever an input operand, never written to or cleared.
_Static_assert(GMP_LIMB_BITS == 64, "dln_mpq_roinit_si needs 64-bit limbs");
static inline void dln_mpq_roinit_si(mpq_ptr q, mp_limb_t *limbs, long n, unsigned long d) {
    limbs[0] = n < 0 ? -(unsigned long)n : (unsigned long)n;
    limbs[1] = d;
    mpz_roinit_n(mpq_numref(q), limbs, n < 0 ? -1 : (n == 0 ? 0 : 1));
    mpz_roinit_n(mpq_denref(q), limbs + 1, 1);
}

/// A read-only mpq holding ±(n1·2⁶⁴ + n0)/(d1·2⁶⁴ + d0) (canonical, d > 0) in the caller's four
/// limbs, with no allocation: the two-word form of `dln_mpq_roinit_si`.
static inline void dln_mpq_roinit_2(mpq_ptr q, mp_limb_t *limbs, mp_limb_t n0, mp_limb_t n1, int negative,
                                    mp_limb_t d0, mp_limb_t d1) {
    limbs[0] = n0; limbs[1] = n1; limbs[2] = d0; limbs[3] = d1;
    mp_size_t ns = n1 ? 2 : (n0 ? 1 : 0);
    mpz_roinit_n(mpq_numref(q), limbs, negative ? -ns : ns);
    mpz_roinit_n(mpq_denref(q), limbs + 2, d1 ? 2 : 1);
}

/// z = ±(hi·2⁶⁴ + lo).
static inline void dln_mpz_set_2(mpz_ptr z, mp_limb_t lo, mp_limb_t hi, int negative) {
    mp_limb_t *p = mpz_limbs_write(z, 2);
    p[0] = lo; p[1] = hi;
    mp_size_t n = hi ? 2 : (lo ? 1 : 0);
    mpz_limbs_finish(z, negative ? -n : n);
}

/// The double nearest to `q` (ties to even), with overflow to ±inf and correct subnormals.
/// GMP's own mpq_get_d truncates toward zero, which is not good enough for display or export.
double dln_mpq_get_d_nearest(mpq_srcptr q);
// |a[0]·a[1]⋯| mod d over the nonzero a[i], for d > 0 (one preinverted division per step; CGMP.c).
void dln_mpz_product_mod(mpz_ptr r, const mpz_srcptr *a, size_t count, mpz_srcptr d);

#endif
