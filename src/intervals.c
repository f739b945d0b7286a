/*
 * intervals.c
 *		How sure is a figure: the Wilson score interval of a proportion, and
 *		the intervals of ER by reach, ER view and the Q12 index with posts
 *		(or respondents) as sampling units, as the range type percent_range.
 *
 * The ratio estimator R = Σe / Σr has the variance estimate
 * s² = Σ(e - R·r)² / (n - 1) and the interval R ± z·√(s²/n) / r̄.  Its
 * state keeps n and the exact integer sums Σe, Σr, Σe², Σr², Σe·r, so it
 * merges and takes rows back exactly; the final function then needs
 *		D = Σe²·(Σr)² - 2·Σe·Σr·Σe·r + (Σe)²·Σr² = (Σr)²·Σ(e - R·r)²
 * which it computes exactly, in numeric, since its terms cancel: the
 * half-width is z·√(D·n / (n - 1)) / (Σr)², with no subtraction left.
 */
#include "engagement.h"

#include <float.h>

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#define DEFAULT_CONFIDENCE 0.95

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

/* z for a two-sided confidence level strictly between 0 and 1 */
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

/* [lower, upper] as a percent_range, the return type of the calling function */
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

/*
 * Wilson score interval, in percent.  With p = s/n the textbook centre and
 * half-width are (p + z²/2n) / (1 + z²/n) and z / (1 + z²/n) ·
 * √(p(1-p)/n + z²/4n²); multiplied out, with a = s + z²/2 and
 * b = z·√(s(n-s)/n + z²/4), the bounds are (a ± b) / (n + z²), and the
 * lower one is s² / (n·(a + b)), which has no cancellation.
 */
PG_FUNCTION_INFO_V1(wilson_interval);
Datum
wilson_interval(PG_FUNCTION_ARGS)
{
	int64		successes = count_arg(fcinfo, 0, "successes");
	int64		trials = count_arg(fcinfo, 1, "trials");
	double		z = confidence_z(PG_GETARG_FLOAT8(2));
	double		n = (double) trials;
	double		s = (double) successes;
	double		a;
	double		b;

	if (successes > trials)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("successes must not exceed trials"),
				 errdetail("successes: " INT64_FORMAT ", trials: " INT64_FORMAT ".",
						   successes, trials)));
	if (trials == 0)
		PG_RETURN_NULL();
	a = s + z * z / 2;
	b = z * sqrt((double) ((int128) successes * (trials - successes)) / n + z * z / 4);
	return percent_range_datum(fcinfo, 100 * (s * s / (n * (a + b))),
							   Min(100.0, 100 * ((a + b) / (n + z * z))));
}

/*
 * The state of the interval aggregates (SQL type engagement_interval_state):
 * the units counted, the exact sums, and the constants every row of the
 * group must share: the confidence level and, for the Q12, the headcount
 * (0: none).
 */
typedef struct IntervalState
{
	int64		n;
	int64		headcount;
	double		confidence;
	SpreadSums	sums;
} IntervalState;

#define INTERVAL_STATE_TYPE "engagement_interval_state"

bool
spread_valid(const SpreadSums *sums, int64 n)
{
	if (sums->e < 0 || sums->r < 0 || sums->ee < 0 || sums->rr < 0 || sums->er < 0 ||
		sums->ee > STATE_SUM_LIMIT || sums->rr > STATE_SUM_LIMIT || sums->er > STATE_SUM_LIMIT)
		return false;
	if (n == 0)
		return sums->e == 0 && sums->r == 0 && sums->ee == 0 && sums->rr == 0 && sums->er == 0;
	/* whole numbers are at most their squares, and 2er <= e² + r² */
	return sums->e <= sums->ee && sums->r <= sums->rr && sums->er <= sums->ee / 2 + sums->rr / 2 + 1;
}

static void
check_interval(const IntervalState *state, bool binary)
{
	if (state->n < 0 || state->headcount < 0 || !spread_valid(&state->sums, state->n))
		report_bad_state(INTERVAL_STATE_TYPE, binary,
						 "Counts and sums must be between 0 and 2^120 and consistent.");
	if (state->n == 0 ? (state->confidence != 0 || state->headcount != 0) :
		!(state->confidence > 0 && state->confidence < 1) ||
		(state->headcount != 0 && state->headcount < state->n))
		report_bad_state(INTERVAL_STATE_TYPE, binary,
						 "A state of units has a confidence between 0 and 1 and no more units than its headcount.");
}

/*
 * Adds (sign 1) or takes back (sign -1) one unit's e and r, or the sums of
 * another group; false, leaving the sums as they were, when a sum would
 * pass STATE_SUM_LIMIT.  Taking back what the sums do not hold is an error.
 */
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

/* the sums of one unit; false when a product would not fit */
static bool
spread_unit(int128 e, int128 r, SpreadSums *unit)
{
	unit->e = e;
	unit->r = r;
	/* e and r are below 2^66, so their products fit; the limit checks the sums */
	return !(e > STATE_SUM_LIMIT || r > STATE_SUM_LIMIT ||
			 __builtin_mul_overflow(e, e, &unit->ee) || __builtin_mul_overflow(r, r, &unit->rr) ||
			 __builtin_mul_overflow(e, r, &unit->er));
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

/* D = ee·r² - 2·e·r·er + e²·rr, exactly, as a double (correctly rounded) */
static double
spread_numerator(const SpreadSums *sums)
{
	Numeric		e = int128_numeric(sums->e);
	Numeric		r = int128_numeric(sums->r);
	Numeric		d1 = num_mul(int128_numeric(sums->ee), num_mul(r, r));
	Numeric		d2 = num_mul(int128_numeric(2 * sums->er), num_mul(e, r));
	Numeric		d3 = num_mul(int128_numeric(sums->rr), num_mul(e, e));
	Datum		d = DirectFunctionCall2(numeric_add,
										DirectFunctionCall2(numeric_sub, NumericGetDatum(d1),
															NumericGetDatum(d2)),
										NumericGetDatum(d3));

	return DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, d));
}

/*
 * The interval of 100·Σe/Σr over n units, in percent; false (NULL) for
 * fewer than 2 units or Σr = 0.  headcount > 0 applies the finite
 * population correction √(1 - n/headcount); proportion clamps the bounds
 * to 0..100, a rate only to >= 0.
 */
bool
ratio_interval(const SpreadSums *sums, int64 n, double z, int64 headcount,
			   bool proportion, double *lower, double *upper)
{
	double		centre;
	double		half;
	double		d;
	double		r = (double) sums->r;

	if (n < 2 || sums->r == 0)
		return false;
	centre = percent_of(sums->e, sums->r);
	d = spread_numerator(sums);
	if (d < 0)
		report_bad_state(INTERVAL_STATE_TYPE, false, "The sums of squares are inconsistent.");
	half = 100 * z * (sqrt(d * ((double) n / (double) (n - 1))) / r) / r;
	if (headcount > 0)
		half *= sqrt(1 - (double) n / (double) headcount);
	*lower = Max(0.0, centre - half);
	*upper = centre + half;
	if (proportion)
		*upper = Min(100.0, *upper);
	return true;
}

/* the state to update, and the constants of its group checked against a row's */
static IntervalState *
interval_state(FunctionCallInfo fcinfo, double confidence, int64 headcount)
{
	IntervalState *state = agg_state_for_update(fcinfo, sizeof(IntervalState));

	if (state->n == 0)
	{
		confidence_z(confidence);
		state->confidence = confidence;
		state->headcount = headcount;
	}
	else if (state->confidence != confidence)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence must be the same on every row of a group"),
				 errdetail("Values: %s and %s.", float8out_internal(state->confidence),
						   float8out_internal(confidence))));
	else if (state->headcount != headcount)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("headcount must be the same on every row of a group"),
				 errdetail("Values: " INT64_FORMAT " and " INT64_FORMAT ".",
						   state->headcount, headcount)));
	return state;
}

/* n units and their sums join a state: a row, or another state */
static void
interval_add(IntervalState *state, int64 n, const SpreadSums *sums)
{
	if (pg_add_s64_overflow(state->n, n, &state->n))
		report_bigint_out_of_range();
	if (!spread_try_merge(&state->sums, sums, 1))
		report_sum_out_of_range();
	if (state->headcount > 0 && state->n > state->headcount)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("headcount must be at least the number of respondents"),
				 errdetail("headcount: " INT64_FORMAT ", respondents: " INT64_FORMAT ".",
						   state->headcount, state->n)));
}

static Datum
interval_unit(FunctionCallInfo fcinfo, int128 e, int128 r, double confidence, int64 headcount,
			  bool remove)
{
	IntervalState *state = interval_state(fcinfo, confidence, headcount);
	SpreadSums	unit;

	if (!spread_unit(e, r, &unit))
		report_sum_out_of_range();
	if (remove)
	{
		if (state->n == 0 || !spread_try_merge(&state->sums, &unit, -1))
			report_never_added();
		if (--state->n == 0)
			state->confidence = 0, state->headcount = 0;
		PG_RETURN_POINTER(state);
	}
	interval_add(state, 1, &unit);
	PG_RETURN_POINTER(state);
}

/*
 * Adds a unit inline when the state is the aggregate's own and already has
 * units of the same confidence and no headcount, e and r are below 2^60
 * (so their products need no overflow test) and no sum passes 2^120;
 * false, with the state as it was, otherwise.
 */
static pg_attribute_always_inline bool
interval_try_add(FunctionCallInfo fcinfo, int128 e, int64 r, double confidence)
{
	IntervalState *state;
	SpreadSums *sums;
	uint64		ue;

	if (unlikely(!agg_state_in_place(fcinfo)))
		return false;
	state = (IntervalState *) PG_GETARG_POINTER(0);
	sums = &state->sums;
	if (unlikely(state->n <= 0 || state->n == PG_INT64_MAX || state->confidence != confidence ||
				 state->headcount != 0 || (e >> 60) != 0 || (r >> 60) != 0))
		return false;
	ue = (uint64) e;
	sums->e += e;
	sums->r += r;
	sums->ee += (int128) ((uint128) ue * ue);
	sums->rr += (int128) ((uint128) (uint64) r * (uint64) r);
	sums->er += (int128) ((uint128) ue * (uint64) r);
	if (unlikely(((sums->e | sums->r | sums->ee | sums->rr | sums->er) >> 120) != 0))
	{
		sums->e -= e;
		sums->r -= r;
		sums->ee -= (int128) ((uint128) ue * ue);
		sums->rr -= (int128) ((uint128) (uint64) r * (uint64) r);
		sums->er -= (int128) ((uint128) ue * (uint64) r);
		return false;
	}
	state->n++;
	return true;
}

/* one post: e = likes + comments + shares, r = reach or views */
static pg_attribute_always_inline Datum
post_interval_step(FunctionCallInfo fcinfo, const char *audience, bool remove)
{
	int64		likes;
	int64		comments;
	int64		shares;
	int64		r;
	int128		e;
	double		confidence = DEFAULT_CONFIDENCE;

	if (PG_ARGISNULL(1) | PG_ARGISNULL(2) | PG_ARGISNULL(3) | PG_ARGISNULL(4) |
		(PG_NARGS() > 5 && PG_ARGISNULL(5)))
		RETURN_STATE_UNCHANGED();
	likes = PG_GETARG_INT64(1);
	comments = PG_GETARG_INT64(2);
	shares = PG_GETARG_INT64(3);
	r = PG_GETARG_INT64(4);
	if (unlikely((likes | comments | shares | r) < 0))
	{
		count_arg(fcinfo, 1, "likes");
		count_arg(fcinfo, 2, "comments");
		count_arg(fcinfo, 3, "shares");
		count_arg(fcinfo, 4, audience);
	}
	if (PG_NARGS() > 5)
		confidence = PG_GETARG_FLOAT8(5);
	e = (int128) likes + comments + shares;
	if (!remove && interval_try_add(fcinfo, e, r, confidence))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	return interval_unit(fcinfo, e, r, confidence, 0, remove);
}

PG_FUNCTION_INFO_V1(er_reach_interval_transfn);
Datum
er_reach_interval_transfn(PG_FUNCTION_ARGS)
{
	return post_interval_step(fcinfo, "reach", false);
}

PG_FUNCTION_INFO_V1(er_reach_interval_inv_transfn);
Datum
er_reach_interval_inv_transfn(PG_FUNCTION_ARGS)
{
	return post_interval_step(fcinfo, "reach", true);
}

PG_FUNCTION_INFO_V1(er_view_interval_transfn);
Datum
er_view_interval_transfn(PG_FUNCTION_ARGS)
{
	return post_interval_step(fcinfo, "views", false);
}

PG_FUNCTION_INFO_V1(er_view_interval_inv_transfn);
Datum
er_view_interval_inv_transfn(PG_FUNCTION_ARGS)
{
	return post_interval_step(fcinfo, "views", true);
}

/*
 * One respondent: e = yes answers, r = answered questions.  After the
 * answers come a headcount (headcount_width 8 for bigint, 4 for integer, 0
 * for none) and a confidence, if has_confidence.  Each SQL signature has a
 * C function of its own: a partial aggregate on a Citus worker calls the
 * transition function without the expression that would tell the
 * argument types.
 */
static Datum
q12_interval_step(FunctionCallInfo fcinfo, int headcount_width, bool has_confidence, bool remove)
{
	double		confidence = DEFAULT_CONFIDENCE;
	int64		headcount = 0;
	int			argno = 2;
	int64		yes;
	int64		answered;

	for (int i = 1; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			RETURN_STATE_UNCHANGED();
	if (headcount_width > 0)
	{
		headcount = int_arg_width(fcinfo, argno++, headcount_width);
		if (headcount < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("headcount must be at least 1"),
					 errdetail("Value: " INT64_FORMAT ".", headcount)));
	}
	if (has_confidence)
		confidence = PG_GETARG_FLOAT8(argno);
	count_q12_answers(PG_GETARG_DATUM(1), &yes, &answered);
	if (answered == 0)
		RETURN_STATE_UNCHANGED();
	return interval_unit(fcinfo, yes, answered, confidence, headcount, remove);
}

PG_FUNCTION_INFO_V1(q12_interval_transfn);
Datum
q12_interval_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 0, false, false);
}

PG_FUNCTION_INFO_V1(q12_interval_inv_transfn);
Datum
q12_interval_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 0, false, true);
}

PG_FUNCTION_INFO_V1(q12_interval_conf_transfn);
Datum
q12_interval_conf_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 0, true, false);
}

PG_FUNCTION_INFO_V1(q12_interval_conf_inv_transfn);
Datum
q12_interval_conf_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 0, true, true);
}

PG_FUNCTION_INFO_V1(q12_interval_int8_transfn);
Datum
q12_interval_int8_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 8, false, false);
}

PG_FUNCTION_INFO_V1(q12_interval_int8_inv_transfn);
Datum
q12_interval_int8_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 8, false, true);
}

PG_FUNCTION_INFO_V1(q12_interval_int8_conf_transfn);
Datum
q12_interval_int8_conf_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 8, true, false);
}

PG_FUNCTION_INFO_V1(q12_interval_int8_conf_inv_transfn);
Datum
q12_interval_int8_conf_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 8, true, true);
}

PG_FUNCTION_INFO_V1(q12_interval_int4_transfn);
Datum
q12_interval_int4_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 4, false, false);
}

PG_FUNCTION_INFO_V1(q12_interval_int4_inv_transfn);
Datum
q12_interval_int4_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 4, false, true);
}

PG_FUNCTION_INFO_V1(q12_interval_int4_conf_transfn);
Datum
q12_interval_int4_conf_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 4, true, false);
}

PG_FUNCTION_INFO_V1(q12_interval_int4_conf_inv_transfn);
Datum
q12_interval_int4_conf_inv_transfn(PG_FUNCTION_ARGS)
{
	return q12_interval_step(fcinfo, 4, true, true);
}

PG_FUNCTION_INFO_V1(interval_state_combine);
Datum
interval_state_combine(PG_FUNCTION_ARGS)
{
	IntervalState *state;
	const IntervalState *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (const IntervalState *) PG_GETARG_POINTER(1);
	if (other->n == 0)
		RETURN_STATE_UNCHANGED();
	state = interval_state(fcinfo, other->confidence, other->headcount);
	interval_add(state, other->n, &other->sums);
	PG_RETURN_POINTER(state);
}

static Datum
interval_final(FunctionCallInfo fcinfo, bool proportion)
{
	IntervalState *state = (IntervalState *) PG_GETARG_POINTER(0);
	double		lower;
	double		upper;

	if (state->n == 0 ||
		!ratio_interval(&state->sums, state->n, confidence_z(state->confidence),
						state->headcount, proportion, &lower, &upper))
		PG_RETURN_NULL();
	return percent_range_datum(fcinfo, lower, upper);
}

PG_FUNCTION_INFO_V1(rate_interval_finalfn);
Datum
rate_interval_finalfn(PG_FUNCTION_ARGS)
{
	return interval_final(fcinfo, false);
}

PG_FUNCTION_INFO_V1(proportion_interval_finalfn);
Datum
proportion_interval_finalfn(PG_FUNCTION_ARGS)
{
	return interval_final(fcinfo, true);
}

/*
 * Text form v2(n,headcount,confidence,e,r,ee,rr,er); the confidence in the
 * shortest form that reads back to the same double.
 */
PG_FUNCTION_INFO_V1(engagement_interval_state_in);
Datum
engagement_interval_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, INTERVAL_STATE_TYPE};
	IntervalState *state = palloc0(sizeof(IntervalState));
	int128	   *sums[] = {&state->sums.e, &state->sums.r, &state->sums.ee,
	&state->sums.rr, &state->sums.er};

	if (parse_version(&parser) != STATE_FORMAT_VERSION)
		report_bad_state_text(&parser);
	expect_char(&parser, '(');
	state->n = parse_int64_count(&parser);
	expect_char(&parser, ',');
	state->headcount = parse_int64_count(&parser);
	expect_char(&parser, ',');
	state->confidence = parse_double(&parser);
	for (size_t i = 0; i < lengthof(sums); i++)
	{
		expect_char(&parser, ',');
		*sums[i] = parse_count(&parser);
	}
	expect_end(&parser);
	check_interval(state, false);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_interval_state_out);
Datum
engagement_interval_state_out(PG_FUNCTION_ARGS)
{
	IntervalState *state = (IntervalState *) PG_GETARG_POINTER(0);
	int128		sums[] = {state->sums.e, state->sums.r, state->sums.ee, state->sums.rr,
	state->sums.er};
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfo(&buf, "(" INT64_FORMAT "," INT64_FORMAT ",%s", state->n,
					 state->headcount, float8out_internal(state->confidence));
	for (size_t i = 0; i < lengthof(sums); i++)
	{
		appendStringInfoChar(&buf, ',');
		append_count(&buf, sums[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

/* binary: the version byte, n and headcount, the confidence, the five sums */
PG_FUNCTION_INFO_V1(engagement_interval_state_recv);
Datum
engagement_interval_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IntervalState *state = palloc0(sizeof(IntervalState));
	int128	   *sums[] = {&state->sums.e, &state->sums.r, &state->sums.ee,
	&state->sums.rr, &state->sums.er};

	recv_version(buf, -1, INTERVAL_STATE_TYPE);
	state->n = recv_int64(buf, INTERVAL_STATE_TYPE);
	state->headcount = recv_int64(buf, INTERVAL_STATE_TYPE);
	state->confidence = recv_float8(buf, INTERVAL_STATE_TYPE);
	for (size_t i = 0; i < lengthof(sums); i++)
		*sums[i] = recv_int128(buf, INTERVAL_STATE_TYPE);
	recv_end(buf, INTERVAL_STATE_TYPE);
	check_interval(state, true);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_interval_state_send);
Datum
engagement_interval_state_send(PG_FUNCTION_ARGS)
{
	IntervalState *state = (IntervalState *) PG_GETARG_POINTER(0);
	int128		sums[] = {state->sums.e, state->sums.r, state->sums.ee, state->sums.rr,
	state->sums.er};
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint64(&buf, state->n);
	pq_sendint64(&buf, state->headcount);
	pq_sendfloat8(&buf, state->confidence);
	for (size_t i = 0; i < lengthof(sums); i++)
		send_int128(&buf, sums[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
