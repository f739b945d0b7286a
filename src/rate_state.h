/*
 * rate_state.h
 *		RateState, the per-post rates 100 * (likes + comments + shares) /
 *		followers of er_post and er_day (SQL type engagement_mean_state), and
 *		what makes them exact when every post shares one follower count:
 *		that count (in both min_followers and max_followers) and the
 *		engagements of the posts.  Both counts are 0, and the engagements
 *		too, when nothing was counted, when the posts had several follower
 *		counts, and for a value written by 1.1.  Its operations are in
 *		rate_state.c, but for the per-row addition, which runs inline.
 *
 * Text form v2(count,whole,fraction,engagements,min_followers,max_followers);
 * 1.1 wrote (count,sum,comp), which is still read.
 *
 * Invariant (check_rate): that of the mean of the rates; engagements
 * between 0 and STATE_SUM_LIMIT; and either no follower count and no
 * engagements, or posts and one follower count of at least 1 at both ends.
 */
#ifndef ENGAGEMENT_RATE_STATE_H
#define ENGAGEMENT_RATE_STATE_H

#include "mean_state.h"

typedef struct RateState
{
	MeanState	rates;
	int128		engagements;
	int64		min_followers;
	int64		max_followers;
} RateState;

struct StateParser;
struct StringInfoData;

/*
 * One post inline (see ratio_try_add): false, with the state as it was,
 * when it needs the out-of-line rate_add.
 */
static pg_attribute_always_inline bool
rate_try_add(RateState *state, double rate, int64 engagements, int64 followers)
{
	int64		count;

	/* the sums stay below 2^120 while they are below 2^119 (one test for both) */
	if (unlikely(__builtin_add_overflow(state->rates.count, 1, &count) ||
				 (((uint64) (state->engagements >> 64) | state->rates.sum.limb[FIXED_TOP_LIMB]) >> 55) != 0) ||
		!fixed_try_add_double_below_limit(&state->rates.sum, rate))
		return false;
	state->rates.count = count;
	if (count == 1)
	{
		state->engagements = (uint64) engagements;
		state->min_followers = state->max_followers = followers;
	}
	else if (likely(state->min_followers == followers))
		int128_add_in_place(&state->engagements, (uint64) engagements, 0);
	else if (state->min_followers != 0)
	{
		/* a second follower count: the exact one-count result is gone */
		state->engagements = 0;
		state->min_followers = state->max_followers = 0;
	}
	return true;
}

extern void rate_add(RateState *state, double rate, int128 engagements, int64 followers);
extern void rate_subtract(RateState *state, double rate, int128 engagements, int64 followers);
extern void rate_merge(RateState *into, const RateState *from);

/*
 * The inverse of rate_merge, taking back a part merged before (inline, as
 * it was in rollup's inverse transition function).  Which follower counts
 * the remaining posts had is then unknown, so the exact
 * one-follower-count results give way to the exact sum of the rates.
 */
static inline void
rate_unmerge(RateState *from, const RateState *part)
{
	mean_unmerge(&from->rates, &part->rates);
	from->engagements = 0;
	from->min_followers = from->max_followers = 0;
}

/*
 * The follower counts of the posts of a moving window frame (stats_window.c),
 * so that the frame's summary knows again, as the frame alone would, when
 * the posts left in it share one follower count: with n posts of known
 * counts f, Σf and Σf² tell (n·Σf² = (Σf)² exactly when every f is the
 * same), and Σ engagements gives the exact one-count form back.  Parts
 * whose counts were not known (merged summaries of several counts) are
 * only counted.  Σf² of 2^63 posts of 2^63 followers needs 189 bits.
 */
typedef struct FollowerTally
{
	int64		unknown_parts;
	int64		posts;
	uint128		followers;
	uint128		squares_low;
	uint128		squares_high;
	uint128		engagements;
} FollowerTally;

/* the posts of a rate state added (sign 1) or taken back (sign -1) */
extern void follower_tally_step(FollowerTally *tally, const RateState *part, int sign);

/* the follower count and engagements of a state from the tally of its posts */
extern void rate_set_followers(RateState *state, const FollowerTally *tally);

/* results: NULL (false) when nothing was counted */
extern bool rate_mean(const RateState *state, double *mean);
extern bool rate_sum(const RateState *state, double *sum);

extern void check_rate(const RateState *state, const char *type_name, bool binary);
extern void parse_rate(struct StateParser *parser, RateState *state);
extern void append_rate(struct StringInfoData *buf, const RateState *state);
extern void recv_rate(struct StringInfoData *buf, RateState *state, const char *type_name);
extern void send_rate(struct StringInfoData *buf, const RateState *state);

/* the out-of-line steps of the transition functions (see ratio_add_row) */
extern Datum rate_add_to_copy(FunctionCallInfo fcinfo, double rate, int128 engagements,
							  int64 followers);
extern Datum rate_remove_row(FunctionCallInfo fcinfo, double rate, int128 engagements,
							 int64 followers);

/* the input function, which the superseded 1.1 name shares (superseded.c) */
extern Datum engagement_mean_state_in_v2(PG_FUNCTION_ARGS);

#endif							/* ENGAGEMENT_RATE_STATE_H */
