/*
 * stats_window.c
 *		The moving-frame state of engagement_agg and rollup: a summary and
 *		the follower counts of its posts (FollowerTally), so that a window
 *		frame's summary equals the frame's own, bit for bit, also once the
 *		posts with a second follower count have left it.  A summary alone
 *		cannot tell that: it keeps one follower count or none.
 */
#include "engagement_stats.h"

typedef struct StatsWindow
{
	EngagementStats stats;
	FollowerTally followers;
} StatsWindow;

static StatsWindow *
window_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	StatsWindow *window;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "moving-frame state of engagement_stats called in non-aggregate context");
	if (!PG_ARGISNULL(0))
		return (StatsWindow *) PG_GETARG_POINTER(0);
	window = MemoryContextAllocZero(aggcontext, sizeof(StatsWindow));
	stats_init(&window->stats);
	return window;
}

static Datum
window_row(FunctionCallInfo fcinfo, int width, bool remove)
{
	StatsWindow *window = window_state(fcinfo);
	RateState	rated;

	if (!stats_row(&window->stats, fcinfo, width, remove, &rated))
		PG_RETURN_NULL();
	follower_tally_step(&window->followers, &rated, remove ? -1 : 1);
	PG_RETURN_POINTER(window);
}

PG_FUNCTION_INFO_V1(engagement_agg_moving_transfn);
Datum
engagement_agg_moving_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 8, false);
}

PG_FUNCTION_INFO_V1(engagement_agg_int4_moving_transfn);
Datum
engagement_agg_int4_moving_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 4, false);
}

PG_FUNCTION_INFO_V1(engagement_agg_int2_moving_transfn);
Datum
engagement_agg_int2_moving_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 2, false);
}

PG_FUNCTION_INFO_V1(engagement_agg_moving_inv_transfn);
Datum
engagement_agg_moving_inv_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 8, true);
}

PG_FUNCTION_INFO_V1(engagement_agg_int4_moving_inv_transfn);
Datum
engagement_agg_int4_moving_inv_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 4, true);
}

PG_FUNCTION_INFO_V1(engagement_agg_int2_moving_inv_transfn);
Datum
engagement_agg_int2_moving_inv_transfn(PG_FUNCTION_ARGS)
{
	return window_row(fcinfo, 2, true);
}

/* rollup: a summary merged into the frame, or taken back; NULL is skipped */
static Datum
window_summary(FunctionCallInfo fcinfo, bool remove)
{
	StatsWindow *window = window_state(fcinfo);
	EngagementStats *part;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(window);
	part = stats_arg(fcinfo, 1);
	if (remove)
	{
		if (!stats_unmerge(&window->stats, part))
			PG_RETURN_NULL();
	}
	else
		stats_merge(&window->stats, part);
	follower_tally_step(&window->followers, &part->post_rate, remove ? -1 : 1);
	PG_RETURN_POINTER(window);
}

PG_FUNCTION_INFO_V1(rollup_moving_transfn);
Datum
rollup_moving_transfn(PG_FUNCTION_ARGS)
{
	return window_summary(fcinfo, false);
}

PG_FUNCTION_INFO_V1(rollup_moving_inv_transfn);
Datum
rollup_moving_inv_transfn(PG_FUNCTION_ARGS)
{
	return window_summary(fcinfo, true);
}

/* the frame's summary: the one the frame's posts alone give */
PG_FUNCTION_INFO_V1(engagement_stats_moving_finalfn);
Datum
engagement_stats_moving_finalfn(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = palloc(sizeof(EngagementStats));

	if (PG_ARGISNULL(0))
	{
		stats_init(stats);
		PG_RETURN_POINTER(stats);
	}
	memcpy(stats, &((StatsWindow *) PG_GETARG_POINTER(0))->stats, sizeof(EngagementStats));
	rate_set_followers(&stats->post_rate, &((StatsWindow *) PG_GETARG_POINTER(0))->followers);
	PG_RETURN_POINTER(stats);
}
