/*
 * follower_growth_state.h
 *		GrowthState, the state of follower_growth (SQL type
 *		follower_growth_state): the two ends of a series, not the series:
 *		the earliest and latest time, and at each the smallest and largest
 *		count seen there, and how many rows.  Its operations are in
 *		follower_growth_state.c.
 *
 * Text form v2(rows,first_at,first_min,first_max,last_at,last_min,last_max),
 * times as microseconds since 2000-01-01 00:00 UTC (PostgreSQL's own
 * representation), so the form does not depend on DateStyle or TimeZone.
 *
 * Invariant (check_growth): no rows and all zeros; or finite times, first
 * <= last, counts 0 <= min <= max at each end, one end when first = last,
 * and at least as many rows as the ends show.
 */
#ifndef ENGAGEMENT_FOLLOWER_GROWTH_STATE_H
#define ENGAGEMENT_FOLLOWER_GROWTH_STATE_H

#include "common.h"

#include "datatype/timestamp.h"

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

/*
 * Merging, in the header since a row joins a state this way, as the state
 * of that one row (rows 1, first = last = the row).  A count of rows seen
 * at time "at" joins an end: the same time widens its counts.
 */
static inline void
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

static inline void
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

/* the rows an end stands for at least: two if it saw two counts */
static inline int64
end_rows(const SeriesEnd *end)
{
	return end->min_followers < end->max_followers ? 2 : 1;
}

/*
 * Takes back a row: an inner one leaves the ends as they are, with one row
 * fewer between them; false for a row at either end, since the next end is
 * unknown.
 */
static inline bool
growth_subtract(GrowthState *state, const SeriesEnd *row)
{
	if (state->rows == 0 || row->at < state->first.at || row->at > state->last.at)
		report_never_added();
	if (row->at == state->first.at || row->at == state->last.at)
		return false;
	if (state->rows <= end_rows(&state->first) + end_rows(&state->last))
		report_never_added();
	state->rows--;
	return true;
}

#endif							/* ENGAGEMENT_FOLLOWER_GROWTH_STATE_H */
