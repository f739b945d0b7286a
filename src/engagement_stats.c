/*
 * engagement_stats.c
 *		The two-step summary type engagement_stats: the aggregate
 *		engagement_agg builds it from posts, rollup merges summaries, and
 *		accessors read every SMM metric from it.
 *
 * Text form, format version 2 (documented in doc/formats.md), 21 numbers:
 *		v2(posts,volume_posts,volume,
 *		   reach_engagements,reach,view_engagements,views,shares,share_posts,
 *		   rate_count,rate_whole,rate_fraction,rate_engagements,min_followers,max_followers,
 *		   love_count,love_whole,love_fraction,talk_count,talk_whole,talk_fraction)
 * Version 1.1 wrote 18 numbers without a version, its means as compensated
 * sums of doubles; they are read, and give the results 1.1 gave.
 *
 * The invariant (check_stats) holds for every value: the state invariants
 * of its parts, and the counts of the parts within the counts of posts:
 * volume_posts, share_posts, the love and talk counts at most posts; the
 * rated posts at most volume_posts; the engagements of er_reach, er_view
 * and the rated posts at most the volume.
 *
 * The C functions carry _v2: version 1.1 used the plain names for the
 * 200-byte layout that engagement_stats_1_1 keeps (engagement_stats_1_1.c);
 * converting such a value to this one is done here, at the end.
 */
#include "engagement_stats.h"

#include "engagement_stats_1_1.h"
#include "state_io.h"

#include "access/hash.h"
#include "libpq/pqformat.h"

#define STATS_TYPE "engagement_stats"
#define STATS_1_1_LENGTH 200

static EngagementStats *
stats_new(void)
{
	EngagementStats *stats = palloc0(sizeof(EngagementStats));

	SET_VARSIZE(stats, sizeof(EngagementStats));
	stats->version = STATE_FORMAT_VERSION;
	stats->spread_known = 1;
	return stats;
}

/*
 * A value from a form that did not keep the interval sums, or whose sums
 * left their range: they are unknown, unless the summary has no posts.
 */
static void
stats_forget_spread(EngagementStats *stats)
{
	stats->spread_known = stats->posts == 0;
	stats->reach_units = stats->view_units = 0;
	memset(&stats->reach_spread, 0, sizeof(SpreadSums));
	memset(&stats->view_spread, 0, sizeof(SpreadSums));
}

/* a summary argument in the current layout */
EngagementStats *
stats_arg(FunctionCallInfo fcinfo, int argno)
{
	EngagementStats *stats = (EngagementStats *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));

	if (VARSIZE(stats) != sizeof(EngagementStats) || stats->version != STATE_FORMAT_VERSION)
		elog(ERROR, "engagement_stats value of unexpected size %u", (unsigned) VARSIZE(stats));
	return stats;
}

/*
 * The summary a transition or combine function may update: its first
 * argument when called by an aggregate, a copy otherwise, a new empty one
 * for NULL.
 */
static EngagementStats *
stats_for_update(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		return stats_new();
	if (agg_state_in_place(fcinfo))
		return (EngagementStats *) PG_GETARG_POINTER(0);
	return memcpy(palloc(sizeof(EngagementStats)), stats_arg(fcinfo, 0), sizeof(EngagementStats));
}

/*
 * The interval sums: none at all, or the posts of er_reach and er_view
 * with sums whose e and r are those of the ratios
 */
static void
check_spread(const EngagementStats *stats, bool binary)
{
	const SpreadSums *spreads[] = {&stats->reach_spread, &stats->view_spread};
	const RatioState *ratios[] = {&stats->reach, &stats->views};
	const int64 units[] = {stats->reach_units, stats->view_units};

	if (stats->spread_known == 0)
	{
		EngagementStats none;

		memset(&none, 0, sizeof(none));
		if (stats->reach_units != 0 || stats->view_units != 0 ||
			memcmp(&stats->reach_spread, &none.reach_spread, sizeof(SpreadSums)) != 0 ||
			memcmp(&stats->view_spread, &none.view_spread, sizeof(SpreadSums)) != 0)
			report_bad_state(STATS_TYPE, binary, "A summary without interval sums has none.");
		return;
	}
	if (stats->spread_known != 1)
		report_bad_state(STATS_TYPE, binary, "The interval sums are kept or not.");
	for (int i = 0; i < 2; i++)
		if (units[i] < 0 || units[i] > stats->volume_posts ||
			spreads[i]->e != ratios[i]->num || spreads[i]->r != ratios[i]->den ||
			!spread_valid(spreads[i], units[i]))
			report_bad_state(STATS_TYPE, binary,
							 "The interval sums disagree with the counts of the summary.");
}

/*
 * The parts of a summary fit in it: no part counts more posts or more
 * engagements than the summary has, and interval sums are ones some posts
 * could give.  Checked by the input functions and after every take-back.
 */
static const char *
stats_parts_misfit(const EngagementStats *stats)
{
	if (stats->volume_posts > stats->posts || stats->shares.den > stats->posts ||
		stats->love.count > stats->posts || stats->talk.count > stats->posts ||
		stats->post_rate.rates.count > stats->volume_posts)
		return "A part counts more posts than the summary has.";
	if (stats->shares.den == 0 && stats->shares.num != 0)
		return "A sum of shares needs posts that have shares.";
	if (stats->reach.num > stats->volume || stats->views.num > stats->volume ||
		stats->post_rate.engagements > stats->volume ||
		(stats->volume_posts == 0 && stats->volume != 0))
		return "A part counts more engagements than the summary has.";
	if (stats->spread_known &&
		(stats->reach_units > stats->volume_posts || stats->view_units > stats->volume_posts ||
		 !spread_valid(&stats->reach_spread, stats->reach_units) ||
		 !spread_valid(&stats->view_spread, stats->view_units)))
		return "The interval sums disagree with the counts of the summary.";
	return NULL;
}

/* after a take-back: what the state cannot have held was never added */
static void
stats_check_taken_back(const EngagementStats *stats)
{
	if (stats_parts_misfit(stats) != NULL)
		report_never_added();
}

static void
check_stats(const EngagementStats *stats, bool binary)
{
	const char *type = STATS_TYPE;
	const char *misfit;

	check_ratio(&stats->reach, type, binary);
	check_ratio(&stats->views, type, binary);
	check_ratio(&stats->shares, type, binary);
	check_rate(&stats->post_rate, type, binary);
	check_mean(&stats->love, type, binary);
	check_mean(&stats->talk, type, binary);
	if (stats->posts < 0 || stats->volume_posts < 0 || stats->volume < 0 ||
		stats->volume > STATE_SUM_LIMIT)
		report_bad_state(type, binary, "Counts and sums must be between 0 and 2^120.");
	check_spread(stats, binary);
	misfit = stats_parts_misfit(stats);
	if (misfit != NULL)
		report_bad_state(type, binary, misfit);
}

/*
 * One post's part of the interval sums of er_reach and er_view.  A summary
 * whose squares would pass 2^120 (counts near 2^60) forgets them rather
 * than failing: its interval accessors give NULL, every other accessor
 * stays exact.  The sums only grow, so a plan that merges parts forgets
 * them exactly when one pass over all rows does.
 */
static void
stats_spread_step(EngagementStats *state, bool has_reach, bool has_views,
				  int128 engagements, int64 reach, int64 views, int sign)
{
	if ((has_reach && !spread_try_step(&state->reach_spread, engagements, reach, sign)) ||
		(has_views && !spread_try_step(&state->view_spread, engagements, views, sign)))
	{
		stats_forget_spread(state);
		return;
	}
	state->reach_units += has_reach ? sign : 0;
	state->view_units += has_views ? sign : 0;
	if (state->reach_units < 0 || state->view_units < 0)
		report_never_added();
}

/* the interval sums of two summaries merged, or taken one from the other */
static void
stats_spread_merge(EngagementStats *state, const EngagementStats *other, int sign)
{
	if (!state->spread_known || !other->spread_known ||
		!spread_try_merge(&state->reach_spread, &other->reach_spread, sign) ||
		!spread_try_merge(&state->view_spread, &other->view_spread, sign))
	{
		stats_forget_spread(state);
		return;
	}
	state->reach_units += sign * other->reach_units;
	state->view_units += sign * other->view_units;
	if (state->reach_units < 0 || state->view_units < 0)
		report_never_added();
}

/*
 * One post, added or (for moving window frames) taken back.  A NULL leaves
 * out exactly the metrics that need that input: the row still counts for
 * every metric whose inputs it has.
 */
static inline Datum
stats_step(FunctionCallInfo fcinfo, int width, bool remove)
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
	bool		has_volume = has_likes && has_comments && has_shares;
	int128		engagements = (int128) likes + comments + shares;

	state = stats_for_update(fcinfo);
	if (remove)
	{
		/*
		 * A summary that forgot its interval sums (a post near 2^60 was in
		 * it) cannot get them back by taking rows away: NULL makes a moving
		 * frame recompute from its own rows, whose interval may be known.
		 */
		if (!state->spread_known && state->posts > 0)
			PG_RETURN_NULL();
		if (state->posts == 0 || (has_volume && state->volume_posts == 0))
			report_never_added();
		state->posts--;
		if (has_volume)
		{
			state->volume_posts--;
			state->volume -= engagements;
			if (has_reach)
				ratio_subtract(&state->reach, engagements, reach);
			if (has_views)
				ratio_subtract(&state->views, engagements, views);
			if (state->spread_known)
				stats_spread_step(state, has_reach, has_views, engagements, reach, views, -1);
			if (followers > 0)
				rate_subtract(&state->post_rate, percent_of(engagements, followers),
							  engagements, followers);
		}
		if (has_shares)
			ratio_subtract(&state->shares, shares, 1);
		if (followers > 0)
		{
			if (has_likes)
				mean_subtract(&state->love, percent_of(likes, followers));
			if (has_comments)
				mean_subtract(&state->talk, percent_of(comments, followers));
		}
		if (state->volume < 0)
			report_never_added();
		stats_check_taken_back(state);
		PG_RETURN_POINTER(state);
	}

	if (pg_add_s64_overflow(state->posts, 1, &state->posts))
		report_bigint_out_of_range();
	if (has_volume)
	{
		if (pg_add_s64_overflow(state->volume_posts, 1, &state->volume_posts))
			report_bigint_out_of_range();
		state->volume += engagements;
		if (state->volume > STATE_SUM_LIMIT)
			report_sum_out_of_range();
		if (has_reach)
			ratio_add(&state->reach, engagements, reach);
		if (has_views)
			ratio_add(&state->views, engagements, views);
		if (state->spread_known)
			stats_spread_step(state, has_reach, has_views, engagements, reach, views, 1);
		if (followers > 0)
			rate_add(&state->post_rate, percent_of(engagements, followers),
					 engagements, followers);
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

PG_FUNCTION_INFO_V1(engagement_agg_transfn_v2);
Datum
engagement_agg_transfn_v2(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 8, false);
}

PG_FUNCTION_INFO_V1(engagement_agg_int4_transfn_v2);
Datum
engagement_agg_int4_transfn_v2(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 4, false);
}

PG_FUNCTION_INFO_V1(engagement_agg_int2_transfn_v2);
Datum
engagement_agg_int2_transfn_v2(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 2, false);
}

/* combine function of engagement_agg, and transition function of rollup */
PG_FUNCTION_INFO_V1(engagement_stats_combine_v2);
Datum
engagement_stats_combine_v2(PG_FUNCTION_ARGS)
{
	EngagementStats *state;
	EngagementStats *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = stats_arg(fcinfo, 1);
	state = stats_for_update(fcinfo);
	if (pg_add_s64_overflow(state->posts, other->posts, &state->posts) ||
		pg_add_s64_overflow(state->volume_posts, other->volume_posts, &state->volume_posts))
		report_bigint_out_of_range();
	state->volume += other->volume;
	if (state->volume > STATE_SUM_LIMIT)
		report_sum_out_of_range();
	ratio_merge(&state->reach, &other->reach);
	ratio_merge(&state->views, &other->views);
	ratio_merge(&state->shares, &other->shares);
	rate_merge(&state->post_rate, &other->post_rate);
	mean_merge(&state->love, &other->love);
	mean_merge(&state->talk, &other->talk);
	stats_spread_merge(state, other, 1);
	PG_RETURN_POINTER(state);
}

/* inverse transition functions of engagement_agg, for moving window frames */
PG_FUNCTION_INFO_V1(engagement_agg_inv_transfn);
Datum
engagement_agg_inv_transfn(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 8, true);
}

PG_FUNCTION_INFO_V1(engagement_agg_int4_inv_transfn);
Datum
engagement_agg_int4_inv_transfn(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 4, true);
}

PG_FUNCTION_INFO_V1(engagement_agg_int2_inv_transfn);
Datum
engagement_agg_int2_inv_transfn(PG_FUNCTION_ARGS)
{
	return stats_step(fcinfo, 2, true);
}

/*
 * The inverse of engagement_stats_combine, for rollup over moving window
 * frames: takes back a summary merged before.  Which follower counts the
 * remaining posts had is then unknown, so the exact one-follower-count
 * results give way to the exact sum of the rates (a range of 0..0).
 */
PG_FUNCTION_INFO_V1(engagement_stats_inv_combine);
Datum
engagement_stats_inv_combine(PG_FUNCTION_ARGS)
{
	EngagementStats *state;
	EngagementStats *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = stats_arg(fcinfo, 1);
	state = stats_for_update(fcinfo);
	/* as for a row: a summary without interval sums makes the frame recompute */
	if (!state->spread_known && state->posts > other->posts)
		PG_RETURN_NULL();
	/* the parts check themselves as they are taken back */
	if (state->posts < other->posts || state->volume_posts < other->volume_posts ||
		state->volume < other->volume)
		report_never_added();
	state->posts -= other->posts;
	state->volume_posts -= other->volume_posts;
	state->volume -= other->volume;
	ratio_unmerge(&state->reach, &other->reach);
	ratio_unmerge(&state->views, &other->views);
	ratio_unmerge(&state->shares, &other->shares);
	rate_unmerge(&state->post_rate, &other->post_rate);
	mean_unmerge(&state->love, &other->love);
	mean_unmerge(&state->talk, &other->talk);
	stats_spread_merge(state, other, -1);
	stats_check_taken_back(state);
	PG_RETURN_POINTER(state);
}

/* text and binary forms */

/* the interval sums of e and r are the sums of the ratios, not written twice */
static void
stats_spread_from_ratios(EngagementStats *stats)
{
	stats->reach_spread.e = stats->reach.num;
	stats->reach_spread.r = stats->reach.den;
	stats->view_spread.e = stats->views.num;
	stats->view_spread.r = stats->views.den;
}

PG_FUNCTION_INFO_V1(engagement_stats_in_v2);
Datum
engagement_stats_in_v2(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, STATS_TYPE};
	EngagementStats *stats = stats_new();
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	int			version = parse_version(&parser);

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
	expect_char(&parser, ',');
	if (version == 1)
	{
		parse_mean_from_1_1(&parser, &stats->post_rate.rates);
		expect_char(&parser, ',');
		parse_mean_from_1_1(&parser, &stats->love);
		expect_char(&parser, ',');
		parse_mean_from_1_1(&parser, &stats->talk);
	}
	else
	{
		parse_rate(&parser, &stats->post_rate);
		expect_char(&parser, ',');
		parse_mean(&parser, &stats->love);
		expect_char(&parser, ',');
		parse_mean(&parser, &stats->talk);
	}
	/* the interval sums, which a value written before they were kept lacks */
	stats_forget_spread(stats);
	if (version != 1 && parse_at(&parser, ','))
	{
		int64	   *units[] = {&stats->reach_units, &stats->view_units};
		SpreadSums *spreads[] = {&stats->reach_spread, &stats->view_spread};

		stats->spread_known = 1;
		for (int i = 0; i < 2; i++)
		{
			expect_char(&parser, ',');
			*units[i] = parse_int64_count(&parser);
			expect_char(&parser, ',');
			spreads[i]->ee = parse_count(&parser);
			expect_char(&parser, ',');
			spreads[i]->rr = parse_count(&parser);
			expect_char(&parser, ',');
			spreads[i]->er = parse_count(&parser);
		}
		stats_spread_from_ratios(stats);
	}
	expect_end(&parser);
	check_stats(stats, false);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_out_v2);
Datum
engagement_stats_out_v2(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
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
	appendStringInfoChar(&buf, ',');
	append_rate(&buf, &stats->post_rate);
	appendStringInfoChar(&buf, ',');
	append_mean(&buf, &stats->love);
	appendStringInfoChar(&buf, ',');
	append_mean(&buf, &stats->talk);
	if (stats->spread_known)
	{
		const int64 units[] = {stats->reach_units, stats->view_units};
		const SpreadSums *spreads[] = {&stats->reach_spread, &stats->view_spread};

		for (int i = 0; i < 2; i++)
		{
			appendStringInfoChar(&buf, ',');
			append_count(&buf, units[i]);
			appendStringInfoChar(&buf, ',');
			append_count(&buf, spreads[i]->ee);
			appendStringInfoChar(&buf, ',');
			append_count(&buf, spreads[i]->rr);
			appendStringInfoChar(&buf, ',');
			append_count(&buf, spreads[i]->er);
		}
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_stats_recv_v2);
Datum
engagement_stats_recv_v2(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	EngagementStats *stats = stats_new();
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	int			version = recv_version(buf, STATS_1_1_LENGTH, STATS_TYPE);

	stats->posts = recv_int64(buf, STATS_TYPE);
	stats->volume_posts = recv_int64(buf, STATS_TYPE);
	stats->volume = recv_int128(buf, STATS_TYPE);
	for (size_t i = 0; i < lengthof(ratios); i++)
		recv_ratio(buf, ratios[i], STATS_TYPE);
	if (version == 1)
	{
		recv_mean_from_1_1(buf, &stats->post_rate.rates, STATS_TYPE);
		recv_mean_from_1_1(buf, &stats->love, STATS_TYPE);
		recv_mean_from_1_1(buf, &stats->talk, STATS_TYPE);
	}
	else
	{
		recv_rate(buf, &stats->post_rate, STATS_TYPE);
		recv_mean(buf, &stats->love, STATS_TYPE);
		recv_mean(buf, &stats->talk, STATS_TYPE);
	}
	stats_forget_spread(stats);
	if (version != 1 && buf->cursor < buf->len)
	{
		int64	   *units[] = {&stats->reach_units, &stats->view_units};
		SpreadSums *spreads[] = {&stats->reach_spread, &stats->view_spread};

		stats->spread_known = 1;
		for (int i = 0; i < 2; i++)
		{
			*units[i] = recv_int64(buf, STATS_TYPE);
			spreads[i]->ee = recv_int128(buf, STATS_TYPE);
			spreads[i]->rr = recv_int128(buf, STATS_TYPE);
			spreads[i]->er = recv_int128(buf, STATS_TYPE);
		}
		stats_spread_from_ratios(stats);
	}
	recv_end(buf, STATS_TYPE);
	check_stats(stats, true);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_send_v2);
Datum
engagement_stats_send_v2(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendint64(&buf, stats->posts);
	pq_sendint64(&buf, stats->volume_posts);
	send_int128(&buf, stats->volume);
	for (size_t i = 0; i < lengthof(ratios); i++)
		send_ratio(&buf, ratios[i]);
	send_rate(&buf, &stats->post_rate);
	send_mean(&buf, &stats->love);
	send_mean(&buf, &stats->talk);
	if (stats->spread_known)
	{
		pq_sendint64(&buf, stats->reach_units);
		send_int128(&buf, stats->reach_spread.ee);
		send_int128(&buf, stats->reach_spread.rr);
		send_int128(&buf, stats->reach_spread.er);
		pq_sendint64(&buf, stats->view_units);
		send_int128(&buf, stats->view_spread.ee);
		send_int128(&buf, stats->view_spread.rr);
		send_int128(&buf, stats->view_spread.er);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * er_reach_interval(s) and er_view_interval(s), with or without a
 * confidence: the interval the one-step aggregates give over the same
 * posts; NULL for a summary written before the interval sums were kept.
 */
static Datum
stats_interval(FunctionCallInfo fcinfo, bool views)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);
	double		z = confidence_z(PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : 0.95);
	double		lower;
	double		upper;

	if (!stats->spread_known ||
		!ratio_interval(views ? &stats->view_spread : &stats->reach_spread,
						views ? stats->view_units : stats->reach_units,
						z, 0, false, &lower, &upper))
		PG_RETURN_NULL();
	return percent_range_datum(fcinfo, lower, upper);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_reach_interval);
Datum
engagement_stats_er_reach_interval(PG_FUNCTION_ARGS)
{
	return stats_interval(fcinfo, false);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_view_interval);
Datum
engagement_stats_er_view_interval(PG_FUNCTION_ARGS)
{
	return stats_interval(fcinfo, true);
}

/* accessors: each equals its one-step aggregate over the same rows */

PG_FUNCTION_INFO_V1(engagement_stats_er_reach_v2);
Datum
engagement_stats_er_reach_v2(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&stats_arg(fcinfo, 0)->reach);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_view_v2);
Datum
engagement_stats_er_view_v2(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&stats_arg(fcinfo, 0)->views);
}

PG_FUNCTION_INFO_V1(engagement_stats_amplification_rate_v2);
Datum
engagement_stats_amplification_rate_v2(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT(&stats_arg(fcinfo, 0)->shares);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_post_v2);
Datum
engagement_stats_er_post_v2(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!rate_mean(&stats_arg(fcinfo, 0)->post_rate, &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

PG_FUNCTION_INFO_V1(engagement_stats_er_day_v2);
Datum
engagement_stats_er_day_v2(PG_FUNCTION_ARGS)
{
	double		sum;

	if (!rate_sum(&stats_arg(fcinfo, 0)->post_rate, &sum))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sum);
}

PG_FUNCTION_INFO_V1(engagement_stats_love_rate_v2);
Datum
engagement_stats_love_rate_v2(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!mean_value(&stats_arg(fcinfo, 0)->love, &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

PG_FUNCTION_INFO_V1(engagement_stats_talk_rate_v2);
Datum
engagement_stats_talk_rate_v2(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!mean_value(&stats_arg(fcinfo, 0)->talk, &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/* Σ(likes + comments + shares), as sum(engagement_volume(...)) gives it */
PG_FUNCTION_INFO_V1(engagement_stats_engagement_volume_v2);
Datum
engagement_stats_engagement_volume_v2(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);

	if (stats->volume_posts == 0)
		PG_RETURN_NULL();
	if (stats->volume > PG_INT64_MAX)
		report_bigint_out_of_range();
	PG_RETURN_INT64((int64) stats->volume);
}

PG_FUNCTION_INFO_V1(engagement_stats_post_count_v2);
Datum
engagement_stats_post_count_v2(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(stats_arg(fcinfo, 0)->posts);
}

/*
 * Equality, order and hashing.  Every field is an exact integer, and every
 * value is built zeroed, so two summaries of the same posts are the same
 * bytes: = is byte equality, and the btree order is the order of the bytes,
 * total and consistent with = but with no meaning beyond that.
 */
static int
stats_cmp(FunctionCallInfo fcinfo)
{
	return memcmp(stats_arg(fcinfo, 0), stats_arg(fcinfo, 1), sizeof(EngagementStats));
}

PG_FUNCTION_INFO_V1(engagement_stats_eq_v2);
Datum
engagement_stats_eq_v2(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_ne);
Datum
engagement_stats_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_lt);
Datum
engagement_stats_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_le);
Datum
engagement_stats_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_gt);
Datum
engagement_stats_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_ge);
Datum
engagement_stats_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(stats_cmp(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_cmp);
Datum
engagement_stats_cmp(PG_FUNCTION_ARGS)
{
	int			cmp = stats_cmp(fcinfo);

	PG_RETURN_INT32(cmp < 0 ? -1 : cmp > 0 ? 1 : 0);
}

PG_FUNCTION_INFO_V1(engagement_stats_hash);
Datum
engagement_stats_hash(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);

	return hash_any((unsigned char *) stats, sizeof(EngagementStats));
}

PG_FUNCTION_INFO_V1(engagement_stats_hash_extended);
Datum
engagement_stats_hash_extended(PG_FUNCTION_ARGS)
{
	EngagementStats *stats = stats_arg(fcinfo, 0);

	return hash_any_extended((unsigned char *) stats, sizeof(EngagementStats),
							 PG_GETARG_INT64(1));
}

/*
 * engagement_stats_1_1 -> engagement_stats: the same counts and sums, each
 * mean as the double 1.1 read from its compensated sum, so that every
 * accessor gives what it gave on the 1.1 value.
 */
PG_FUNCTION_INFO_V1(engagement_stats_from_1_1);
Datum
engagement_stats_from_1_1(PG_FUNCTION_ARGS)
{
	EngagementStats_1_1 *old = (EngagementStats_1_1 *) PG_GETARG_POINTER(0);
	EngagementStats *stats = stats_new();
	const char *type = "engagement_stats";

	stats->posts = old->posts;
	stats->volume_posts = old->volume_posts;
	stats->volume = old->volume;
	stats->reach.num = old->reach.num;
	stats->reach.den = old->reach.den;
	stats->views.num = old->views.num;
	stats->views.den = old->views.den;
	stats->shares.num = old->shares.num;
	stats->shares.den = old->shares.den;
	mean_from_1_1(&stats->post_rate.rates, old->post_rate.count, old->post_rate.sum,
				  old->post_rate.comp, type, false);
	mean_from_1_1(&stats->love, old->love.count, old->love.sum, old->love.comp, type, false);
	mean_from_1_1(&stats->talk, old->talk.count, old->talk.sum, old->talk.comp, type, false);
	/* 1.1 kept no interval sums: the interval accessors give NULL */
	stats_forget_spread(stats);
	/* 1.1 checked less: a value no aggregate could produce is not converted */
	check_stats(stats, false);
	PG_RETURN_POINTER(stats);
}
