/*
 * superseded.c
 *		The C functions of version 1.1 whose state layout 1.2 changed.
 *
 * The install scripts of 1.0 and 1.1 still name them (an update starts by
 * installing the old version), and a database whose files are 1.2 but
 * whose objects are still 1.1 calls them until ALTER EXTENSION engagement
 * UPDATE runs.  They must not read a 1.1 state as a 1.2 one, so each
 * raises an error asking for the update.
 *
 * The input and output functions of the two replaced state types are the
 * exception: they read and write a 1.1 value in its 1.1 layout and text
 * and binary forms (which the 1.2 types read too), as 1.1 did.  So the old
 * install scripts create their aggregates with a true initial state, a
 * dump of a 1.1 database restores into one, and a column of such values
 * can be stored as text before the update (which refuses to run while
 * anything depends on these types) and converted back after it.
 *
 * It also keeps the names 1.1 gave the C functions of its summary, which
 * 1.2 keeps as engagement_stats_1_1: the same functions, now named for that
 * type (engagement_stats_1_1.c).
 */
#include "engagement_stats_1_1.h"
#include "state_io.h"

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/regproc.h"

/* the three means of engagement_index_state of 1.1, or the one of engagement_mean_state */
#define INDEX_MEANS_1_1 3

static void
append_means_1_1(StringInfo buf, const MeanState_1_1 *means, int n)
{
	appendStringInfoChar(buf, '(');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		append_mean_1_1(buf, &means[i]);
	}
	appendStringInfoChar(buf, ')');
}

/* "(count,sum,comp[,count,sum,comp...])", n means */
static MeanState_1_1 *
parse_means_1_1(const char *text, int n, const char *type_name)
{
	StateParser parser = {text, text, type_name};
	MeanState_1_1   *means = palloc(sizeof(MeanState_1_1) * n);

	expect_char(&parser, '(');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			expect_char(&parser, ',');
		parse_mean_1_1(&parser, &means[i]);
	}
	expect_end(&parser);
	return means;
}

static MeanState_1_1 *
recv_means_1_1(StringInfo buf, int n, const char *type_name)
{
	MeanState_1_1   *means = palloc(sizeof(MeanState_1_1) * n);

	if (buf->len - buf->cursor != (int) sizeof(MeanState_1_1) * n)
		report_bad_state(type_name, true, "The value does not have the length of its 1.1 form.");
	for (int i = 0; i < n; i++)
	{
		recv_mean_1_1(buf, &means[i], type_name);
		check_mean_1_1(&means[i], type_name, true);
	}
	return means;
}

static bytea *
send_means_1_1(const MeanState_1_1 *means, int n)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	for (int i = 0; i < n; i++)
		send_mean_1_1(&buf, &means[i]);
	return pq_endtypsend(&buf);
}

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
	PG_RETURN_POINTER(parse_means_1_1(PG_GETARG_CSTRING(0), 1, "engagement_mean_state"));
}

PG_FUNCTION_INFO_V1(engagement_index_state_in);
Datum
engagement_index_state_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(parse_means_1_1(PG_GETARG_CSTRING(0), INDEX_MEANS_1_1, "engagement_index_state"));
}

PG_FUNCTION_INFO_V1(engagement_mean_state_out);
Datum
engagement_mean_state_out(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_means_1_1(&buf, (const MeanState_1_1 *) PG_GETARG_POINTER(0), 1);
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_recv);
Datum
engagement_mean_state_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(recv_means_1_1((StringInfo) PG_GETARG_POINTER(0), 1, "engagement_mean_state"));
}

PG_FUNCTION_INFO_V1(engagement_mean_state_send);
Datum
engagement_mean_state_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(send_means_1_1((const MeanState_1_1 *) PG_GETARG_POINTER(0), 1));
}

PG_FUNCTION_INFO_V1(engagement_index_state_out);
Datum
engagement_index_state_out(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	initStringInfo(&buf);
	append_means_1_1(&buf, (const MeanState_1_1 *) PG_GETARG_POINTER(0), INDEX_MEANS_1_1);
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_index_state_recv);
Datum
engagement_index_state_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(recv_means_1_1((StringInfo) PG_GETARG_POINTER(0), INDEX_MEANS_1_1, "engagement_index_state"));
}

PG_FUNCTION_INFO_V1(engagement_index_state_send);
Datum
engagement_index_state_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(send_means_1_1((const MeanState_1_1 *) PG_GETARG_POINTER(0), INDEX_MEANS_1_1));
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
