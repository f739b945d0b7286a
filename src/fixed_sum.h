/*
 * fixed_sum.h
 *		Exact sums of non-negative doubles, and correctly rounded quotients
 *		(fixed_sum.c).
 *
 * An exact sum is a fixed-point number with 128 bits each side of the
 * binary point, value = whole + fraction / 2^128.  The per-row path adds to
 * it 64 bits at a time, as limb[0] (lowest) to limb[3]: the same bytes on
 * a little-endian machine, and the layout is only ever read through one of
 * the two names within one function.
 */
#ifndef ENGAGEMENT_FIXED_SUM_H
#define ENGAGEMENT_FIXED_SUM_H

#include "common.h"

#ifdef WORDS_BIGENDIAN
#define FIXED_LIMB(n) (3 - (n))
#else
#define FIXED_LIMB(n) (n)
#endif
#define FIXED_TOP_LIMB FIXED_LIMB(3)

typedef union FixedSum
{
	struct
	{
#ifdef WORDS_BIGENDIAN
		uint128		whole;
		uint128		fraction;
#else
		uint128		fraction;
		uint128		whole;
#endif
	};
	uint64		limb[4];
} FixedSum;

/*
 * A finite non-negative double added to an exact sum, for the values from
 * 2^-11 to below 2^63 (every per-post rate in practice) while the sum is
 * below 2^119: false, and nothing added, for the others, which
 * fixed_add_double adds (exactly, or rounded below 2^-128) or rejects.
 *
 * Such a value splits exactly into its integer part, below 2^63, and its
 * fraction, whose bits all lie at 2^-63 or above: the two go into limbs 2
 * and 1 with a conversion each, and the carry runs on into limb 3.
 */
static pg_attribute_always_inline bool
fixed_try_add_double_below_limit(FixedSum *sum, double value)
{
	uint64		bits;
	int64		whole;
	uint64		fraction;
	bool		carry;

	memcpy(&bits, &value, sizeof(bits));
	if (bits == 0)
		return true;
	if (unlikely((unsigned) ((bits >> 52) - (1023 - 11)) >= 11 + 63))
		return false;
	whole = (int64) value;
	fraction = (uint64) (int64) ((value - (double) whole) * 9223372036854775808.0) << 1;
	carry = __builtin_add_overflow(sum->limb[FIXED_LIMB(1)], fraction, &sum->limb[FIXED_LIMB(1)]);
	carry = __builtin_add_overflow(sum->limb[FIXED_LIMB(2)], (uint64) whole + carry,
								   &sum->limb[FIXED_LIMB(2)]);
	sum->limb[FIXED_LIMB(3)] += carry;
	return true;
}

/* (the sum below 2^119, tested with a shift rather than a 64-bit constant) */
#define FIXED_HAS_ROOM(sum) (((sum)->limb[FIXED_TOP_LIMB] >> 55) == 0)

static pg_attribute_always_inline bool
fixed_try_add_double(FixedSum *sum, double value)
{
	return likely(FIXED_HAS_ROOM(sum)) && fixed_try_add_double_below_limit(sum, value);
}

/* adds any finite non-negative double, rounding below 2^-128; 22003 past STATE_SUM_LIMIT */
extern void fixed_add_double(FixedSum *sum, double value);
/* takes back a value fixed_add_double added; 22023 if the sum is smaller */
extern void fixed_subtract_double(FixedSum *sum, double value);
extern void fixed_add(FixedSum *sum, const FixedSum *other);

/* correctly rounded quotients; the divisor is not 0 */
extern double fixed_quotient(const FixedSum *sum, uint128 divisor);
extern double exact_quotient(uint128 numerator, uint128 denominator);

#endif							/* ENGAGEMENT_FIXED_SUM_H */
