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

#include "common/shortest_dec.h"

#include "libpq/pqformat.h"
#include "utils/float.h"

/* the 1.1 mean: a compensated (Neumaier) sum, value sum + comp */
typedef struct MeanState11
{
	int64		count;
	double		sum;
	double		comp;
} MeanState11;

static void
mean11_add(MeanState11 *state, double value)
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
mean11_total(const MeanState11 *state)
{
	double		total = state->sum + state->comp;

	if (!isfinite(total))
		float_overflow_error();
	return total;
}

static void
mean11_merge(MeanState11 *into, const MeanState11 *from)
{
	int64		count;

	if (pg_add_s64_overflow(into->count, from->count, &count))
		report_bigint_out_of_range();
	mean11_add(into, from->sum);
	into->comp += from->comp;
	into->count = count;
	if (!isfinite(into->sum) || !isfinite(into->comp))
		float_overflow_error();
	(void) mean11_total(into);
}

static int128
legacy_sum(int128 a, int128 b)
{
	int128		sum = a + b;

	if (sum > STATE_SUM_LIMIT)
		report_sum_out_of_range();
	return sum;
}

static void
check_mean11(const MeanState11 *state, const char *type_name, bool binary)
{
	if (state->count < 0)
		report_bad_state(type_name, binary, "A count must not be negative.");
	if (!isfinite(state->sum) || !isfinite(state->comp) || state->sum < 0 ||
		!isfinite(state->sum + state->comp) || state->sum + state->comp < 0)
		report_bad_state(type_name, binary, "A sum must be a finite number, not negative.");
	if (state->count == 0 && (state->sum != 0 || state->comp != 0))
		report_bad_state(type_name, binary, "A sum of no values must be 0.");
}

static void
parse_mean11(StateParser *parser, MeanState11 *state)
{
	state->count = parse_int64_count(parser);
	expect_char(parser, ',');
	state->sum = parse_double(parser);
	expect_char(parser, ',');
	state->comp = parse_double(parser);
	check_mean11(state, parser->type_name, false);
}

static void
append_double(StringInfo buf, double value)
{
	char		text[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, text);
	appendStringInfoString(buf, text);
}

static void
append_mean11(StringInfo buf, const MeanState11 *state)
{
	append_count(buf, state->count);
	appendStringInfoChar(buf, ',');
	append_double(buf, state->sum);
	appendStringInfoChar(buf, ',');
	append_double(buf, state->comp);
}

static void
recv_mean11(StringInfo buf, MeanState11 *state, const char *type_name)
{
	state->count = recv_int64(buf, type_name);
	if (buf->len - buf->cursor < 16)
		report_bad_state(type_name, true, "The value is shorter than its format.");
	state->sum = pq_getmsgfloat8(buf);
	state->comp = pq_getmsgfloat8(buf);
	check_mean11(state, type_name, true);
}

static void
send_mean11(StringInfo buf, const MeanState11 *state)
{
	pq_sendint64(buf, state->count);
	pq_sendfloat8(buf, state->sum);
	pq_sendfloat8(buf, state->comp);
}

typedef struct EngagementStats11
{
	int64		posts;			/* every input row */
	int64		volume_posts;	/* rows with likes, comments and shares */
	int128		volume;			/* Σ(likes + comments + shares) over them */
	RatioState	reach;			/* er_reach: Σ engagements, Σ reach */
	RatioState	views;			/* er_view: Σ engagements, Σ views */
	RatioState	shares;			/* amplification_rate: Σ shares, posts */
	MeanState11 post_rate;		/* er_post, er_day */
	MeanState11 love;			/* love_rate */
	MeanState11 talk;			/* talk_rate */
} EngagementStats11;

/* the SQL type's INTERNALLENGTH */
StaticAssertDecl(sizeof(EngagementStats11) == 200,
				 "engagement_stats is declared with INTERNALLENGTH = 200");

#define STATS_TYPE "engagement_stats_1_1"

/*
 * One post.  A NULL leaves out exactly the metrics that need that input:
 * the row still counts for every metric whose inputs it has.
 */
static inline Datum
stats_add(FunctionCallInfo fcinfo, int width)
{
	EngagementStats11 *state;
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

	state = agg_state_for_update(fcinfo, sizeof(EngagementStats11));
	if (pg_add_s64_overflow(state->posts, 1, &state->posts))
		report_bigint_out_of_range();
	if (has_likes && has_comments && has_shares)
	{
		int128		engagements = (int128) likes + comments + shares;

		if (pg_add_s64_overflow(state->volume_posts, 1, &state->volume_posts))
			report_bigint_out_of_range();
		state->volume = legacy_sum(state->volume, engagements);
		if (has_reach)
			ratio_add(&state->reach, engagements, reach);
		if (has_views)
			ratio_add(&state->views, engagements, views);
		if (followers > 0)
			mean11_add(&state->post_rate, percent_of(engagements, followers));
	}
	if (has_shares)
		ratio_add(&state->shares, shares, 1);
	if (followers > 0)
	{
		if (has_likes)
			mean11_add(&state->love, percent_of(likes, followers));
		if (has_comments)
			mean11_add(&state->talk, percent_of(comments, followers));
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

/* combine function of engagement_agg_1_1, and transition function of rollup */
PG_FUNCTION_INFO_V1(engagement_stats_combine);
Datum
engagement_stats_combine(PG_FUNCTION_ARGS)
{
	EngagementStats11 *state;
	EngagementStats11 *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (EngagementStats11 *) PG_GETARG_POINTER(1);
	state = agg_state_for_update(fcinfo, sizeof(EngagementStats11));
	if (pg_add_s64_overflow(state->posts, other->posts, &state->posts) ||
		pg_add_s64_overflow(state->volume_posts, other->volume_posts, &state->volume_posts))
		report_bigint_out_of_range();
	state->volume = legacy_sum(state->volume, other->volume);
	ratio_merge(&state->reach, &other->reach);
	ratio_merge(&state->views, &other->views);
	ratio_merge(&state->shares, &other->shares);
	mean11_merge(&state->post_rate, &other->post_rate);
	mean11_merge(&state->love, &other->love);
	mean11_merge(&state->talk, &other->talk);
	PG_RETURN_POINTER(state);
}

/* text and binary forms */

/* the checks recv_ratio and recv_mean11 do not make */
static void
check_stats_counts(const EngagementStats11 *stats, bool binary)
{
	if (stats->posts < 0 || stats->volume_posts < 0 || stats->volume < 0 ||
		stats->volume > STATE_SUM_LIMIT)
		report_bad_state(STATS_TYPE, binary, "Counts and sums must be between 0 and 2^120.");
}

PG_FUNCTION_INFO_V1(engagement_stats_in);
Datum
engagement_stats_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, STATS_TYPE};
	EngagementStats11 *stats = palloc0(sizeof(EngagementStats11));
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState11 *means[] = {&stats->post_rate, &stats->love, &stats->talk};

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
		parse_mean11(&parser, means[i]);
	}
	expect_end(&parser);
	check_stats_counts(stats, false);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_out);
Datum
engagement_stats_out(PG_FUNCTION_ARGS)
{
	EngagementStats11 *stats = (EngagementStats11 *) PG_GETARG_POINTER(0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState11 *means[] = {&stats->post_rate, &stats->love, &stats->talk};
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
		append_mean11(&buf, means[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_stats_recv);
Datum
engagement_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	EngagementStats11 *stats = palloc(sizeof(EngagementStats11));
	RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	MeanState11 *means[] = {&stats->post_rate, &stats->love, &stats->talk};

	if (buf->len - buf->cursor != (int) sizeof(EngagementStats11))
		report_bad_state(STATS_TYPE, true, "The value is not 200 bytes long.");
	stats->posts = recv_int64(buf, STATS_TYPE);
	stats->volume_posts = recv_int64(buf, STATS_TYPE);
	stats->volume = recv_int128(buf, STATS_TYPE);
	check_stats_counts(stats, true);
	for (size_t i = 0; i < lengthof(ratios); i++)
		recv_ratio(buf, ratios[i], STATS_TYPE);
	for (size_t i = 0; i < lengthof(means); i++)
		recv_mean11(buf, means[i], STATS_TYPE);
	PG_RETURN_POINTER(stats);
}

PG_FUNCTION_INFO_V1(engagement_stats_send);
Datum
engagement_stats_send(PG_FUNCTION_ARGS)
{
	EngagementStats11 *stats = (EngagementStats11 *) PG_GETARG_POINTER(0);
	const RatioState *ratios[] = {&stats->reach, &stats->views, &stats->shares};
	const MeanState11 *means[] = {&stats->post_rate, &stats->love, &stats->talk};
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, stats->posts);
	pq_sendint64(&buf, stats->volume_posts);
	send_int128(&buf, stats->volume);
	for (size_t i = 0; i < lengthof(ratios); i++)
		send_ratio(&buf, ratios[i]);
	for (size_t i = 0; i < lengthof(means); i++)
		send_mean11(&buf, means[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* accessors: each equals its one-step aggregate over the same rows */

#define RETURN_MEAN(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean11_total(mean) / (mean)->count); \
	} while (0)

#define RETURN_MEAN_SUM(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean11_total(mean)); \
	} while (0)

#define STATS_ARG() ((EngagementStats11 *) PG_GETARG_POINTER(0))

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
	EngagementStats11 *stats = STATS_ARG();

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
						  sizeof(EngagementStats11)) == 0);
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
	EngagementStats11 *old = (EngagementStats11 *) PG_GETARG_POINTER(0);
	EngagementStats *stats = stats_new();
	const char *type = "engagement_stats";

	stats->posts = old->posts;
	stats->volume_posts = old->volume_posts;
	stats->volume = old->volume;
	stats->reach = old->reach;
	stats->views = old->views;
	stats->shares = old->shares;
	mean_from_1_1(&stats->post_rate.rates, old->post_rate.count, old->post_rate.sum,
				  old->post_rate.comp, type, false);
	mean_from_1_1(&stats->love, old->love.count, old->love.sum, old->love.comp, type, false);
	mean_from_1_1(&stats->talk, old->talk.count, old->talk.sum, old->talk.comp, type, false);
	/* 1.1 kept no interval sums: the interval accessors give NULL */
	stats_forget_spread(stats);
	PG_RETURN_POINTER(stats);
}
