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
#include "follower_growth_state.h"

#include "utils/timestamp.h"

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
	if (!growth_subtract(state, &row))
		PG_RETURN_NULL();
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
