/*
 * engagement_stats.h
 *		EngagementStats, the two-step summary engagement_stats: every count
 *		and sum the SMM aggregates need for a group of posts, built of the
 *		ratio, rate, mean and spread states.  Its operations and SQL
 *		functions, and the conversion from engagement_stats_1_1, are in
 *		engagement_stats.c; its moving-frame state in stats_window.c.
 */
#ifndef ENGAGEMENT_STATS_H
#define ENGAGEMENT_STATS_H

#include "rate_state.h"
#include "ratio_state.h"
#include "spread_sums.h"

/*
 * A varlena, so that later formats can be longer: every count and sum the SMM
 * aggregates need for a group of posts.  Every field is an integer, so two
 * summaries of the same posts are identical byte for byte, whatever the
 * order in which the posts were added or the summaries merged.
 */
typedef struct EngagementStats
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	int32		version;		/* STATE_FORMAT_VERSION */
	int64		posts;			/* every input row */
	int64		volume_posts;	/* rows with likes, comments and shares */
	int128		volume;			/* Σ(likes + comments + shares) over them */
	RatioState	reach;			/* er_reach: Σ engagements, Σ reach */
	RatioState	views;			/* er_view: Σ engagements, Σ views */
	RatioState	shares;			/* amplification_rate: Σ shares, posts */
	RateState	post_rate;		/* er_post, er_day */
	MeanState	love;			/* love_rate */
	MeanState	talk;			/* talk_rate */
	/*
	 * For er_reach_interval(s) and er_view_interval(s): the posts counted
	 * by er_reach and er_view and their spread sums (whose e and r are the
	 * sums of reach and views above).  spread_known is 0, and the rest 0,
	 * for a value written before 1.2 kept them.
	 */
	int64		spread_known;
	int64		reach_units;
	SpreadSums	reach_spread;
	int64		view_units;
	SpreadSums	view_spread;
} EngagementStats;

extern void stats_init(EngagementStats *stats);
/* a summary argument (detoasted) in the current layout */
extern EngagementStats *stats_arg(FunctionCallInfo fcinfo, int argno);
extern bool stats_row(EngagementStats *state, FunctionCallInfo fcinfo, int width, bool remove,
					  RateState *rated);
extern void stats_merge(EngagementStats *state, const EngagementStats *other);
extern bool stats_unmerge(EngagementStats *state, const EngagementStats *other);

#endif							/* ENGAGEMENT_STATS_H */
