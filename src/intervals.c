/*
 * intervals.c
 *		How sure is a figure: the Wilson score interval of a proportion, and
 *		the intervals of ER by reach, ER view and the Q12 index with posts
 *		(or respondents) as sampling units, as the range type percent_range.
 *		The state of the interval aggregates is in interval_state.c, the
 *		interval of a ratio estimator in spread_sums.c.
 */
#include "interval_state.h"

#include "survey.h"

/* Wilson score interval, in percent (wilson_bounds) */
PG_FUNCTION_INFO_V1(wilson_interval);
Datum
wilson_interval(PG_FUNCTION_ARGS)
{
	int64		successes = count_arg(fcinfo, 0, "successes");
	int64		trials = count_arg(fcinfo, 1, "trials");
	double		z = confidence_z(PG_GETARG_FLOAT8(2));
	double		lower;
	double		upper;

	check_successes(successes, trials, "successes", "trials");
	if (trials == 0)
		PG_RETURN_NULL();
	wilson_bounds(successes, trials, z, &lower, &upper);
	return percent_range_datum(fcinfo, 100 * lower, 100 * upper);
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
	double		confidence;
	int64		headcount;
	int64		yes;
	int64		answered;

	for (int i = 1; i < PG_NARGS(); i++)
		if (PG_ARGISNULL(i))
			RETURN_STATE_UNCHANGED();
	interval_group_args(fcinfo, 2, headcount_width, has_confidence, &headcount, &confidence);
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

static Datum
interval_final(FunctionCallInfo fcinfo, bool proportion)
{
	double		lower;
	double		upper;

	if (!interval_bounds((IntervalState *) PG_GETARG_POINTER(0), proportion, &lower, &upper))
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
