/*
 * superseded.c
 *		The C functions of version 1.1 whose state layout 1.2 changed.
 *
 * The install scripts of 1.0 and 1.1 still name them (an update starts by
 * installing the old version), and a database whose files are 1.2 but
 * whose objects are still 1.1 calls them until ALTER EXTENSION engagement
 * UPDATE runs.  They must not read a 1.1 state as a 1.2 one, so each
 * raises an error asking for the update; the input functions read their
 * text as 1.2 does (CREATE AGGREGATE checks its initial state with them)
 * into a value no shorter than either layout.
 *
 * It also keeps the names 1.1 gave the C functions of its summary, which
 * 1.2 keeps as engagement_stats_1_1: the same functions, now named for that
 * type (engagement_stats_1_1.c).
 */
#include "engagement_stats_1_1.h"
#include "index_state.h"
#include "rate_state.h"

#include "utils/regproc.h"

pg_noreturn static void report_superseded(FunctionCallInfo fcinfo) pg_attribute_noreturn();

static void
report_superseded(FunctionCallInfo fcinfo)
{
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("function %s belongs to an older version of the extension engagement",
					format_procedure(fcinfo->flinfo->fn_oid)),
			 errhint("Run ALTER EXTENSION engagement UPDATE.")));
}

PG_FUNCTION_INFO_V1(engagement_mean_state_in);
Datum
engagement_mean_state_in(PG_FUNCTION_ARGS)
{
	return engagement_mean_state_in_v2(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_state_in);
Datum
engagement_index_state_in(PG_FUNCTION_ARGS)
{
	return engagement_index_state_in_v2(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_out);
Datum
engagement_mean_state_out(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_recv);
Datum
engagement_mean_state_recv(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_send);
Datum
engagement_mean_state_send(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_state_out);
Datum
engagement_index_state_out(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_state_recv);
Datum
engagement_index_state_recv(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_state_send);
Datum
engagement_index_state_send(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(mean_state_combine);
Datum
mean_state_combine(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(post_rate_transfn);
Datum
post_rate_transfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(post_rate_int4_transfn);
Datum
post_rate_int4_transfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(post_rate_int2_transfn);
Datum
post_rate_int2_transfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(post_rate_mean_finalfn);
Datum
post_rate_mean_finalfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(post_rate_sum_finalfn);
Datum
post_rate_sum_finalfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(index_state_combine);
Datum
index_state_combine(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_transfn);
Datum
engagement_index_transfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

PG_FUNCTION_INFO_V1(engagement_index_finalfn);
Datum
engagement_index_finalfn(PG_FUNCTION_ARGS)
{
	report_superseded(fcinfo);
}

/* the 1.1 names of the functions of engagement_stats_1_1, one line each */
PG_FUNCTION_INFO_V1(engagement_stats_in);
Datum		engagement_stats_in(PG_FUNCTION_ARGS) { return engagement_stats_1_1_in(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_out);
Datum		engagement_stats_out(PG_FUNCTION_ARGS) { return engagement_stats_1_1_out(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_recv);
Datum		engagement_stats_recv(PG_FUNCTION_ARGS) { return engagement_stats_1_1_recv(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_send);
Datum		engagement_stats_send(PG_FUNCTION_ARGS) { return engagement_stats_1_1_send(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_combine);
Datum		engagement_stats_combine(PG_FUNCTION_ARGS) { return engagement_stats_1_1_combine(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_agg_transfn);
Datum		engagement_agg_transfn(PG_FUNCTION_ARGS) { return engagement_agg_1_1_transfn(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_agg_int4_transfn);
Datum		engagement_agg_int4_transfn(PG_FUNCTION_ARGS) { return engagement_agg_1_1_int4_transfn(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_agg_int2_transfn);
Datum		engagement_agg_int2_transfn(PG_FUNCTION_ARGS) { return engagement_agg_1_1_int2_transfn(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_er_reach);
Datum		engagement_stats_er_reach(PG_FUNCTION_ARGS) { return engagement_stats_1_1_er_reach(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_er_view);
Datum		engagement_stats_er_view(PG_FUNCTION_ARGS) { return engagement_stats_1_1_er_view(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_amplification_rate);
Datum		engagement_stats_amplification_rate(PG_FUNCTION_ARGS) { return engagement_stats_1_1_amplification_rate(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_er_post);
Datum		engagement_stats_er_post(PG_FUNCTION_ARGS) { return engagement_stats_1_1_er_post(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_er_day);
Datum		engagement_stats_er_day(PG_FUNCTION_ARGS) { return engagement_stats_1_1_er_day(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_love_rate);
Datum		engagement_stats_love_rate(PG_FUNCTION_ARGS) { return engagement_stats_1_1_love_rate(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_talk_rate);
Datum		engagement_stats_talk_rate(PG_FUNCTION_ARGS) { return engagement_stats_1_1_talk_rate(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_engagement_volume);
Datum		engagement_stats_engagement_volume(PG_FUNCTION_ARGS) { return engagement_stats_1_1_engagement_volume(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_post_count);
Datum		engagement_stats_post_count(PG_FUNCTION_ARGS) { return engagement_stats_1_1_post_count(fcinfo); }
PG_FUNCTION_INFO_V1(engagement_stats_eq);
Datum		engagement_stats_eq(PG_FUNCTION_ARGS) { return engagement_stats_1_1_eq(fcinfo); }
