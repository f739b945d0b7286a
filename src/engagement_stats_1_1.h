/*
 * engagement_stats_1_1.h
 *		EngagementStats_1_1, the summary as version 1.1 stored it (SQL type
 *		engagement_stats_1_1, 200 bytes), with its own ratio and mean
 *		layouts, so that the frozen 1.1 code (engagement_stats_1_1.c)
 *		depends on none of the current states.  engagement_stats.c reads it
 *		to convert a 1.1 summary to the current one.
 */
#ifndef ENGAGEMENT_STATS_1_1_H
#define ENGAGEMENT_STATS_1_1_H

#include "common.h"

#include "lib/stringinfo.h"

/* a ratio of sums, as RatioState is today */
typedef struct RatioState_1_1
{
	int128		num;
	int128		den;
} RatioState_1_1;

/* the 1.1 mean: a compensated (Neumaier) sum, value sum + comp */
typedef struct MeanState_1_1
{
	int64		count;
	double		sum;
	double		comp;
} MeanState_1_1;

typedef struct EngagementStats_1_1
{
	int64		posts;			/* every input row */
	int64		volume_posts;	/* rows with likes, comments and shares */
	int128		volume;			/* Σ(likes + comments + shares) over them */
	RatioState_1_1 reach;		/* er_reach: Σ engagements, Σ reach */
	RatioState_1_1 views;		/* er_view: Σ engagements, Σ views */
	RatioState_1_1 shares;		/* amplification_rate: Σ shares, posts */
	MeanState_1_1 post_rate;		/* er_post, er_day */
	MeanState_1_1 love;			/* love_rate */
	MeanState_1_1 talk;			/* talk_rate */
} EngagementStats_1_1;

/*
 * The 1.1 mean's check and its text and binary forms, which the 1.1 forms
 * of the replaced state types (superseded.c) are made of
 */
struct StateParser;
extern void check_mean_1_1(const MeanState_1_1 *state, const char *type_name, bool binary);
extern void parse_mean_1_1(struct StateParser *parser, MeanState_1_1 *state);
extern void append_mean_1_1(StringInfo buf, const MeanState_1_1 *state);
extern void recv_mean_1_1(StringInfo buf, MeanState_1_1 *state, const char *type_name);
extern void send_mean_1_1(StringInfo buf, const MeanState_1_1 *state);

/*
 * The SQL functions, under names that say 1.1; the install scripts up to
 * 1.2 name them without, and superseded.c keeps those names.
 */
extern Datum engagement_stats_1_1_in(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_out(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_recv(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_send(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_combine(PG_FUNCTION_ARGS);
extern Datum engagement_agg_1_1_transfn(PG_FUNCTION_ARGS);
extern Datum engagement_agg_1_1_int4_transfn(PG_FUNCTION_ARGS);
extern Datum engagement_agg_1_1_int2_transfn(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_er_reach(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_er_view(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_amplification_rate(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_er_post(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_er_day(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_love_rate(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_talk_rate(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_engagement_volume(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_post_count(PG_FUNCTION_ARGS);
extern Datum engagement_stats_1_1_eq(PG_FUNCTION_ARGS);

#endif							/* ENGAGEMENT_STATS_1_1_H */
