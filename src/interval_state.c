/*
 * interval_state.c
 *		The state of the interval aggregates (interval_state.h): the
 *		invariant, a unit added or taken back, merging, the bounds, and the
 *		SQL functions of the type engagement_interval_state.
 */
#include "interval_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"
#include "utils/float.h"

#define INTERVAL_STATE_TYPE "engagement_interval_state"

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

bool
interval_bounds(const IntervalState *state, bool proportion, double *lower, double *upper)
{
	return state->n != 0 &&
		ratio_interval(&state->sums, state->n, confidence_z(state->confidence),
					   state->headcount, proportion, lower, upper);
}

bool
interval_half_width(const IntervalState *state, double *half)
{
	return state->n != 0 &&
		ratio_half_width(&state->sums, state->n, confidence_z(state->confidence),
						 state->headcount, half);
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
	appendStringInfo(&buf, "(" INT64_FORMAT "," INT64_FORMAT ",", state->n, state->headcount);
	append_shortest_double(&buf, state->confidence);
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
