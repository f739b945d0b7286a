/*
 * smm_agg.c
 *		Transition and final functions of the social-media aggregates
 *		(SPEC section 3).  One input row is one post.
 *
 * Every transition function skips a row with a NULL in any argument, as
 * the regr_* aggregates do, and checks the rest for negative counts.
 */
#include "engagement.h"

static inline bool
any_arg_null(FunctionCallInfo fcinfo, int first, int last)
{
	for (int i = first; i <= last; i++)
		if (PG_ARGISNULL(i))
			return true;
	return false;
}

/*
 * Every transition function comes in three widths, for bigint, integer and
 * smallint arguments: the SQL overloads spare integer columns a cast per
 * row and per argument, and the results are identical because all widths
 * widen to 64 bits here.
 */
#define TRANSFN_EACH_WIDTH(sqlname, impl, ...) \
PG_FUNCTION_INFO_V1(sqlname##_transfn); \
Datum \
sqlname##_transfn(PG_FUNCTION_ARGS) \
{ \
	return impl(fcinfo, 8, __VA_ARGS__); \
} \
PG_FUNCTION_INFO_V1(sqlname##_int4_transfn); \
Datum \
sqlname##_int4_transfn(PG_FUNCTION_ARGS) \
{ \
	return impl(fcinfo, 4, __VA_ARGS__); \
} \
PG_FUNCTION_INFO_V1(sqlname##_int2_transfn); \
Datum \
sqlname##_int2_transfn(PG_FUNCTION_ARGS) \
{ \
	return impl(fcinfo, 2, __VA_ARGS__); \
}

/* likes + comments + shares of arguments 1..3; cannot overflow in 128 bits */
static inline int128
post_engagements(FunctionCallInfo fcinfo, int width)
{
	return (int128) count_arg_width(fcinfo, 1, "likes", width)
		+ count_arg_width(fcinfo, 2, "comments", width)
		+ count_arg_width(fcinfo, 3, "shares", width);
}

/*
 * Σ(likes + comments + shares) and Σ audience, for er_reach and er_view.
 * A group would need 2^62 rows to overflow the 128-bit sums.
 */
static inline Datum
engagement_sums_transfn(FunctionCallInfo fcinfo, int width, const char *audience)
{
	RatioState *state;
	int128		engagements;
	int64		size;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	engagements = post_engagements(fcinfo, width);
	size = count_arg_width(fcinfo, 4, audience, width);

	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	state->num += engagements;
	state->den += size;
	PG_RETURN_POINTER(state);
}

TRANSFN_EACH_WIDTH(er_reach, engagement_sums_transfn, "reach")
TRANSFN_EACH_WIDTH(er_view, engagement_sums_transfn, "views")

/*
 * The per-post rate 100 * (likes + comments + shares) / followers, summed
 * with compensation and counted; er_post divides by the count, er_day does
 * not.  Posts with followers = 0 have no rate and are skipped.
 */
static inline Datum
post_rate_add(FunctionCallInfo fcinfo, int width, const char *audience)
{
	MeanState  *state;
	int128		engagements;
	int64		followers;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	engagements = post_engagements(fcinfo, width);
	followers = count_arg_width(fcinfo, 4, audience, width);

	if (followers == 0)
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(MeanState));
	mean_add(state, percent_of(engagements, followers));
	PG_RETURN_POINTER(state);
}

TRANSFN_EACH_WIDTH(post_rate, post_rate_add, "followers")

/* Σshares and the number of posts */
static inline Datum
shares_per_post_add(FunctionCallInfo fcinfo, int width, const char *argname)
{
	RatioState *state;
	int64		shares;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	shares = count_arg_width(fcinfo, 1, argname, width);

	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	state->num += shares;
	state->den += 1;
	PG_RETURN_POINTER(state);
}

TRANSFN_EACH_WIDTH(amplification_rate, shares_per_post_add, "shares")

PG_FUNCTION_INFO_V1(post_rate_mean_finalfn);
Datum
post_rate_mean_finalfn(PG_FUNCTION_ARGS)
{
	RETURN_MEAN((MeanState *) PG_GETARG_POINTER(0));
}

PG_FUNCTION_INFO_V1(post_rate_sum_finalfn);
Datum
post_rate_sum_finalfn(PG_FUNCTION_ARGS)
{
	RETURN_MEAN_SUM((MeanState *) PG_GETARG_POINTER(0));
}
