/*
 * smm_scalar.c
 *		Scalar social-media metrics: engagement volume, the percent rates of
 *		one row, response-time change and the cost metrics.
 */
#include "common.h"

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(engagement_volume);
Datum
engagement_volume(PG_FUNCTION_ARGS)
{
	int64		likes = count_arg(fcinfo, 0, "likes");
	int64		comments = count_arg(fcinfo, 1, "comments");
	int64		shares = count_arg(fcinfo, 2, "shares");
	int64		volume;

	if (pg_add_s64_overflow(likes, comments, &volume) ||
		pg_add_s64_overflow(volume, shares, &volume))
		report_bigint_out_of_range();
	PG_RETURN_INT64(volume);
}

/*
 * 100 * numerator / denominator of two count arguments of the given width
 * (the bigint, integer and smallint overloads); NULL for a zero denominator
 */
static Datum
count_percent(FunctionCallInfo fcinfo, int width, const char *numname, const char *denname)
{
	int64		num = count_arg_width(fcinfo, 0, numname, width);
	int64		den = count_arg_width(fcinfo, 1, denname, width);

	if (den == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of(num, den));
}

/*
 * The numeric overloads of the two-argument rates, for sums of bigint
 * columns (sum(bigint) is numeric) and for fractional counts.
 */

static void
report_bad_numeric(const char *argname, Numeric value, bool negative)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 negative ? errmsg("%s must not be negative", argname) :
			 errmsg("%s must be a finite number", argname),
			 errdetail("Value: %s.",
					   DatumGetCString(DirectFunctionCall1(numeric_out,
														   NumericGetDatum(value))))));
}

static int
numeric_sign_of(Numeric value)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(value),
											 NumericGetDatum(int64_to_numeric(0))));
}

/*
 * A numeric count argument: finite and not negative.  With as_text, the
 * argument is text, what an untyped parameter or a quoted literal resolves
 * to (the text forms exist so that such calls resolve), read as a numeric.
 */
static Numeric
numeric_count_arg(FunctionCallInfo fcinfo, int argno, const char *argname, bool as_text)
{
	Numeric		value;

	if (as_text)
		value = DatumGetNumeric(DirectFunctionCall3(numeric_in,
													CStringGetDatum(text_to_cstring(PG_GETARG_TEXT_PP(argno))),
													ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	else
		value = PG_GETARG_NUMERIC(argno);
	if (numeric_is_nan(value) || numeric_is_inf(value))
		report_bad_numeric(argname, value, false);
	if (numeric_sign_of(value) < 0)
		report_bad_numeric(argname, value, true);
	return value;
}

/* the value as an int64 if it is a whole number that fits */
static bool
numeric_to_int64(Numeric value, int64 *result)
{
	Datum		v = NumericGetDatum(value);

	if (DatumGetInt32(DirectFunctionCall1(numeric_min_scale, v)) != 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, v,
										  NumericGetDatum(int64_to_numeric(PG_INT64_MAX)))) > 0)
		return false;
	*result = DatumGetInt64(DirectFunctionCall1(numeric_int8, v));
	return true;
}

/* the power of ten of a non-zero numeric, from its scientific notation */
static int
numeric_exponent(Numeric value)
{
	char	   *sci = numeric_out_sci(value, 0);

	return atoi(strchr(sci, 'e') + 1);
}

/*
 * 100 * num / den for den > 0.  Whole numbers that fit in a bigint go
 * through percent_of, so the result is the bigint form's, bit for bit.
 * Otherwise the quotient is computed in numeric to at least 38 significant
 * digits and then rounded once to a double (the decimal is read correctly
 * rounded): within 1 ulp of the exact value.  A result beyond the range of
 * a double, or a positive one too small for it, is ERROR 22003, as for
 * float8 division.
 */
static double
numeric_percent_of(Numeric num, Numeric den)
{
	int64		inum;
	int64		iden;
	int			exponent;
	int			scale;
	Datum		hundred_num;
	Datum		quotient;
	double		result;

	if (numeric_to_int64(num, &inum) && numeric_to_int64(den, &iden))
		return percent_of(inum, iden);
	if (numeric_sign_of(num) == 0)
		return 0.0;

	/* the quotient is below 10^(exponent + 1): keep 38 digits after its first */
	exponent = 2 + numeric_exponent(num) - numeric_exponent(den);
	scale = Max(0, Min(NUMERIC_MAX_DISPLAY_SCALE, 40 - exponent));
	hundred_num = DirectFunctionCall2(numeric_mul, NumericGetDatum(num),
									  NumericGetDatum(int64_to_numeric(100)));
	/*
	 * The division keeps at least its dividend's scale, so a dividend with
	 * fewer decimals gets more; one with more (a value below 10^-40) keeps
	 * them all: rounding it would lose its digits.
	 */
	if (scale > DatumGetInt32(DirectFunctionCall1(numeric_scale, hundred_num)))
		hundred_num = DirectFunctionCall2(numeric_round, hundred_num, Int32GetDatum(scale));
	quotient = DirectFunctionCall2(numeric_div, hundred_num, NumericGetDatum(den));
	result = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, quotient));
	if (isinf(result))
		float_overflow_error();
	if (result == 0.0)
		float_underflow_error();
	return result;
}

/* a rate of numeric counts, or of counts given as text */
static Datum
numeric_percent(FunctionCallInfo fcinfo, const char *numname, const char *denname, bool as_text)
{
	Numeric		num = numeric_count_arg(fcinfo, 0, numname, as_text);
	Numeric		den = numeric_count_arg(fcinfo, 1, denname, as_text);

	if (numeric_sign_of(den) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(numeric_percent_of(num, den));
}

/* net growth: new followers minus unfollowers, which may be negative */
PG_FUNCTION_INFO_V1(follower_growth_net);
Datum
follower_growth_net(PG_FUNCTION_ARGS)
{
	int64		new_followers = count_arg(fcinfo, 0, "new_followers");
	int64		unfollowers = count_arg(fcinfo, 1, "unfollowers");
	int64		followers = count_arg(fcinfo, 2, "followers");

	if (followers == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of((int128) new_followers - unfollowers, followers));
}

/*
 * An interval as microseconds, the way EXTRACT(epoch FROM interval) counts
 * it: a year of months is 365.25 days, any other month 30 days.  Exact in
 * 128 bits, so the ratio below loses nothing before its final rounding.
 */
static int128
interval_microseconds(const Interval *span)
{
	return (int128) span->time
		+ (int128) span->day * USECS_PER_DAY
		+ (int128) (span->month / MONTHS_PER_YEAR) * (int64) (DAYS_PER_YEAR * USECS_PER_DAY)
		+ (int128) (span->month % MONTHS_PER_YEAR) * DAYS_PER_MONTH * USECS_PER_DAY;
}

static int128
duration_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	Interval   *span = PG_GETARG_INTERVAL_P(argno);
	int128		usecs = interval_microseconds(span);

	if (usecs < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative", argname),
				 errdetail("Value: %s.",
						   DatumGetCString(DirectFunctionCall1(interval_out,
															   IntervalPGetDatum(span))))));
	return usecs;
}

/* 100 * (previous / current - 1), computed as 100 * (previous - current) / current */
PG_FUNCTION_INFO_V1(response_time_change);
Datum
response_time_change(PG_FUNCTION_ARGS)
{
	int128		previous = duration_arg(fcinfo, 0, "previous");
	int128		current = duration_arg(fcinfo, 1, "current");

	if (current == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of(previous - current, current));
}

PG_FUNCTION_INFO_V1(response_time_change_seconds);
Datum
response_time_change_seconds(PG_FUNCTION_ARGS)
{
	double		previous = score_arg(fcinfo, 0, "previous");
	double		current = score_arg(fcinfo, 1, "current");
	double		change;

	if (current == 0)
		PG_RETURN_NULL();
	/* previous - current cannot overflow: both are finite and not negative */
	change = 100.0 * (previous - current);
	if (isinf(change))
		change = (previous - current) / current * 100.0;
	else
		change /= current;
	if (isinf(change))
		float_overflow_error();
	PG_RETURN_FLOAT8(change);
}

/*
 * spend / count in numeric, as the same division written in SQL would give
 * it.  NaN and infinite spends are rejected like NaN doubles.
 */
static Datum
cost_per(FunctionCallInfo fcinfo, int width, const char *countname)
{
	/* arguments are checked in order: spend first */
	Numeric		spend = numeric_count_arg(fcinfo, 0, "spend", false);
	int64		count = count_arg_width(fcinfo, 1, countname, width);

	if (count == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(numeric_div, NumericGetDatum(spend),
							   NumericGetDatum(int64_to_numeric(count)));
}

/*
 * The same with a numeric count (sums of bigint columns, fractional
 * counts) or one given as text (an untyped parameter)
 */
static Datum
cost_per_numeric(FunctionCallInfo fcinfo, const char *countname, bool as_text)
{
	Numeric		spend = numeric_count_arg(fcinfo, 0, "spend", false);
	Numeric		count = numeric_count_arg(fcinfo, 1, countname, as_text);

	if (numeric_sign_of(count) == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(numeric_div, NumericGetDatum(spend), NumericGetDatum(count));
}

/*
 * The rates and costs in every width: bigint, integer, smallint and
 * numeric, so that any mix of argument types resolves to one overload and
 * the narrow ones need no cast, and text, to which untyped parameters and
 * quoted literals resolve.  One-line wrappers around count_percent,
 * numeric_percent, cost_per and cost_per_numeric, generated by
 * src/families.pl.
 */
#include "smm_scalar_widths.inc"
