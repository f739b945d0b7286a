/*
 * spread_sums.c
 *		The sums an interval of a ratio needs (spread_sums.h): their
 *		invariant, steps and merges, and the interval computed from them.
 *
 * The ratio estimator R = Σe / Σr has the variance estimate
 * s² = Σ(e - R·r)² / (n - 1) and the interval R ± z·√(s²/n) / r̄.  Its
 * state keeps n and the exact integer sums Σe, Σr, Σe², Σr², Σe·r, so it
 * merges and takes rows back exactly; the final function then needs
 *		D = Σe²·(Σr)² - 2·Σe·Σr·Σe·r + (Σe)²·Σr² = (Σr)²·Σ(e - R·r)²
 * which it computes exactly, since its terms cancel (in 256-bit integers
 * when Σe and Σr are below 2^63, else in numeric), rounded once: the
 * half-width is z·√(D·n / (n - 1)) / (Σr)², with no subtraction left.
 */
#include "spread_sums.h"

#include "state_io.h"

#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

/* a·b for non-negative 128-bit integers: its high and low halves */
static void
product_256(uint128 a, uint128 b, uint128 product[2])
{
	uint64		x0 = (uint64) a,
				x1 = (uint64) (a >> 64),
				y0 = (uint64) b,
				y1 = (uint64) (b >> 64);
	uint128		p00 = (uint128) x0 * y0,
				p01 = (uint128) x0 * y1,
				p10 = (uint128) x1 * y0,
				p11 = (uint128) x1 * y1;
	uint128		mid = (p00 >> 64) + (uint64) p01 + (uint64) p10;

	product[0] = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);	/* high half */
	product[1] = (mid << 64) | (uint64) p00;						/* low half */
}

/* a·b <= c·d for non-negative 128-bit integers, by their 256-bit products */
static bool
product_le(uint128 a, uint128 b, uint128 c, uint128 d)
{
	uint128		ab[2];
	uint128		cd[2];

	product_256(a, b, ab);
	product_256(c, d, cd);
	return ab[0] < cd[0] || (ab[0] == cd[0] && ab[1] <= cd[1]);
}

long double
product_difference(uint128 a, uint128 b, uint128 c, uint128 d)
{
	uint128		ab[2];
	uint128		cd[2];
	const uint128 *big;
	const uint128 *small;
	uint128		high;
	uint128		low;
	long double magnitude;

	product_256(a, b, ab);
	product_256(c, d, cd);
	if (ab[0] > cd[0] || (ab[0] == cd[0] && ab[1] >= cd[1]))
		big = ab, small = cd;
	else
		big = cd, small = ab;
	low = big[1] - small[1];
	high = big[0] - small[0] - (big[1] < small[1]);
	magnitude = (long double) high * 0x1p128L + (long double) low;
	return big == ab ? magnitude : -magnitude;
}

/*
 * What the sums of n units (each e and r, whole numbers) always satisfy,
 * by the Cauchy–Schwarz inequality: (Σer)² <= Σe²·Σr², (Σe)² <= n·Σe² and
 * (Σr)² <= n·Σr².  The first makes D = Σe²·(Σr)² - 2·Σe·Σr·Σer +
 * (Σe)²·Σr² >= 0 too (it is a quadratic form of that Gram matrix), so no
 * interval's variance can come out negative.  Cheap enough for every row
 * a moving frame takes back.
 */
static bool
spread_inequalities_hold(const SpreadSums *sums, int64 n)
{
	return product_le(sums->er, sums->er, sums->ee, sums->rr) &&
		product_le(sums->e, sums->e, n, sums->ee) &&
		product_le(sums->r, sums->r, n, sums->rr);
}

bool
spread_valid(const SpreadSums *sums, int64 n)
{
	if (sums->e < 0 || sums->r < 0 || sums->ee < 0 || sums->rr < 0 || sums->er < 0 ||
		sums->ee > STATE_SUM_LIMIT || sums->rr > STATE_SUM_LIMIT || sums->er > STATE_SUM_LIMIT)
		return false;
	if (n == 0)
		return sums->e == 0 && sums->r == 0 && sums->ee == 0 && sums->rr == 0 && sums->er == 0;
	/* whole numbers are at most their squares, and 2er <= e² + r² */
	if (!(sums->e <= sums->ee && sums->r <= sums->rr && sums->er <= sums->ee / 2 + sums->rr / 2 + 1))
		return false;
	return spread_inequalities_hold(sums, n);
}

/* the sums of another group added (sign 1) or taken back (sign -1) */
static bool
spread_add(SpreadSums *into, const SpreadSums *from, int sign)
{
	SpreadSums	result;

	if (sign < 0 && (into->e < from->e || into->r < from->r || into->ee < from->ee ||
					 into->rr < from->rr || into->er < from->er))
		report_never_added();
	result.e = into->e + sign * from->e;
	result.r = into->r + sign * from->r;
	result.ee = into->ee + sign * from->ee;
	result.rr = into->rr + sign * from->rr;
	result.er = into->er + sign * from->er;
	if (result.ee > STATE_SUM_LIMIT || result.rr > STATE_SUM_LIMIT ||
		result.er > STATE_SUM_LIMIT || result.e > STATE_SUM_LIMIT || result.r > STATE_SUM_LIMIT)
		return false;
	*into = result;
	return true;
}

bool
spread_try_step(SpreadSums *sums, int128 e, int128 r, int sign)
{
	SpreadSums	unit;

	return spread_unit(e, r, &unit) && spread_add(sums, &unit, sign);
}

bool
spread_try_merge(SpreadSums *into, const SpreadSums *from, int sign)
{
	return spread_add(into, from, sign);
}

/*
 * The standard normal quantile: Acklam's rational approximation (relative
 * error below 1.2e-9), then one Halley step on erfc, which brings it to
 * the precision of a double.
 */
static double
normal_quantile(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
	2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
	2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	const double low = 0.02425;
	double		x;
	double		e;
	double		u;

	if (p < low)
	{
		double		q = sqrt(-2 * log(p));

		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	else if (p <= 1 - low)
	{
		double		q = p - 0.5;
		double		r = q * q;

		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}
	else
	{
		double		q = sqrt(-2 * log1p(-p));

		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	/* Halley's step: e = Φ(x) - p, with Φ(x) = erfc(-x/√2) / 2 */
	e = 0.5 * erfc(-x / M_SQRT2) - p;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}

double
confidence_z(double confidence)
{
	if (!(confidence > 0 && confidence < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence must be between 0 and 1, exclusive"),
				 errdetail("Value: %s.", float8out_internal(confidence))));
	/* 1 - (1 - c) / 2 written as 0.5 + c / 2, and its tail by symmetry */
	return -normal_quantile((1 - confidence) / 2);
}

static Numeric
int128_numeric(int128 value)
{
	char		digits[48];
	int			n = 0;
	uint128		magnitude = value < 0 ? -(uint128) value : (uint128) value;
	char		text[50];
	int			t = 0;

	do
	{
		digits[n++] = '0' + (int) (magnitude % 10);
		magnitude /= 10;
	} while (magnitude > 0);
	if (value < 0)
		text[t++] = '-';
	while (n > 0)
		text[t++] = digits[--n];
	text[t] = '\0';
	return DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(text),
											   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

/* the number of significant bits of a 128-bit integer */
static int
bits_128(uint128 x)
{
	uint64		high = (uint64) (x >> 64);

	if (high != 0)
		return 128 - __builtin_clzll(high);
	return (uint64) x == 0 ? 0 : 64 - __builtin_clzll((uint64) x);
}

/*
 * A non-negative 256-bit integer (high and low halves), correctly rounded
 * to a double: its leading 64 bits with a sticky bit for the rest, which
 * the conversion of a 64-bit integer then rounds as the whole would be.
 */
static double
u256_to_double(const uint128 x[2])
{
	int			bits = x[0] != 0 ? 128 + bits_128(x[0]) : bits_128(x[1]);
	int			shift = bits - 64;
	uint64		top;
	bool		sticky;

	if (shift <= 0)
		return (double) (uint64) x[1];
	if (shift >= 128)
	{
		top = (uint64) (x[0] >> (shift - 128));
		sticky = x[1] != 0 || (x[0] & ((((uint128) 1) << (shift - 128)) - 1)) != 0;
	}
	else
	{
		top = (uint64) ((x[1] >> shift) | (x[0] << (128 - shift)));
		sticky = (x[1] & ((((uint128) 1) << shift) - 1)) != 0;
	}
	return ldexp((double) (top | sticky), shift);
}

/*
 * D exactly in 256-bit integers when Σe and Σr are below 2^63: the three
 * products are then below 2^246; false otherwise
 */
static bool
spread_numerator_256(const SpreadSums *sums, double *d)
{
	uint128		t1[2];
	uint128		t2[2];
	uint128		t3[2];
	uint128		sum[2];
	uint128		twice[2];
	uint128		e = (uint128) sums->e;
	uint128		r = (uint128) sums->r;

	if ((e >> 63) != 0 || (r >> 63) != 0)
		return false;
	product_256((uint128) sums->ee, r * r, t1);
	product_256((uint128) sums->er, e * r, t2);
	product_256((uint128) sums->rr, e * e, t3);
	sum[1] = t1[1] + t3[1];
	sum[0] = t1[0] + t3[0] + (sum[1] < t1[1]);
	twice[1] = t2[1] << 1;
	twice[0] = (t2[0] << 1) | (t2[1] >> 127);
	if (sum[0] < twice[0] || (sum[0] == twice[0] && sum[1] < twice[1]))
		report_bad_state("engagement_interval_state", false, "The sums of squares are inconsistent.");
	sum[0] = sum[0] - twice[0] - (sum[1] < twice[1]);
	sum[1] = sum[1] - twice[1];
	*d = u256_to_double(sum);
	return true;
}

/* D = ee·r² - 2·e·r·er + e²·rr, exactly, as a double (correctly rounded) */
static double
spread_numerator(const SpreadSums *sums)
{
	Numeric		e;
	Numeric		r;
	Numeric		d1;
	Numeric		d2;
	Numeric		d3;
	Datum		d;
	double		fast;

	if (spread_numerator_256(sums, &fast))
		return fast;
	e = int128_numeric(sums->e);
	r = int128_numeric(sums->r);
	d1 = num_mul(int128_numeric(sums->ee), num_mul(r, r));
	d2 = num_mul(int128_numeric(2 * sums->er), num_mul(e, r));
	d3 = num_mul(int128_numeric(sums->rr), num_mul(e, e));
	d = DirectFunctionCall2(numeric_add,
							DirectFunctionCall2(numeric_sub, NumericGetDatum(d1), NumericGetDatum(d2)),
							NumericGetDatum(d3));

	return DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, d));
}

/*
 * The spread of the ratio estimator over n units: x = √(D·n / (n - 1)) / Σr,
 * so that the standard error of R = Σe/Σr is x / Σr and the standard
 * deviation s of the residuals e - R·r is x / √n; false for fewer than 2
 * units or Σr = 0.
 */
bool
ratio_spread(const SpreadSums *sums, int64 n, double *x)
{
	double		d;

	if (n < 2 || sums->r == 0)
		return false;
	d = spread_numerator(sums);
	if (d < 0)
		report_bad_state("engagement_interval_state", false, "The sums of squares are inconsistent.");
	*x = sqrt(d * ((double) n / (double) (n - 1))) / (double) sums->r;
	return true;
}

/*
 * The half-width of the interval of 100·Σe/Σr over n units, in percent;
 * false for fewer than 2 units or Σr = 0.  headcount > 0 applies the
 * finite population correction √(1 - n/headcount).
 */
bool
ratio_half_width(const SpreadSums *sums, int64 n, double z, int64 headcount, double *half)
{
	double		x;

	if (!ratio_spread(sums, n, &x))
		return false;
	*half = 100 * z * x / (double) sums->r;
	if (headcount > 0)
		*half *= sqrt(1 - (double) n / (double) headcount);
	return true;
}

/*
 * The interval of 100·Σe/Σr over n units, in percent; false (NULL) for
 * fewer than 2 units or Σr = 0.  proportion clamps the bounds to 0..100, a
 * rate only to >= 0.
 */
bool
ratio_interval(const SpreadSums *sums, int64 n, double z, int64 headcount,
			   bool proportion, double *lower, double *upper)
{
	double		centre;
	double		half;

	if (!ratio_half_width(sums, n, z, headcount, &half))
		return false;
	centre = percent_of(sums->e, sums->r);
	*lower = Max(0.0, centre - half);
	*upper = centre + half;
	if (proportion)
		*upper = Min(100.0, *upper);
	return true;
}

/* successes, not more than trials, for a proportion (both checked not negative) */
void
check_successes(int64 successes, int64 trials, const char *successes_name,
				const char *trials_name)
{
	if (successes > trials)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not exceed %s", successes_name, trials_name),
				 errdetail("%s: " INT64_FORMAT ", %s: " INT64_FORMAT ".",
						   successes_name, successes, trials_name, trials)));
}

/*
 * The Wilson score interval of successes / trials (trials > 0), as
 * fractions.  With p = s/n the textbook centre and half-width are
 * (p + z²/2n) / (1 + z²/n) and z / (1 + z²/n) · √(p(1-p)/n + z²/4n²);
 * multiplied out, with a = s + z²/2 and b = z·√(s(n-s)/n + z²/4), the
 * bounds are (a ± b) / (n + z²), and the lower one is s² / (n·(a + b)),
 * which has no cancellation.
 */
void
wilson_bounds(int64 successes, int64 trials, double z, double *lower, double *upper)
{
	double		n = (double) trials;
	double		s = (double) successes;
	double		a = s + z * z / 2;
	double		b = z * sqrt((double) ((int128) successes * (trials - successes)) / n + z * z / 4);

	*lower = s * s / (n * (a + b));
	*upper = Min(1.0, (a + b) / (n + z * z));
}

Datum
percent_range_datum(FunctionCallInfo fcinfo, double lower, double upper)
{
	TypeCacheEntry *typcache = fcinfo->flinfo->fn_extra;
	RangeBound	lo = {Float8GetDatum(lower), false, true, true};
	RangeBound	hi = {Float8GetDatum(upper), false, true, false};

	if (!isfinite(lower) || !isfinite(upper))
		float_overflow_error();
	if (typcache == NULL)
	{
		typcache = lookup_type_cache(get_func_rettype(fcinfo->flinfo->fn_oid),
									 TYPECACHE_RANGE_INFO);
		if (typcache->rngelemtype == NULL)
			elog(ERROR, "function does not return a range type");
		fcinfo->flinfo->fn_extra = typcache;
	}
	PG_RETURN_RANGE_P(make_range_compat(typcache, &lo, &hi, false));
}
