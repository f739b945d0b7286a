/*
 * spread_sums.h
 *		SpreadSums, what an interval needs beyond a ratio of sums: the exact
 *		sums of e, r, their squares and their products over the units
 *		(posts, respondents) of a group, e the numerator and r the
 *		denominator of each unit.  A part of engagement_interval_state and
 *		of engagement_stats.  Its operations, and the interval computed from
 *		it, are in spread_sums.c.
 *
 * Invariant (spread_valid): every sum between 0 and STATE_SUM_LIMIT, all 0
 * for no units, and for units e <= ee, r <= rr, 2er <= ee + rr (+ 2).
 */
#ifndef ENGAGEMENT_SPREAD_SUMS_H
#define ENGAGEMENT_SPREAD_SUMS_H

#include "common.h"

typedef struct SpreadSums
{
	int128		e;
	int128		r;
	int128		ee;
	int128		rr;
	int128		er;
} SpreadSums;

extern bool spread_valid(const SpreadSums *sums, int64 n);

/*
 * a·b - c·d for non-negative 128-bit integers, computed exactly in 256 bits
 * and rounded once or twice to a long double (64 bits of mantissa on x86)
 */
extern long double product_difference(uint128 a, uint128 b, uint128 c, uint128 d);

/* the sums of one unit; false when a product would not fit */
static inline bool
spread_unit(int128 e, int128 r, SpreadSums *unit)
{
	unit->e = e;
	unit->r = r;
	/* e and r are below 2^66, so their products fit; the limit checks the sums */
	return !(e > STATE_SUM_LIMIT || r > STATE_SUM_LIMIT ||
			 __builtin_mul_overflow(e, e, &unit->ee) || __builtin_mul_overflow(r, r, &unit->rr) ||
			 __builtin_mul_overflow(e, r, &unit->er));
}

/*
 * Adds (sign 1) or takes back (sign -1) one unit's e and r, or the sums of
 * another group; false, leaving the sums as they were, when a sum would
 * pass STATE_SUM_LIMIT.  Taking back what the sums do not hold is an error.
 */
extern bool spread_try_step(SpreadSums *sums, int128 e, int128 r, int sign);
extern bool spread_try_merge(SpreadSums *into, const SpreadSums *from, int sign);

/* z for a two-sided confidence level strictly between 0 and 1 */
extern double confidence_z(double confidence);

/*
 * x = √(D·n / (n - 1)) / Σr of the ratio estimator over n units (its
 * standard error is x / Σr); false for fewer than 2 units or Σr = 0
 */
extern bool ratio_spread(const SpreadSums *sums, int64 n, double *x);

/* the half-width of that interval in percent, with the finite-population correction for a headcount */
extern bool ratio_half_width(const SpreadSums *sums, int64 n, double z, int64 headcount,
							 double *half);

/* the interval of 100·Σe/Σr over n units; false (NULL) for fewer than 2 or Σr = 0 */
extern bool ratio_interval(const SpreadSums *sums, int64 n, double z, int64 headcount,
						   bool proportion, double *lower, double *upper);

/* ERROR 22023 when successes > trials, naming both */
extern void check_successes(int64 successes, int64 trials, const char *successes_name,
							const char *trials_name);

/* the Wilson score interval of successes / trials (trials > 0), as fractions */
extern void wilson_bounds(int64 successes, int64 trials, double z, double *lower, double *upper);

/* [lower, upper] as a percent_range, the return type of the calling function */
extern Datum percent_range_datum(FunctionCallInfo fcinfo, double lower, double upper);

#endif							/* ENGAGEMENT_SPREAD_SUMS_H */
