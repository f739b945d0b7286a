/*
 * smm_agg.c
 *		Transition and final functions of the social-media aggregates.
 *		One input row is one post.
 *
 * Every transition function skips a row with a NULL in any argument, as
 * the regr_* aggregates do, and checks the rest for negative counts.
 *
 * Every transition function comes in several widths, for bigint, integer
 * and smallint arguments: the SQL overloads spare integer columns a cast
 * per row and per argument, and the results are identical because all
 * widths widen to 64 bits here.  The shared body is inlined into each
 * width, which then needs no test of the width per row.
 */
#include "rate_state.h"
#include "ratio_state.h"

/* unrolled into one test, since it runs for every row */
static inline bool
any_arg_null(FunctionCallInfo fcinfo, int first, int last)
{
	bool		isnull = false;

	for (int i = first; i <= last; i++)
		isnull |= PG_ARGISNULL(i);
	return isnull;
}

/* The counts of one post: arguments 1..4, none of them NULL. */
typedef struct PostCounts
{
	int128		engagements;	/* likes + comments + shares */
	int64		audience;		/* reach, views or followers */
} PostCounts;

pg_noreturn static void report_negative_post(FunctionCallInfo fcinfo, int width,
								 int audience_width, const char *audience) pg_attribute_noreturn();

/* reports the first negative count of a post in argument order */
static pg_noinline void
report_negative_post(FunctionCallInfo fcinfo, int width, int audience_width,
					 const char *audience)
{
	count_arg_width(fcinfo, 1, "likes", width);
	count_arg_width(fcinfo, 2, "comments", width);
	count_arg_width(fcinfo, 3, "shares", width);
	count_arg_width(fcinfo, 4, audience, audience_width);
	pg_unreachable();
}

/*
 * Below 64 bits the three engagements cannot overflow an int64, and once
 * tested not negative the compiler knows the 128-bit additions need no sign
 * extension; a group would need 2^62 rows to overflow the 128-bit sums.
 */
static inline PostCounts
post_counts(FunctionCallInfo fcinfo, int width, int audience_width, const char *audience)
{
	int64		likes = int_arg_width(fcinfo, 1, "likes", width);
	int64		comments = int_arg_width(fcinfo, 2, "comments", width);
	int64		shares = int_arg_width(fcinfo, 3, "shares", width);
	PostCounts	counts;

	counts.audience = int_arg_width(fcinfo, 4, audience, audience_width);
	if (unlikely(likes < 0 || comments < 0 || shares < 0 || counts.audience < 0))
		report_negative_post(fcinfo, width, audience_width, audience);
	if (width < 8)
		counts.engagements = likes + comments + shares;
	else
		counts.engagements = (int128) likes + comments + shares;
	return counts;
}

/*
 * Σ(likes + comments + shares) and Σ audience, for er_reach and er_view.
 * Inlined into each width, which then needs no test of the width per row.
 */
static pg_attribute_always_inline Datum
engagement_sums_add(FunctionCallInfo fcinfo, int width, int audience_width,
					const char *audience, bool remove)
{
	PostCounts	counts;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	counts = post_counts(fcinfo, width, audience_width, audience);
	if (remove)
		return ratio_remove_row(fcinfo, counts.engagements, counts.audience);
	return ratio_add_row(fcinfo, counts.engagements, counts.audience);
}

/*
 * The per-post rate 100 * (likes + comments + shares) / followers, summed
 * with compensation and counted; er_post divides by the count, er_day does
 * not.  Posts with followers = 0 have no rate and are skipped.
 */
/* post_rate_add when the row cannot be added inline: to a copy, or with the exact checks */
static pg_noinline Datum
post_rate_add_out_of_line(FunctionCallInfo fcinfo, int width, int audience_width,
						  const char *audience)
{
	PostCounts	counts = post_counts(fcinfo, width, audience_width, audience);

	return rate_add_to_copy(fcinfo, percent_of(counts.engagements, counts.audience),
							counts.engagements, counts.audience);
}

static pg_attribute_always_inline Datum
post_rate_add(FunctionCallInfo fcinfo, int width, int audience_width, const char *audience,
			  bool remove)
{
	PostCounts	counts;
	double		rate;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	counts = post_counts(fcinfo, width, audience_width, audience);

	if (counts.audience == 0)
		RETURN_STATE_UNCHANGED();
	rate = percent_of(counts.engagements, counts.audience);
	if (remove)
		return rate_remove_row(fcinfo, rate, counts.engagements, counts.audience);

	/*
	 * Inline when the state is the aggregate's own and the row fits the
	 * fast path (a post's engagements pass 2^63 only with bigint counts);
	 * otherwise out of line, which computes the row again: keeping its
	 * values for the call would cost the common path a stack frame.
	 */
	if (likely(agg_state_in_place(fcinfo)) &&
		(width < 8 || likely(counts.engagements == (int64) counts.engagements)) &&
		rate_try_add((RateState *) PG_GETARG_POINTER(0), rate, (int64) counts.engagements,
					 counts.audience))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	return post_rate_add_out_of_line(fcinfo, width, audience_width, audience);
}

/* Σshares and the number of posts */
static inline Datum
shares_per_post_add(FunctionCallInfo fcinfo, int width, const char *argname, bool remove)
{
	int64		shares;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	shares = count_arg_width(fcinfo, 1, argname, width);
	if (remove)
		return ratio_remove_row(fcinfo, shares, 1);
	return ratio_add_row(fcinfo, shares, 1);
}

/*
 * The state of er_post and er_day changed layout in 1.2, so their C names
 * carry _v2 (see engagement_mean_state_in_v2).
 */
PG_FUNCTION_INFO_V1(post_rate_mean_finalfn_v2);
Datum
post_rate_mean_finalfn_v2(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!rate_mean((RateState *) PG_GETARG_POINTER(0), &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

PG_FUNCTION_INFO_V1(post_rate_sum_finalfn_v2);
Datum
post_rate_sum_finalfn_v2(PG_FUNCTION_ARGS)
{
	double		sum;

	if (!rate_sum((RateState *) PG_GETARG_POINTER(0), &sum))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sum);
}

/*
 * The transition functions of every width, forward and inverse: one-line
 * wrappers around the workers above, which read their arguments in that
 * width (the counts in one, the audience in another: integer likes with a
 * bigint reach is the common schema, and with all nine combinations any
 * mix of widths resolves to exactly one overload, the narrowest that takes
 * every argument without a cast).  An inverse takes back the row its
 * forward function added, checking the row the same way.  Generated by
 * src/families.pl, and included here so that the workers stay inline.
 */
#include "smm_agg_widths.inc"
