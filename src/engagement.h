/*
 * engagement.h
 *		Shared definitions of the engagement extension: aggregate states,
 *		argument checks and the percent helper every rate goes through.
 */
#ifndef ENGAGEMENT_H
#define ENGAGEMENT_H

#include "common.h"
#include "state_io.h"
#include "fixed_sum.h"
#include "ratio_state.h"
#include "mean_state.h"
#include "rate_state.h"
#include "index_state.h"
#include "spread_sums.h"
#include "survey.h"
#include "interval_state.h"
#include "nps_state.h"
#include "follower_growth_state.h"

/*
 * The two-step summary engagement_stats (engagement_stats.c), a varlena
 * so that later formats can be longer: every count and sum the SMM
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

extern EngagementStats *stats_new(void);

extern void stats_forget_spread(EngagementStats *stats);

#endif							/* ENGAGEMENT_H */
