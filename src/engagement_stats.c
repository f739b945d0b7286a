/*
 * engagement_stats.c
 *		The two-step summary type engagement_stats: the
 *		aggregate engagement_agg builds it from posts, rollup merges
 *		summaries, and accessors read every SMM metric from it.
 *
 * Text form (stable; documented in the README), 18 numbers:
 *		(posts,volume_posts,volume,
 *		 reach_engagements,reach,view_engagements,views,shares,share_posts,
 *		 count,sum,comp, count,sum,comp, count,sum,comp)
 * where the three (count,sum,comp) triples are the per-post rates of
 * er_post/er_day, love_rate and talk_rate.
 */
#include "engagement.h"

#include "libpq/pqformat.h"

typedef struct EngagementStats
{
	int64		posts;			/* every input row */
	int64		volume_posts;	/* rows with likes, comments and shares */
	int128		volume;			/* Σ(likes + comments + shares) over them */
	RatioState	reach;			/* er_reach: Σ engagements, Σ reach */
	RatioState	views;			/* er_view: Σ engagements, Σ views */
	RatioState	shares;			/* amplification_rate: Σ shares, posts */
	MeanState	post_rate;		/* er_post, er_day */
	MeanState	love;			/* love_rate */
	MeanState	talk;			/* talk_rate */
} EngagementStats;

/* the SQL type's INTERNALLENGTH */
StaticAssertDecl(sizeof(EngagementStats) == 200,
				 "engagement_stats is declared with INTERNALLENGTH = 200");

#define STATS_TYPE "engagement_stats"

/*
 * One post.  A NULL leaves out exactly the metrics that need that input:
 * the row still counts for every metric whose inputs it has.
 */
static inline Datum
stats_add(FunctionCallInfo fcinfo, int width)
{
	EngagementStats *state;
	bool		has_likes = !PG_ARGISNULL(1);
	bool		has_comments = !PG_ARGISNULL(2);
	bool		has_shares = !PG_ARGISNULL(3);
	int64		likes = has_likes ? count_arg_width(fcinfo, 1, "likes", width) : 0;
	int64		comments = has_comments ? count_arg_width(fcinfo, 2, "comments", width) : 0;
	int64		shares = has_shares ? count_arg_width(fcinfo, 3, "shares", width) : 0;
	bool		has_reach = !PG_ARGISNULL(4);
	bool		has_views = !PG_ARGISNULL(5);
	int64		reach = has_reach ? count_arg_width(fcinfo, 4, "reach", width) : 0;
	int64		views = has_views ? count_arg_width(fcinfo, 5, "views", width) : 0;
	int64		followers = PG_ARGISNULL(6) ? 0 : count_arg_width(fcinfo, 6, "followers", width);

	state = agg_state_for_update(fcinfo, sizeof(EngagementStats));
	state->posts++;
	if (has_likes && has_comments && has_shares)
	{
		int128		engagements = (int128) likes + comments + shares;

		state->volume_posts++;
		state->volume += engagements;
		if (has_reach)
			ratio_add(&state->reach, engagements, reach);
		if (has_views)
			ratio_add(&state->views, engagements, views);
		if (followers > 0)
			mean_add(&state->post_rate, percent_of(engagements, followers));
	}
	if (has_shares)
		ratio_add(&state->shares, shares, 1);
	if (followers > 0)
	{
		if (has_likes)
			mean_add(&state->love, percent_of(likes, followers));
		if (has_comments)
			mean_add(&state->talk, percent_of(comments, followers));
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_agg_transfn);
Datum
engagement_agg_transfn(PG_FUNCTION_ARGS)
{
	return stats_add(fcinfo, 8);
}

PG_FUNCTION_INFO_V1(engagement_agg_int4_transfn);
Datum
engagement_agg_int4_transfn(PG_FUNCTION_ARGS)
{
	return stats_add(fcinfo, 4);
}

PG_FUNCTION_INFO_V1(engagement_agg_int2_transfn);
Datum
engagement_agg_int2_transfn(PG_FUNCTION_ARGS)
{
	return stats_add(fcinfo, 2);
}

/* combine function of engagement_agg, and transition function of rollup */
PG_FUNCTION_INFO_V1(engagement_stats_combine);
Datum
engagement_stats_combine(PG_FUNCTION_ARGS)
{
	EngagementStats *state;
	EngagementStats *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (EngagementStats *) PG_GETARG_POINTER(1);
	state = agg_state_for_update(fcinfo, sizeof(EngagementStats));
	if (pg_add_s64_overflow(state->posts, other->posts, &state->posts) ||
		pg_add_s64_overflow(state->volume_posts, other->volume_posts, &state->volume_posts))
		report_bigint_out_of_range();
	state->volume = checked_sum(state->volume, other->volume);
	ratio_merge(&state->reach, &other->reach);
	ratio_merge(&state->views, &other->views);
	ratio_merge(&state->shares, &other->shares);
	mean_merge(&state->post_rate, &other->post_rate);
	mean_merge(&state->love, &other->love);
	mean_merge(&state->talk, &other->talk);
	PG_RETURN_POINTER(state);
}

/* text and binary forms */

/* the checks recv_ratio and recv_mean do not make */
static void
check_stats_counts(const EngagementStats *stats)
{
	if (stats->posts < 0 || stats->volume_posts < 0 || stats->volume < 0 ||
		stats->volume > STATE_SUM_LIMIT)
		report_bad_state(STATS_TYPE, "Counts and sums must be between 0 and 2^120.");
}

static int64
parse_int64_count(StateParser *parser)
{
	int128		value = parse_count(parser);

	if (value > PG_INT64_MAX)
		report_bad_state_text(parser);
	return (int64) value;
}

PG_FUNCTION_INFO_V1(engagement_stats_in);
Datum
engagement_stats_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, STATS_TYPE};
	EngagementStats *stats = palloc(sizeof(EngagementStats));
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState  *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	expect_char(&parser, '(');
	stats->posts = parse_int64_count(&parser);
	expect_char(&parser, ',');
	stats->volume_posts = parse_int64_count(&parser);
	expect_char(&parser, ',');
	stats->volume = parse_count(&parser);
	for (size_t i = 0; i < lengthof(ratios); i++)
	{
		expect_char(&parser, ',');
		parse_ratio(&parser, ratios[i]);
	}
	for (size_t i = 0; i < lengthof(means); i++)
	{
		expect_char(&parser, ',');
		parse_mean(&parser, means[i]);
	}
	expect_end(&parser);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_out);
Datum
engagement_stats_out(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = (EngagementStats *) PG_GETARG_POINTER(0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState *means[] = {&stats->post_rate, &stats->love, &stats->talk};
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	append_count(&buf, stats->posts);
	appendStringInfoChar(&buf, ',');
	append_count(&buf, stats->volume_posts);
	appendStringInfoChar(&buf, ',');
	append_count(&buf, stats->volume);
	for (size_t i = 0; i < lengthof(ratios); i++)
	{
		appendStringInfoChar(&buf, ',');
		append_ratio(&buf, ratios[i]);
	}
	for (size_t i = 0; i < lengthof(means); i++)
	{
		appendStringInfoChar(&buf, ',');
		append_mean(&buf, means[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_stats_recv);
Datum
engagement_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	EngagementStats *stats = palloc(sizeof(EngagementStats));
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState  *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	stats->posts = pq_getmsgint64(buf);
	stats->volume_posts = pq_getmsgint64(buf);
	stats->volume = recv_int128(buf);
	check_stats_counts(stats);
	for (size_t i = 0; i < lengthof(ratios); i++)
		recv_ratio(buf, ratios[i], STATS_TYPE);
	for (size_t i = 0; i < lengthof(means); i++)
		recv_mean(buf, means[i], STATS_TYPE);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_send);
Datum
engagement_stats_send(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = (EngagementStats *) PG_GETARG_POINTER(0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState *means[] = {&stats->post_rate, &stats->love, &stats->talk};
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, stats->posts);
	pq_sendint64(&buf, stats->volume_posts);
	send_int128(&buf, stats->volume);
	for (size_t i = 0; i < lengthof(ratios); i++)
		send_ratio(&buf, ratios[i]);
	for (size_t i = 0; i < lengthof(means); i++)
		send_mean(&buf, means[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* accessors: each equals its one-step aggregate over the same rows */

#define STATS_ARG() ((EngagementStats *) PG_GETARG_POINTER(0))

PG_FUNCTION_INFO_V1(engagement_stats_er_reach);
Datum
engagement_stats_er_reach(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&STATS_ARG()->reach);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_view);
Datum
engagement_stats_er_view(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&STATS_ARG()->views);
}

PG_FUNCTION_INFO_V1(engagement_stats_amplification_rate);
Datum
engagement_stats_amplification_rate(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&STATS_ARG()->shares);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_post);
Datum
engagement_stats_er_post(PG_FUNCTION_ARGS)
{
	RETURN_MEAN(&STATS_ARG()->post_rate);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_day);
Datum
engagement_stats_er_day(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_SUM(&STATS_ARG()->post_rate);
}

PG_FUNCTION_INFO_V1(engagement_stats_love_rate);
Datum
engagement_stats_love_rate(PG_FUNCTION_ARGS)
{
	RETURN_MEAN(&STATS_ARG()->love);
}

PG_FUNCTION_INFO_V1(engagement_stats_talk_rate);
Datum
engagement_stats_talk_rate(PG_FUNCTION_ARGS)
{
	RETURN_MEAN(&STATS_ARG()->talk);
}

/* Σ(likes + comments + shares), as sum(engagement_volume(...)) gives it */
PG_FUNCTION_INFO_V1(engagement_stats_engagement_volume);
Datum
engagement_stats_engagement_volume(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = STATS_ARG();

	if (stats->volume_posts == 0)
		PG_RETURN_NULL();
	if (stats->volume > PG_INT64_MAX)
		report_bigint_out_of_range();
	PG_RETURN_INT64((int64) stats->volume);
}

PG_FUNCTION_INFO_V1(engagement_stats_post_count);
Datum
engagement_stats_post_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(STATS_ARG()->posts);
}

/* bit-for-bit identity: the struct has no padding, so memcmp is exact */
PG_FUNCTION_INFO_V1(engagement_stats_eq);
Datum
engagement_stats_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1),
						  sizeof(EngagementStats)) == 0);
}
