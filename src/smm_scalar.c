/*
 * smm_scalar.c
 *		Scalar social-media metrics: engagement volume, the percent rates of
 *		one row, response-time change and the cost metrics.
 */
#include "engagement.h"

#include "datatype/timestamp.h"
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

/* 100 * numerator / denominator of two count arguments; NULL for a zero denominator */
static Datum
count_percent(FunctionCallInfo fcinfo, const char *numname, const char *denname)
{
	int64		num = count_arg(fcinfo, 0, numname);
	int64		den = count_arg(fcinfo, 1, denname);

	if (den == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of(num, den));
}

PG_FUNCTION_INFO_V1(er_reach);
Datum
er_reach(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "engagements", "reach");
}

PG_FUNCTION_INFO_V1(er_view);
Datum
er_view(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "engagements", "views");
}

PG_FUNCTION_INFO_V1(er_post);
Datum
er_post(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_day);
Datum
er_day(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "engagements", "followers");
}

PG_FUNCTION_INFO_V1(er_unique);
Datum
er_unique(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "engaged_users", "followers");
}

PG_FUNCTION_INFO_V1(love_rate);
Datum
love_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "likes", "followers");
}

PG_FUNCTION_INFO_V1(talk_rate);
Datum
talk_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "comments", "followers");
}

PG_FUNCTION_INFO_V1(amplification_rate);
Datum
amplification_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "shares", "posts");
}

PG_FUNCTION_INFO_V1(follower_growth);
Datum
follower_growth(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "new_followers", "followers");
}

PG_FUNCTION_INFO_V1(ctr);
Datum
ctr(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "clicks", "impressions");
}

PG_FUNCTION_INFO_V1(response_rate);
Datum
response_rate(PG_FUNCTION_ARGS)
{
	return count_percent(fcinfo, "answers", "questions");
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

static void
report_bad_spend(bool negative, Numeric spend)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 negative ? errmsg("spend must not be negative") :
			 errmsg("spend must be a finite number"),
			 errdetail("Value: %s.",
					   DatumGetCString(DirectFunctionCall1(numeric_out,
														   NumericGetDatum(spend))))));
}

/*
 * spend / count in numeric, as the same division written in SQL would give
 * it.  NaN and infinite spends are rejected like NaN doubles.
 */
static Datum
cost_per(FunctionCallInfo fcinfo, const char *countname)
{
	Numeric		spend = PG_GETARG_NUMERIC(0);
	Datum		zero = NumericGetDatum(int64_to_numeric(0));
	int64		count;

	/* arguments are checked in order: spend first */
	if (numeric_is_nan(spend) || numeric_is_inf(spend))
		report_bad_spend(false, spend);
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(spend), zero)) < 0)
		report_bad_spend(true, spend);
	count = count_arg(fcinfo, 1, countname);
	if (count == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(numeric_div, NumericGetDatum(spend),
							   NumericGetDatum(int64_to_numeric(count)));
}

PG_FUNCTION_INFO_V1(cpc);
Datum
cpc(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, "clicks");
}

PG_FUNCTION_INFO_V1(cpl);
Datum
cpl(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, "leads");
}

PG_FUNCTION_INFO_V1(cost_per_engagement);
Datum
cost_per_engagement(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, "engagements");
}

PG_FUNCTION_INFO_V1(cost_per_follower);
Datum
cost_per_follower(PG_FUNCTION_ARGS)
{
	return cost_per(fcinfo, "new_followers");
}
