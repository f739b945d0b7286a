/*
 * nps_state.c
 *		The state of enps (nps_state.h): the invariant, merging, and the SQL
 *		functions of the type engagement_nps_state.
 */
#include "nps_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

#define NPS_STATE_TYPE "engagement_nps_state"

/* the answers of all three groups; -1 if they do not fit in a bigint */
static int64
nps_answers(const NpsState *state)
{
	int64		answers;

	if (pg_add_s64_overflow(state->promoters, state->passives, &answers) ||
		pg_add_s64_overflow(answers, state->detractors, &answers))
		return -1;
	return answers;
}

/* every count not negative, and the answers of all three fit in a bigint */
static void
check_nps(const NpsState *state, bool binary)
{
	if (state->promoters < 0 || state->passives < 0 || state->detractors < 0)
		report_bad_state(NPS_STATE_TYPE, binary, "A count is negative.");
	if (nps_answers(state) < 0)
		report_bad_state(NPS_STATE_TYPE, binary, "The counts add up past 2^63 - 1.");
}

void
nps_merge(NpsState *into, const NpsState *from)
{
	if (pg_add_s64_overflow(into->promoters, from->promoters, &into->promoters) ||
		pg_add_s64_overflow(into->passives, from->passives, &into->passives) ||
		pg_add_s64_overflow(into->detractors, from->detractors, &into->detractors) ||
		nps_answers(into) < 0)
		report_bigint_out_of_range();
}

PG_FUNCTION_INFO_V1(nps_state_combine);
Datum
nps_state_combine(PG_FUNCTION_ARGS)
{
	NpsState   *state;
	const NpsState *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(NpsState));
	other = (const NpsState *) PG_GETARG_POINTER(1);
	nps_merge(state, other);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_nps_state_in);
Datum
engagement_nps_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, NPS_STATE_TYPE};
	NpsState   *state = palloc(sizeof(NpsState));

	if (parse_version(&parser) != STATE_FORMAT_VERSION)
		report_bad_state_text(&parser);
	expect_char(&parser, '(');
	state->promoters = parse_int64_count(&parser);
	expect_char(&parser, ',');
	state->passives = parse_int64_count(&parser);
	expect_char(&parser, ',');
	state->detractors = parse_int64_count(&parser);
	expect_end(&parser);
	check_nps(state, false);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_nps_state_out);
Datum
engagement_nps_state_out(PG_FUNCTION_ARGS)
{
	NpsState   *state = (NpsState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfo(&buf, "(" INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT ")",
					 state->promoters, state->passives, state->detractors);
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_nps_state_recv);
Datum
engagement_nps_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	NpsState   *state = palloc(sizeof(NpsState));

	/* a type new in 1.2: no length stands for a 1.1 form */
	recv_version(buf, -1, NPS_STATE_TYPE);
	state->promoters = recv_int64(buf, NPS_STATE_TYPE);
	state->passives = recv_int64(buf, NPS_STATE_TYPE);
	state->detractors = recv_int64(buf, NPS_STATE_TYPE);
	recv_end(buf, NPS_STATE_TYPE);
	check_nps(state, true);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_nps_state_send);
Datum
engagement_nps_state_send(PG_FUNCTION_ARGS)
{
	NpsState   *state = (NpsState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint64(&buf, state->promoters);
	pq_sendint64(&buf, state->passives);
	pq_sendint64(&buf, state->detractors);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
