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
 */
#include "engagement.h"

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
