/*
 * follower_growth_state.c
 *		The state of follower_growth (follower_growth_state.h): the
 *		invariant, merging, taking back an inner row, and the SQL functions
 *		of the type follower_growth_state.
 */
#include "follower_growth_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

#define GROWTH_STATE_TYPE "follower_growth_state"

static void
report_bad_growth_state(bool binary, const char *why)
{
	report_bad_state(GROWTH_STATE_TYPE, binary, why);
}

static bool
end_valid(const SeriesEnd *end)
{
	return !TIMESTAMP_NOT_FINITE(end->at) && IS_VALID_TIMESTAMP(end->at) &&
		end->min_followers >= 0 && end->min_followers <= end->max_followers;
}

/*
 * The invariant: no rows and all zeros; or finite times, first <= last,
 * counts 0 <= min <= max at each end, one end when first = last, and at
 * least as many rows as the ends show.
 */
static void
check_growth(const GrowthState *state, bool binary)
{
	if (state->rows < 0)
		report_bad_growth_state(binary, "The number of rows is negative.");
	if (state->rows == 0)
	{
		static const GrowthState empty;

		if (memcmp(state, &empty, sizeof(empty)) != 0)
			report_bad_growth_state(binary, "A state of no rows has no times or counts.");
		return;
	}
	if (!end_valid(&state->first) || !end_valid(&state->last))
		report_bad_growth_state(binary,
								"Times must be finite and counts not negative, the smaller first.");
	if (state->first.at > state->last.at)
		report_bad_growth_state(binary, "The first time is after the last.");
	if (state->first.at == state->last.at &&
		(state->first.min_followers != state->last.min_followers ||
		 state->first.max_followers != state->last.max_followers))
		report_bad_growth_state(binary, "One time has two different sets of counts.");
	if (state->rows < (state->first.at == state->last.at ? end_rows(&state->first) :
					   end_rows(&state->first) + end_rows(&state->last)))
		report_bad_growth_state(binary, "There are fewer rows than the ends show.");
}

PG_FUNCTION_INFO_V1(follower_growth_combine);
Datum
follower_growth_combine(PG_FUNCTION_ARGS)
{
	GrowthState *state;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(GrowthState));
	growth_merge(state, (GrowthState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(state);
}

static void
parse_end(StateParser *parser, SeriesEnd *end)
{
	expect_char(parser, ',');
	end->at = parse_int64(parser);
	expect_char(parser, ',');
	end->min_followers = parse_int64_count(parser);
	expect_char(parser, ',');
	end->max_followers = parse_int64_count(parser);
}

PG_FUNCTION_INFO_V1(follower_growth_state_in);
Datum
follower_growth_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, GROWTH_STATE_TYPE};
	GrowthState *state = palloc(sizeof(GrowthState));

	if (parse_version(&parser) != STATE_FORMAT_VERSION)
		report_bad_state_text(&parser);
	expect_char(&parser, '(');
	state->rows = parse_int64_count(&parser);
	parse_end(&parser, &state->first);
	parse_end(&parser, &state->last);
	expect_end(&parser);
	check_growth(state, false);
	PG_RETURN_POINTER(state);
}

static void
append_end(StringInfo buf, const SeriesEnd *end)
{
	appendStringInfo(buf, "," INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT,
					 end->at, end->min_followers, end->max_followers);
}

PG_FUNCTION_INFO_V1(follower_growth_state_out);
Datum
follower_growth_state_out(PG_FUNCTION_ARGS)
{
	GrowthState *state = (GrowthState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfo(&buf, "(" INT64_FORMAT, state->rows);
	append_end(&buf, &state->first);
	append_end(&buf, &state->last);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

static void
recv_end_of_series(StringInfo buf, SeriesEnd *end)
{
	end->at = recv_int64(buf, GROWTH_STATE_TYPE);
	end->min_followers = recv_int64(buf, GROWTH_STATE_TYPE);
	end->max_followers = recv_int64(buf, GROWTH_STATE_TYPE);
}

/* binary: the version byte, then the seven fields as 64-bit integers */
PG_FUNCTION_INFO_V1(follower_growth_state_recv);
Datum
follower_growth_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	GrowthState *state = palloc(sizeof(GrowthState));

	/* this type has no 1.1 form: no length stands for one */
	if (recv_version(buf, -1, GROWTH_STATE_TYPE) != STATE_FORMAT_VERSION)
		report_bad_growth_state(true, "The format version is not one this version of engagement reads.");
	state->rows = recv_int64(buf, GROWTH_STATE_TYPE);
	recv_end_of_series(buf, &state->first);
	recv_end_of_series(buf, &state->last);
	recv_end(buf, GROWTH_STATE_TYPE);
	check_growth(state, true);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(follower_growth_state_send);
Datum
follower_growth_state_send(PG_FUNCTION_ARGS)
{
	GrowthState *state = (GrowthState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint64(&buf, state->rows);
	pq_sendint64(&buf, state->first.at);
	pq_sendint64(&buf, state->first.min_followers);
	pq_sendint64(&buf, state->first.max_followers);
	pq_sendint64(&buf, state->last.at);
	pq_sendint64(&buf, state->last.min_followers);
	pq_sendint64(&buf, state->last.max_followers);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
