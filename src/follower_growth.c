/*
 * follower_growth.c
 *		The aggregate follower_growth(at, followers): growth in percent from
 *		the follower count at the earliest time of a series to the count at
 *		the latest, e.g. over the daily counts of one account in a month.
 *
 * The state (SQL type follower_growth_state) keeps the two ends of the
 * series, not the series: the earliest and latest time, and at each the
 * smallest and largest count seen there.  Two rows at one end with
 * different counts make the result an error, but only if no row beyond
 * that end comes later, so the conflict is kept, not reported, until the
 * final function.  Keeping min and max, rather than the first count seen,
 * makes the state independent of the order of the rows.
 *
 * A row inside the series can be taken back (moving window frames); a
 * row at either end cannot, since the next end is unknown: the inverse
 * then returns NULL and PostgreSQL computes the frame again from its rows.
 */
#include "engagement.h"

#include "datatype/timestamp.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

typedef struct SeriesEnd
{
	TimestampTz at;
	int64		min_followers;
	int64		max_followers;
} SeriesEnd;

typedef struct GrowthState
{
	int64		rows;
	SeriesEnd	first;
	SeriesEnd	last;
} GrowthState;

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

/* the rows an end stands for at least: two if it saw two counts */
static int64
end_rows(const SeriesEnd *end)
{
	return end->min_followers < end->max_followers ? 2 : 1;
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

/* a count of rows seen at time "at" joins an end: same time widens its counts */
static void
end_merge(SeriesEnd *end, const SeriesEnd *other, bool earliest)
{
	if (other->at == end->at)
	{
		end->min_followers = Min(end->min_followers, other->min_followers);
		end->max_followers = Max(end->max_followers, other->max_followers);
	}
	else if (earliest ? other->at < end->at : other->at > end->at)
		*end = *other;
}

static void
growth_merge(GrowthState *into, const GrowthState *from)
{
	if (from->rows == 0)
		return;
	if (into->rows == 0)
	{
		*into = *from;
		return;
	}
	if (pg_add_s64_overflow(into->rows, from->rows, &into->rows))
		report_bigint_out_of_range();
	end_merge(&into->first, &from->first, true);
	end_merge(&into->last, &from->last, false);
}

/* the row's (at, followers), checked; false for a row with a NULL */
static bool
growth_row(FunctionCallInfo fcinfo, SeriesEnd *row)
{
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return false;
	row->at = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(row->at))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("at must be a finite time"),
				 errdetail("Value: %s.", timestamptz_to_str(row->at))));
	row->min_followers = row->max_followers = count_arg(fcinfo, 2, "followers");
	return true;
}

PG_FUNCTION_INFO_V1(follower_growth_transfn);
Datum
follower_growth_transfn(PG_FUNCTION_ARGS)
{
	GrowthState *state;
	GrowthState row;

	if (!growth_row(fcinfo, &row.first))
		RETURN_STATE_UNCHANGED();
	row.rows = 1;
	row.last = row.first;
	state = agg_state_for_update(fcinfo, sizeof(GrowthState));
	growth_merge(state, &row);
	PG_RETURN_POINTER(state);
}

/* NULL when the row is an end of the series: the frame must be computed again */
PG_FUNCTION_INFO_V1(follower_growth_inv_transfn);
Datum
follower_growth_inv_transfn(PG_FUNCTION_ARGS)
{
	GrowthState *state;
	SeriesEnd	row;

	if (!growth_row(fcinfo, &row))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(GrowthState));
	if (state->rows == 0 || row.at < state->first.at || row.at > state->last.at)
		report_never_added();
	if (row.at == state->first.at || row.at == state->last.at)
		PG_RETURN_NULL();
	/* an inner row: the ends stay, with one row fewer between them */
	if (state->rows <= end_rows(&state->first) + end_rows(&state->last))
		report_never_added();
	state->rows--;
	PG_RETURN_POINTER(state);
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
report_end_conflict(const SeriesEnd *end, const char *which)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("two follower counts at the %s time of the series", which),
			 errdetail("At %s: " INT64_FORMAT " and " INT64_FORMAT " followers.",
					   timestamptz_to_str(end->at), end->min_followers,
					   end->max_followers)));
}

/* 100 * (last - first) / first; NULL for no rows or a first count of 0 */
PG_FUNCTION_INFO_V1(follower_growth_finalfn);
Datum
follower_growth_finalfn(PG_FUNCTION_ARGS)
{
	GrowthState *state = (GrowthState *) PG_GETARG_POINTER(0);

	if (state->rows == 0)
		PG_RETURN_NULL();
	if (state->first.min_followers != state->first.max_followers)
		report_end_conflict(&state->first, "earliest");
	if (state->last.min_followers != state->last.max_followers)
		report_end_conflict(&state->last, "latest");
	if (state->first.min_followers == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(percent_of((int128) state->last.min_followers - state->first.min_followers,
								state->first.min_followers));
}

/*
 * Text form v2(rows,first_at,first_min,first_max,last_at,last_min,last_max),
 * times as microseconds since 2000-01-01 00:00 UTC (PostgreSQL's own
 * representation), so the form does not depend on DateStyle or TimeZone.
 */
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
