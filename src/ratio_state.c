/*
 * ratio_state.c
 *		The ratio of sums (ratio_state.h): its invariant, text and binary
 *		forms, merging and taking back, the out-of-line row steps, and the
 *		SQL functions of the type engagement_ratio_state.
 */
#include "ratio_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

#define RATIO_STATE_TYPE "engagement_ratio_state"

void
check_ratio(const RatioState *state, const char *type_name, bool binary)
{
	if (state->num < 0 || state->den < 0 ||
		state->num > STATE_SUM_LIMIT || state->den > STATE_SUM_LIMIT)
		report_bad_state(type_name, binary, "Sums must be between 0 and 2^120.");
}

void
parse_ratio(StateParser *parser, RatioState *state)
{
	state->num = parse_count(parser);
	expect_char(parser, ',');
	state->den = parse_count(parser);
	check_ratio(state, parser->type_name, false);
}

void
append_ratio(StringInfo buf, const RatioState *state)
{
	append_count(buf, state->num);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->den);
}

void
recv_ratio(StringInfo buf, RatioState *state, const char *type_name)
{
	state->num = recv_int128(buf, type_name);
	state->den = recv_int128(buf, type_name);
	check_ratio(state, type_name, true);
}

void
send_ratio(StringInfo buf, const RatioState *state)
{
	send_int128(buf, state->num);
	send_int128(buf, state->den);
}

void
ratio_merge(RatioState *into, const RatioState *from)
{
	into->num += from->num;
	into->den += from->den;
	if (into->num > STATE_SUM_LIMIT || into->den > STATE_SUM_LIMIT)
		report_sum_out_of_range();
}

void
ratio_subtract(RatioState *state, int128 num, int64 den)
{
	if (state->num < num || state->den < den)
		report_never_added();
	state->num -= num;
	state->den -= den;
}

void
ratio_unmerge(RatioState *from, const RatioState *part)
{
	if (from->num < part->num || from->den < part->den)
		report_never_added();
	from->num -= part->num;
	from->den -= part->den;
}

Datum
ratio_add_to_copy(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	RatioState *state = agg_state_copy(fcinfo, sizeof(RatioState));

	ratio_add(state, num, den);
	PG_RETURN_POINTER(state);
}

Datum
ratio_remove_row(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	RatioState *state = agg_state_for_update(fcinfo, sizeof(RatioState));

	ratio_subtract(state, num, den);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_in);
Datum
engagement_ratio_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, RATIO_STATE_TYPE};
	RatioState *state = palloc(sizeof(RatioState));

	parse_version(&parser);
	expect_char(&parser, '(');
	parse_ratio(&parser, state);
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_out);
Datum
engagement_ratio_state_out(PG_FUNCTION_ARGS)
{
	RatioState *state = (RatioState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfoChar(&buf, '(');
	append_ratio(&buf, state);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_recv);
Datum
engagement_ratio_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RatioState *state = palloc(sizeof(RatioState));

	recv_version(buf, 32, RATIO_STATE_TYPE);
	recv_ratio(buf, state, RATIO_STATE_TYPE);
	recv_end(buf, RATIO_STATE_TYPE);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_send);
Datum
engagement_ratio_state_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	send_ratio(&buf, (RatioState *) PG_GETARG_POINTER(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(ratio_state_combine);
Datum
ratio_state_combine(PG_FUNCTION_ARGS)
{
	RatioState *state;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	ratio_merge(state, (RatioState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(state);
}

/* 100 * num / den; NULL when nothing was counted in the denominator */
PG_FUNCTION_INFO_V1(ratio_percent_finalfn);
Datum
ratio_percent_finalfn(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT((RatioState *) PG_GETARG_POINTER(0));
}
