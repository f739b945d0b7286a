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

PG_FUNCTION_INFO_V1(er_reach);
Datum
er_reach(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "engagements", "reach");
}

PG_FUNCTION_INFO_V1(er_view);
Datum
er_view(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "engagements", "views");
}

PG_FUNCTION_INFO_V1(er_post);
Datum
er_post(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_day);
Datum
er_day(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_unique);
Datum
er_unique(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "engaged_users", "followers");
}

PG_FUNCTION_INFO_V1(love_rate);
Datum
love_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "likes", "followers");
}

PG_FUNCTION_INFO_V1(talk_rate);
Datum
talk_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "comments", "followers");
}

PG_FUNCTION_INFO_V1(amplification_rate);
Datum
amplification_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "shares", "posts");
}

PG_FUNCTION_INFO_V1(follower_growth);
Datum
follower_growth(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "new_followers", "followers");
}

PG_FUNCTION_INFO_V1(ctr);
Datum
ctr(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "clicks", "impressions");
}

PG_FUNCTION_INFO_V1(response_rate);
Datum
response_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 8, "answers", "questions");
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

/* a numeric count argument: finite and not negative */
static Numeric
numeric_count_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	Numeric		value = PG_GETARG_NUMERIC(argno);

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
	/* the division keeps at least its dividend's scale */
	hundred_num = DirectFunctionCall2(numeric_round, hundred_num, Int32GetDatum(scale));
	quotient = DirectFunctionCall2(numeric_div, hundred_num, NumericGetDatum(den));
	result = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, quotient));
	if (isinf(result))
		float_overflow_error();
	if (result == 0.0)
		float_underflow_error();
	return result;
}

static Datum
numeric_percent(FunctionCallInfo fcinfo, const char *numname, const char *denname)
{
	Numeric		num = numeric_count_arg(fcinfo, 0, numname);
	Numeric		den = numeric_count_arg(fcinfo, 1, denname);

	if (numeric_sign_of(den) == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(numeric_percent_of(num, den));
}

PG_FUNCTION_INFO_V1(er_reach_numeric);
Datum
er_reach_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "engagements", "reach");
}

PG_FUNCTION_INFO_V1(er_view_numeric);
Datum
er_view_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "engagements", "views");
}

PG_FUNCTION_INFO_V1(er_post_numeric);
Datum
er_post_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_day_numeric);
Datum
er_day_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_unique_numeric);
Datum
er_unique_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "engaged_users", "followers");
}

PG_FUNCTION_INFO_V1(love_rate_numeric);
Datum
love_rate_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "likes", "followers");
}

PG_FUNCTION_INFO_V1(talk_rate_numeric);
Datum
talk_rate_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "comments", "followers");
}

PG_FUNCTION_INFO_V1(amplification_rate_numeric);
Datum
amplification_rate_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "shares", "posts");
}

PG_FUNCTION_INFO_V1(follower_growth_numeric);
Datum
follower_growth_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "new_followers", "followers");
}

PG_FUNCTION_INFO_V1(ctr_numeric);
Datum
ctr_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "clicks", "impressions");
}

PG_FUNCTION_INFO_V1(response_rate_numeric);
Datum
response_rate_numeric(PG_FUNCTION_ARGS)
{
	return numeric_percent(fcinfo, "answers", "questions");
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
	Numeric		spend = numeric_count_arg(fcinfo, 0, "spend");
	int64		count = count_arg_width(fcinfo, 1, countname, width);

	if (count == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(numeric_div, NumericGetDatum(spend),
							   NumericGetDatum(int64_to_numeric(count)));
}

/* the same with a numeric count: sums of bigint columns, fractional counts */
static Datum
cost_per_numeric(FunctionCallInfo fcinfo, const char *countname)
{
	Numeric		spend = numeric_count_arg(fcinfo, 0, "spend");
	Numeric		count = numeric_count_arg(fcinfo, 1, countname);

	if (numeric_sign_of(count) == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(numeric_div, NumericGetDatum(spend), NumericGetDatum(count));
}

PG_FUNCTION_INFO_V1(cpc);
Datum
cpc(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 8, "clicks");
}

PG_FUNCTION_INFO_V1(cpl);
Datum
cpl(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 8, "leads");
}

PG_FUNCTION_INFO_V1(cost_per_engagement);
Datum
cost_per_engagement(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 8, "engagements");
}

PG_FUNCTION_INFO_V1(cost_per_follower);
Datum
cost_per_follower(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 8, "new_followers");
}

PG_FUNCTION_INFO_V1(cpc_numeric);
Datum
cpc_numeric(PG_FUNCTION_ARGS)
{
	return cost_per_numeric(fcinfo, "clicks");
}

PG_FUNCTION_INFO_V1(cpl_numeric);
Datum
cpl_numeric(PG_FUNCTION_ARGS)
{
	return cost_per_numeric(fcinfo, "leads");
}

PG_FUNCTION_INFO_V1(cost_per_engagement_numeric);
Datum
cost_per_engagement_numeric(PG_FUNCTION_ARGS)
{
	return cost_per_numeric(fcinfo, "engagements");
}

PG_FUNCTION_INFO_V1(cost_per_follower_numeric);
Datum
cost_per_follower_numeric(PG_FUNCTION_ARGS)
{
	return cost_per_numeric(fcinfo, "new_followers");
}

/*
 * The integer and smallint overloads of the rates and costs: any mix of
 * smallint, integer, bigint and numeric arguments then resolves to one
 * overload, and the narrow ones need no cast.
 */
PG_FUNCTION_INFO_V1(er_reach_int4);
Datum
er_reach_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "engagements", "reach");
}

PG_FUNCTION_INFO_V1(er_reach_int2);
Datum
er_reach_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "engagements", "reach");
}

PG_FUNCTION_INFO_V1(er_view_int4);
Datum
er_view_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "engagements", "views");
}

PG_FUNCTION_INFO_V1(er_view_int2);
Datum
er_view_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "engagements", "views");
}

PG_FUNCTION_INFO_V1(er_post_int4);
Datum
er_post_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_post_int2);
Datum
er_post_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_day_int4);
Datum
er_day_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_day_int2);
Datum
er_day_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_unique_int4);
Datum
er_unique_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "engaged_users", "followers");
}

PG_FUNCTION_INFO_V1(er_unique_int2);
Datum
er_unique_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "engaged_users", "followers");
}

PG_FUNCTION_INFO_V1(love_rate_int4);
Datum
love_rate_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "likes", "followers");
}

PG_FUNCTION_INFO_V1(love_rate_int2);
Datum
love_rate_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "likes", "followers");
}

PG_FUNCTION_INFO_V1(talk_rate_int4);
Datum
talk_rate_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "comments", "followers");
}

PG_FUNCTION_INFO_V1(talk_rate_int2);
Datum
talk_rate_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "comments", "followers");
}

PG_FUNCTION_INFO_V1(amplification_rate_int4);
Datum
amplification_rate_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "shares", "posts");
}

PG_FUNCTION_INFO_V1(amplification_rate_int2);
Datum
amplification_rate_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "shares", "posts");
}

PG_FUNCTION_INFO_V1(follower_growth_int4);
Datum
follower_growth_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "new_followers", "followers");
}

PG_FUNCTION_INFO_V1(follower_growth_int2);
Datum
follower_growth_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "new_followers", "followers");
}

PG_FUNCTION_INFO_V1(ctr_int4);
Datum
ctr_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "clicks", "impressions");
}

PG_FUNCTION_INFO_V1(ctr_int2);
Datum
ctr_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "clicks", "impressions");
}

PG_FUNCTION_INFO_V1(response_rate_int4);
Datum
response_rate_int4(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 4, "answers", "questions");
}

PG_FUNCTION_INFO_V1(response_rate_int2);
Datum
response_rate_int2(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, 2, "answers", "questions");
}

PG_FUNCTION_INFO_V1(cpc_int4);
Datum
cpc_int4(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 4, "clicks");
}

PG_FUNCTION_INFO_V1(cpc_int2);
Datum
cpc_int2(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 2, "clicks");
}

PG_FUNCTION_INFO_V1(cpl_int4);
Datum
cpl_int4(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 4, "leads");
}

PG_FUNCTION_INFO_V1(cpl_int2);
Datum
cpl_int2(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 2, "leads");
}

PG_FUNCTION_INFO_V1(cost_per_engagement_int4);
Datum
cost_per_engagement_int4(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 4, "engagements");
}

PG_FUNCTION_INFO_V1(cost_per_engagement_int2);
Datum
cost_per_engagement_int2(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 2, "engagements");
}

PG_FUNCTION_INFO_V1(cost_per_follower_int4);
Datum
cost_per_follower_int4(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 4, "new_followers");
}

PG_FUNCTION_INFO_V1(cost_per_follower_int2);
Datum
cost_per_follower_int2(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, 2, "new_followers");
}
