/*
 * engagement_stats_1_1.c
 *		The summaries of version 1.1, SQL type engagement_stats_1_1
 *		(engagement_stats_1_1.h): the aggregate engagement_agg_1_1 builds
 *		them from posts, rollup merges them, and accessors read every SMM
 *		metric from them, as 1.1 did.  Frozen: this file uses only common.h
 *		and state_io.h, none of the current states, so that nothing done to
 *		them changes the 1.1 layout or results.  The conversion to the
 *		current summary is engagement_stats.c's.
 *
 * Text form (stable; documented in doc/formats.md), 18 numbers:
 *		(posts,volume_posts,volume,
 *		 reach_engagements,reach,view_engagements,views,shares,share_posts,
 *		 count,sum,comp, count,sum,comp, count,sum,comp)
 * where the three (count,sum,comp) triples are the per-post rates of
 * er_post/er_day, love_rate and talk_rate.
 *
 * Invariant (check_stats_1_1): counts and sums between 0 and 2^120, and
 * each mean a finite sum, not negative, and 0 for no values.
 */
#include "engagement_stats_1_1.h"

#include "state_io.h"

#include "libpq/pqformat.h"
#include "utils/float.h"

#define STATS_1_1_TYPE "engagement_stats_1_1"

/* the SQL type's INTERNALLENGTH */
StaticAssertDecl(sizeof(EngagementStats_1_1) == 200,
				 "engagement_stats_1_1 is declared with INTERNALLENGTH = 200");

/* the ratios of sums, as 1.1 kept them */

/* a row adds less than 2^66 to a sum of counts */
#define ROW_SUM_HEADROOM_HIGH_1_1 ((UINT64CONST(1) << 56) - 4)

static inline bool
ratio_try_add_1_1(RatioState_1_1 *state, int128 num, int64 den)
{
	/* sums below 2^120 - 2^66 stay below 2^120; the test needs only their high halves */
	if (unlikely((((uint64) (state->num >> 64)) | ((uint64) (state->den >> 64))) >=
				 ROW_SUM_HEADROOM_HIGH_1_1))
		return false;
	int128_add_in_place(&state->num, (uint64) num, (uint64) (num >> 64));
	int128_add_in_place(&state->den, (uint64) den, 0);
	return true;
}

static inline void
ratio_add_1_1(RatioState_1_1 *state, int128 num, int64 den)
{
	if (!ratio_try_add_1_1(state, num, den))
		report_sum_out_of_range();
}

static void
ratio_merge_1_1(RatioState_1_1 *into, const RatioState_1_1 *from)
{
	into->num += from->num;
	into->den += from->den;
	if (into->num > STATE_SUM_LIMIT || into->den > STATE_SUM_LIMIT)
		report_sum_out_of_range();
}

static void
check_ratio_1_1(const RatioState_1_1 *state, bool binary)
{
	if (state->num < 0 || state->den < 0 ||
		state->num > STATE_SUM_LIMIT || state->den > STATE_SUM_LIMIT)
		report_bad_state(STATS_1_1_TYPE, binary, "Sums must be between 0 and 2^120.");
}

static void
parse_ratio_1_1(StateParser *parser, RatioState_1_1 *state)
{
	state->num = parse_count(parser);
	expect_char(parser, ',');
	state->den = parse_count(parser);
}

static void
append_ratio_1_1(StringInfo buf, const RatioState_1_1 *state)
{
	append_count(buf, state->num);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->den);
}

static void
recv_ratio_1_1(StringInfo buf, RatioState_1_1 *state)
{
	state->num = recv_int128(buf, STATS_1_1_TYPE);
	state->den = recv_int128(buf, STATS_1_1_TYPE);
}

static void
send_ratio_1_1(StringInfo buf, const RatioState_1_1 *state)
{
	send_int128(buf, state->num);
	send_int128(buf, state->den);
}

#define RETURN_RATIO_PERCENT_1_1(ratio) \
	do { \
		if ((ratio)->den == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(percent_of((ratio)->num, (ratio)->den)); \
	} while (0)

/* the means: compensated sums of doubles */

static void
mean_add_1_1(MeanState_1_1 *state, double value)
{
	double		total = state->sum + value;

	if (fabs(state->sum) >= fabs(value))
		state->comp += (state->sum - total) + value;
	else
		state->comp += (value - total) + state->sum;
	state->sum = total;
	if (pg_add_s64_overflow(state->count, 1, &state->count))
		report_bigint_out_of_range();
}

static double
mean_total_1_1(const MeanState_1_1 *state)
{
	double		total = state->sum + state->comp;

	if (!isfinite(total))
		float_overflow_error();
	return total;
}

static void
mean_merge_1_1(MeanState_1_1 *into, const MeanState_1_1 *from)
{
	int64		count;

	if (pg_add_s64_overflow(into->count, from->count, &count))
		report_bigint_out_of_range();
	mean_add_1_1(into, from->sum);
	into->comp += from->comp;
	into->count = count;
	if (!isfinite(into->sum) || !isfinite(into->comp))
		float_overflow_error();
	(void) mean_total_1_1(into);
}

static int128
sum_add_1_1(int128 a, int128 b)
{
	int128		sum = a + b;

	if (sum > STATE_SUM_LIMIT)
		report_sum_out_of_range();
	return sum;
}

void
check_mean_1_1(const MeanState_1_1 *state, const char *type_name, bool binary)
{
	if (state->count < 0)
		report_bad_state(type_name, binary, "A count must not be negative.");
	if (!isfinite(state->sum) || !isfinite(state->comp) || state->sum < 0 ||
		!isfinite(state->sum + state->comp) || state->sum + state->comp < 0)
		report_bad_state(type_name, binary, "A sum must be a finite number, not negative.");
	if (state->count == 0 && (state->sum != 0 || state->comp != 0))
		report_bad_state(type_name, binary, "A sum of no values must be 0.");
}

void
parse_mean_1_1(StateParser *parser, MeanState_1_1 *state)
{
	state->count = parse_int64_count(parser);
	expect_char(parser, ',');
	state->sum = parse_double(parser);
	expect_char(parser, ',');
	state->comp = parse_double(parser);
	check_mean_1_1(state, parser->type_name, false);
}

void
append_mean_1_1(StringInfo buf, const MeanState_1_1 *state)
{
	append_count(buf, state->count);
	appendStringInfoChar(buf, ',');
	append_shortest_double(buf, state->sum);
	appendStringInfoChar(buf, ',');
	append_shortest_double(buf, state->comp);
}

void
recv_mean_1_1(StringInfo buf, MeanState_1_1 *state, const char *type_name)
{
	state->count = recv_int64(buf, type_name);
	if (buf->len - buf->cursor < 16)
		report_bad_state(type_name, true, "The value is shorter than its format.");
	state->sum = pq_getmsgfloat8(buf);
	state->comp = pq_getmsgfloat8(buf);
}

void
send_mean_1_1(StringInfo buf, const MeanState_1_1 *state)
{
	pq_sendint64(buf, state->count);
	pq_sendfloat8(buf, state->sum);
	pq_sendfloat8(buf, state->comp);
}

/* the summary */

/*
 * One post.  A NULL leaves out exactly the metrics that need that input:
 * the row still counts for every metric whose inputs it has.
 */
static inline Datum
stats_add_1_1(FunctionCallInfo fcinfo, int width)
{
	EngagementStats_1_1 *state;
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

	state = agg_state_for_update(fcinfo, sizeof(EngagementStats_1_1));
	if (pg_add_s64_overflow(state->posts, 1, &state->posts))
		report_bigint_out_of_range();
	if (has_likes && has_comments && has_shares)
	{
		int128		engagements = (int128) likes + comments + shares;

		if (pg_add_s64_overflow(state->volume_posts, 1, &state->volume_posts))
			report_bigint_out_of_range();
		state->volume = sum_add_1_1(state->volume, engagements);
		if (has_reach)
			ratio_add_1_1(&state->reach, engagements, reach);
		if (has_views)
			ratio_add_1_1(&state->views, engagements, views);
		if (followers > 0)
			mean_add_1_1(&state->post_rate, percent_of(engagements, followers));
	}
	if (has_shares)
		ratio_add_1_1(&state->shares, shares, 1);
	if (followers > 0)
	{
		if (has_likes)
			mean_add_1_1(&state->love, percent_of(likes, followers));
		if (has_comments)
			mean_add_1_1(&state->talk, percent_of(comments, followers));
	}
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_agg_1_1_transfn);
Datum
engagement_agg_1_1_transfn(PG_FUNCTION_ARGS)
{
	return stats_add_1_1(fcinfo, 8);
}

PG_FUNCTION_INFO_V1(engagement_agg_1_1_int4_transfn);
Datum
engagement_agg_1_1_int4_transfn(PG_FUNCTION_ARGS)
{
	return stats_add_1_1(fcinfo, 4);
}

PG_FUNCTION_INFO_V1(engagement_agg_1_1_int2_transfn);
Datum
engagement_agg_1_1_int2_transfn(PG_FUNCTION_ARGS)
{
	return stats_add_1_1(fcinfo, 2);
}

/* combine function of engagement_agg_1_1, and transition function of rollup */
PG_FUNCTION_INFO_V1(engagement_stats_1_1_combine);
Datum
engagement_stats_1_1_combine(PG_FUNCTION_ARGS)
{
	EngagementStats_1_1 *state;
	EngagementStats_1_1 *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (EngagementStats_1_1 *) PG_GETARG_POINTER(1);
	state = agg_state_for_update(fcinfo, sizeof(EngagementStats_1_1));
	if (pg_add_s64_overflow(state->posts, other->posts, &state->posts) ||
		pg_add_s64_overflow(state->volume_posts, other->volume_posts, &state->volume_posts))
		report_bigint_out_of_range();
	state->volume = sum_add_1_1(state->volume, other->volume);
	ratio_merge_1_1(&state->reach, &other->reach);
	ratio_merge_1_1(&state->views, &other->views);
	ratio_merge_1_1(&state->shares, &other->shares);
	mean_merge_1_1(&state->post_rate, &other->post_rate);
	mean_merge_1_1(&state->love, &other->love);
	mean_merge_1_1(&state->talk, &other->talk);
	PG_RETURN_POINTER(state);
}

/* text and binary forms */

/*
 * The invariant; the text input has checked each mean as it read it, so
 * that a bad mean is reported before a syntax error after it.
 */
static void
check_stats_1_1(const EngagementStats_1_1 *stats, bool binary)
{
	const RatioState_1_1 *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState_1_1 *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	if (stats->posts < 0 || stats->volume_posts < 0 || stats->volume < 0 ||
		stats->volume > STATE_SUM_LIMIT)
		report_bad_state(STATS_1_1_TYPE, binary, "Counts and sums must be between 0 and 2^120.");
	for (size_t i = 0; i < lengthof(ratios); i++)
		check_ratio_1_1(ratios[i], binary);
	for (size_t i = 0; i < lengthof(means); i++)
		check_mean_1_1(means[i], STATS_1_1_TYPE, binary);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_in);
Datum
engagement_stats_1_1_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, STATS_1_1_TYPE};
	EngagementStats_1_1 *stats = palloc0(sizeof(EngagementStats_1_1));
	RatioState_1_1 *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState_1_1 *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	expect_char(&parser, '(');
	stats->posts = parse_int64_count(&parser);
	expect_char(&parser, ',');
	stats->volume_posts = parse_int64_count(&parser);
	expect_char(&parser, ',');
	stats->volume = parse_count(&parser);
	for (size_t i = 0; i < lengthof(ratios); i++)
	{
		expect_char(&parser, ',');
		parse_ratio_1_1(&parser, ratios[i]);
	}
	for (size_t i = 0; i < lengthof(means); i++)
	{
		expect_char(&parser, ',');
		parse_mean_1_1(&parser, means[i]);
	}
	expect_end(&parser);
	check_stats_1_1(stats, false);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_out);
Datum
engagement_stats_1_1_out(PG_FUNCTION_ARGS)
{
	EngagementStats_1_1 *stats = (EngagementStats_1_1 *) PG_GETARG_POINTER(0);
	const RatioState_1_1 *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState_1_1 *means[] = {&stats->post_rate, &stats->love, &stats->talk};
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
		append_ratio_1_1(&buf, ratios[i]);
	}
	for (size_t i = 0; i < lengthof(means); i++)
	{
		appendStringInfoChar(&buf, ',');
		append_mean_1_1(&buf, means[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_recv);
Datum
engagement_stats_1_1_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	EngagementStats_1_1 *stats = palloc(sizeof(EngagementStats_1_1));
	RatioState_1_1 *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState_1_1 *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	if (buf->len - buf->cursor != (int) sizeof(EngagementStats_1_1))
		report_bad_state(STATS_1_1_TYPE, true, "The value is not 200 bytes long.");
	stats->posts = recv_int64(buf, STATS_1_1_TYPE);
	stats->volume_posts = recv_int64(buf, STATS_1_1_TYPE);
	stats->volume = recv_int128(buf, STATS_1_1_TYPE);
	for (size_t i = 0; i < lengthof(ratios); i++)
		recv_ratio_1_1(buf, ratios[i]);
	for (size_t i = 0; i < lengthof(means); i++)
		recv_mean_1_1(buf, means[i], STATS_1_1_TYPE);
	/* the length is the format's: every field was read */
	check_stats_1_1(stats, true);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_send);
Datum
engagement_stats_1_1_send(PG_FUNCTION_ARGS)
{
	EngagementStats_1_1 *stats = (EngagementStats_1_1 *) PG_GETARG_POINTER(0);
	const RatioState_1_1 *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState_1_1 *means[] = {&stats->post_rate, &stats->love, &stats->talk};
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, stats->posts);
	pq_sendint64(&buf, stats->volume_posts);
	send_int128(&buf, stats->volume);
	for (size_t i = 0; i < lengthof(ratios); i++)
		send_ratio_1_1(&buf, ratios[i]);
	for (size_t i = 0; i < lengthof(means); i++)
		send_mean_1_1(&buf, means[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* accessors: each equals its one-step aggregate over the same rows */

#define RETURN_MEAN_1_1(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean_total_1_1(mean) / (mean)->count); \
	} while (0)

#define RETURN_MEAN_SUM_1_1(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean_total_1_1(mean)); \
	} while (0)

#define STATS_1_1_ARG() ((EngagementStats_1_1 *) PG_GETARG_POINTER(0))

PG_FUNCTION_INFO_V1(engagement_stats_1_1_er_reach);
Datum
engagement_stats_1_1_er_reach(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT_1_1(&STATS_1_1_ARG()->reach);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_er_view);
Datum
engagement_stats_1_1_er_view(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT_1_1(&STATS_1_1_ARG()->views);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_amplification_rate);
Datum
engagement_stats_1_1_amplification_rate(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT_1_1(&STATS_1_1_ARG()->shares);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_er_post);
Datum
engagement_stats_1_1_er_post(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_1_1(&STATS_1_1_ARG()->post_rate);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_er_day);
Datum
engagement_stats_1_1_er_day(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_SUM_1_1(&STATS_1_1_ARG()->post_rate);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_love_rate);
Datum
engagement_stats_1_1_love_rate(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_1_1(&STATS_1_1_ARG()->love);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_talk_rate);
Datum
engagement_stats_1_1_talk_rate(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_1_1(&STATS_1_1_ARG()->talk);
}

/* Σ(likes + comments + shares), as sum(engagement_volume(...)) gives it */
PG_FUNCTION_INFO_V1(engagement_stats_1_1_engagement_volume);
Datum
engagement_stats_1_1_engagement_volume(PG_FUNCTION_ARGS)
{
	EngagementStats_1_1 *stats = STATS_1_1_ARG();

	if (stats->volume_posts == 0)
		PG_RETURN_NULL();
	if (stats->volume > PG_INT64_MAX)
		report_bigint_out_of_range();
	PG_RETURN_INT64((int64) stats->volume);
}

PG_FUNCTION_INFO_V1(engagement_stats_1_1_post_count);
Datum
engagement_stats_1_1_post_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(STATS_1_1_ARG()->posts);
}

/* bit-for-bit identity: the struct has no padding, so memcmp is exact */
PG_FUNCTION_INFO_V1(engagement_stats_1_1_eq);
Datum
engagement_stats_1_1_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1),
						  sizeof(EngagementStats_1_1)) == 0);
}
