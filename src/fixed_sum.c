/*
 * fixed_sum.c
 *		Exact sums of non-negative doubles, and correctly rounded quotients.
 *
 * A mean of per-post rates is the sum of those rates divided by a count.
 * Summing doubles in floating point gives a result that depends on the
 * order of the additions, so two summaries of the same posts could differ,
 * and a value removed from a moving window could not be subtracted back
 * exactly.  Here the doubles are added into a 256-bit fixed-point number
 * (128 bits each side of the binary point): the sum is exact, whatever the
 * order, and a subtraction undoes an addition to the last bit.
 *
 * A per-post rate 100 * count / audience, with both counts below 2^63, is
 * at least 2^-57, so all 53 bits of its mantissa lie above 2^-128 and it
 * is added exactly.  A smaller value (a tiny survey score) is rounded to the
 * nearest multiple of 2^-128, the same way every time, so sums stay
 * independent of the order.  Sums are bounded by STATE_SUM_LIMIT, like the
 * integer sums: beyond it an addition is ERROR 22003.
 */
#include "fixed_sum.h"

#include "utils/float.h"

/*
 * A finite non-negative double as mantissa * 2^exponent, the mantissa an
 * integer below 2^53; 0 is (0, 0).
 */
static inline uint64
split_double(double value, int *exponent)
{
	uint64		bits;
	int			biased;

	memcpy(&bits, &value, sizeof(bits));
	biased = (int) (bits >> 52) & 0x7FF;
	if (biased == 0)
	{
		*exponent = -1074;		/* zero or subnormal */
		return bits & ((UINT64CONST(1) << 52) - 1);
	}
	*exponent = biased - 1075;
	return (bits & ((UINT64CONST(1) << 52) - 1)) | (UINT64CONST(1) << 52);
}

/*
 * value * 2^128 as a 256-bit integer (high, low), rounded to the nearest
 * integer, ties to even, for values too small to be exact.
 */
static void
fixed_from_double(double value, uint128 *high, uint128 *low)
{
	int			exponent;
	uint64		mantissa = split_double(value, &exponent);
	int			shift = exponent + 128;

	*high = 0;
	*low = 0;
	if (mantissa == 0)
		return;
	if (shift >= 256 - 53)
		report_sum_out_of_range();
	if (shift < 0)
	{
		uint64		kept;
		uint64		dropped;
		uint64		half;

		if (shift < -54)
			return;				/* below half of 2^-128 */
		kept = mantissa >> -shift;
		dropped = mantissa & ((UINT64CONST(1) << -shift) - 1);
		half = UINT64CONST(1) << (-shift - 1);
		if (dropped > half || (dropped == half && (kept & 1)))
			kept++;
		*low = kept;
	}
	else if (shift < 128)
	{
		*low = (uint128) mantissa << shift;
		*high = shift > 75 ? (uint128) mantissa >> (128 - shift) : 0;
	}
	else
		*high = (uint128) mantissa << (shift - 128);
}

/* a sum at most 2^120: its whole part no more, and no fraction at 2^120 */
static inline void
fixed_check(const FixedSum *sum)
{
	if (sum->whole > (uint128) STATE_SUM_LIMIT ||
		(sum->whole == (uint128) STATE_SUM_LIMIT && sum->fraction != 0))
		report_sum_out_of_range();
}

/* adds any finite non-negative double, rounding those below 2^-128 */
void
fixed_add_double(FixedSum *sum, double value)
{
	uint128		high;
	uint128		low;

	if (fixed_try_add_double(sum, value))
		return;
	fixed_from_double(value, &high, &low);
	sum->fraction += low;
	sum->whole += high + (sum->fraction < low);
	fixed_check(sum);
}

void
fixed_add(FixedSum *sum, const FixedSum *other)
{
	sum->fraction += other->fraction;
	sum->whole += other->whole + (sum->fraction < other->fraction);
	fixed_check(sum);
}

/*
 * Removes a value that fixed_add_double added before: the rounding of a
 * tiny value is the same both ways, so the sum returns to what it was.
 */
void
fixed_subtract_double(FixedSum *sum, double value)
{
	uint128		high;
	uint128		low;
	uint128		borrow;

	fixed_from_double(value, &high, &low);
	borrow = sum->fraction < low;
	if (sum->whole < high + borrow)
		report_never_added();
	sum->fraction -= low;
	sum->whole -= high + borrow;
}

/* index of the highest set bit of a non-zero 128-bit integer */
static inline int
top_bit(uint128 value)
{
	uint64		high = (uint64) (value >> 64);

	if (high != 0)
		return 127 - __builtin_clzll(high);
	return 63 - __builtin_clzll((uint64) value);
}

/*
 * (high * 2^128 + low) * 2^scale, plus a positive amount below the last
 * bit when sticky, correctly rounded to a double (ties to even).  The
 * callers' values lie far inside the range of normal doubles.
 */
static double
round_to_double(uint128 high, uint128 low, bool sticky, int scale)
{
	int			top;
	uint64		top64;
	uint64		mantissa;
	uint64		rest;
	bool		below;

	if (high == 0 && low == 0)
		return 0.0;
	top = high != 0 ? 128 + top_bit(high) : top_bit(low);
	/* the 64 bits from the top bit down, and whether anything lies below */
	if (top >= 128)
	{
		int			drop = top - 63;	/* 65 .. 192 */

		if (drop >= 128)
		{
			top64 = (uint64) (high >> (drop - 128));
			below = sticky || low != 0 ||
				(high & (((uint128) 1 << (drop - 128)) - 1)) != 0;
		}
		else
		{
			top64 = (uint64) ((high << (128 - drop)) | (low >> drop));
			below = sticky || (low & (((uint128) 1 << drop) - 1)) != 0;
		}
	}
	else if (top >= 63)
	{
		top64 = (uint64) (low >> (top - 63));
		below = sticky || (top > 63 &&
						   (low & (((uint128) 1 << (top - 63)) - 1)) != 0);
	}
	else
	{
		top64 = (uint64) low << (63 - top);
		below = sticky;
	}
	mantissa = top64 >> 11;
	rest = top64 & 0x7FF;
	if (rest > 0x400 || (rest == 0x400 && (below || (mantissa & 1))))
		mantissa++;				/* may become 2^53: still exact as a double */
	return ldexp((double) mantissa, top - 52 + scale);
}

/*
 * (high * 2^128 + low) / divisor as a 256-bit quotient and whether a
 * remainder is left; divisor is not 0.
 */
static void
divide_256(uint128 *high, uint128 *low, uint128 divisor, bool *remainder_left)
{
	if (divisor >> 64 == 0)
	{
		/* four steps of 128-by-64 division, 64 bits at a time */
		uint64		d = (uint64) divisor;
		uint64		parts[4] = {(uint64) (*high >> 64), (uint64) *high,
		(uint64) (*low >> 64), (uint64) *low};
		uint128		rem = 0;

		for (int i = 0; i < 4; i++)
		{
			uint128		current = (rem << 64) | parts[i];

			parts[i] = (uint64) (current / d);
			rem = current % d;
		}
		*high = ((uint128) parts[0] << 64) | parts[1];
		*low = ((uint128) parts[2] << 64) | parts[3];
		*remainder_left = rem != 0;
	}
	else
	{
		/* bit by bit; only for divisors of 2^64 and more, which are rare */
		uint128		rem = 0;
		uint128		qhigh = 0;
		uint128		qlow = 0;

		for (int i = 255; i >= 0; i--)
		{
			uint128		bit = i >= 128 ? (*high >> (i - 128)) & 1 : (*low >> i) & 1;
			bool		overflow = (rem >> 127) != 0;

			rem = (rem << 1) | bit;
			if (overflow || rem >= divisor)
			{
				rem -= divisor;
				if (i >= 128)
					qhigh |= (uint128) 1 << (i - 128);
				else
					qlow |= (uint128) 1 << i;
			}
		}
		*high = qhigh;
		*low = qlow;
		*remainder_left = rem != 0;
	}
}

/* sum / divisor, correctly rounded; divisor is not 0 */
double
fixed_quotient(const FixedSum *sum, uint128 divisor)
{
	uint128		high = sum->whole;
	uint128		low = sum->fraction;
	bool		remainder_left = false;

	if (divisor != 1)
		divide_256(&high, &low, divisor, &remainder_left);
	return round_to_double(high, low, remainder_left, -128);
}

/* numerator / denominator, correctly rounded; denominator is not 0 */
double
exact_quotient(uint128 numerator, uint128 denominator)
{
	/* the numerator as the whole part of a fixed-point number keeps 128 bits of quotient */
	uint128		high = numerator;
	uint128		low = 0;
	bool		remainder_left;

	divide_256(&high, &low, denominator, &remainder_left);
	return round_to_double(high, low, remainder_left, -128);
}
