/*
 * index_state.c
 *		The state of engagement_index (index_state.h): merging, the index,
 *		the invariant, and the SQL functions of the type
 *		engagement_index_state, which reads both format versions.
 */
#include "index_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

void
check_index(const IndexState *state, const char *type_name, bool binary)
{
	check_mean(&state->work, type_name, binary);
	check_mean(&state->management, type_name, binary);
	check_mean(&state->events, type_name, binary);
}

void
index_merge(IndexState *into, const IndexState *from)
{
	mean_merge(&into->work, &from->work);
	mean_merge(&into->management, &from->management);
	mean_merge(&into->events, &from->events);
}

bool
index_value(const IndexState *state, double *index)
{
	double		work;
	double		management;
	double		events;

	if (!mean_value(&state->work, &work) ||
		!mean_value(&state->management, &management) ||
		!mean_value(&state->events, &events))
		return false;
	*index = work + management + events;
	return true;
}

/* the SQL functions of engagement_index_state; _v2 as for engagement_mean_state */
#define INDEX_STATE_TYPE "engagement_index_state"

PG_FUNCTION_INFO_V1(engagement_index_state_in_v2);
Datum
engagement_index_state_in_v2(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, INDEX_STATE_TYPE};
	IndexState *state = palloc0(sizeof(IndexState));
	MeanState  *means[] = {&state->work, &state->management, &state->events};
	int			version = parse_version(&parser);

	for (size_t i = 0; i < lengthof(means); i++)
	{
		expect_char(&parser, i == 0 ? '(' : ',');
		if (version == 1)
			parse_mean_from_1_1(&parser, means[i]);
		else
			parse_mean(&parser, means[i]);
	}
	expect_end(&parser);
	check_index(state, INDEX_STATE_TYPE, false);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_out_v2);
Datum
engagement_index_state_out_v2(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	const MeanState *means[] = {&state->work, &state->management, &state->events};
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	for (size_t i = 0; i < lengthof(means); i++)
	{
		appendStringInfoChar(&buf, i == 0 ? '(' : ',');
		append_mean(&buf, means[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_index_state_recv_v2);
Datum
engagement_index_state_recv_v2(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IndexState *state = palloc0(sizeof(IndexState));
	MeanState  *means[] = {&state->work, &state->management, &state->events};
	int			version = recv_version(buf, 72, INDEX_STATE_TYPE);

	for (size_t i = 0; i < lengthof(means); i++)
	{
		if (version == 1)
			recv_mean_from_1_1(buf, means[i], INDEX_STATE_TYPE);
		else
			recv_mean(buf, means[i], INDEX_STATE_TYPE);
	}
	recv_end(buf, INDEX_STATE_TYPE);
	check_index(state, INDEX_STATE_TYPE, true);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_send_v2);
Datum
engagement_index_state_send_v2(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	send_mean(&buf, &state->work);
	send_mean(&buf, &state->management);
	send_mean(&buf, &state->events);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(index_state_combine_v2);
Datum
index_state_combine_v2(PG_FUNCTION_ARGS)
{
	IndexState *state;
	IndexState *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (IndexState *) PG_GETARG_POINTER(1);
	state = agg_state_for_update(fcinfo, sizeof(IndexState));
	index_merge(state, other);
	PG_RETURN_POINTER(state);
}
