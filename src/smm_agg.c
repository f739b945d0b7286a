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

/* likes + comments + shares of arguments 1..3; cannot overflow in 128 bits */
static inline int128
post_engagements(FunctionCallInfo fcinfo)
{
	return (int128) count_arg(fcinfo, 1, "likes")
		+ count_arg(fcinfo, 2, "comments")
		+ count_arg(fcinfo, 3, "shares");
}

/*
 * Σ(likes + comments + shares) and Σ audience, for er_reach and er_view.
 * A group would need 2^62 rows to overflow the 128-bit sums.
 */
static Datum
engagement_sums_transfn(FunctionCallInfo fcinfo, const char *audience)
{
	RatioState *state;
	int128		engagements;
	int64		size;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	engagements = post_engagements(fcinfo);
	size = count_arg(fcinfo, 4, audience);

	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	state->num += engagements;
	state->den += size;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(er_reach_transfn);
Datum
er_reach_transfn(PG_FUNCTION_ARGS)
{
	return engagement_sums_transfn(fcinfo, "reach");
}

PG_FUNCTION_INFO_V1(er_view_transfn);
Datum
er_view_transfn(PG_FUNCTION_ARGS)
{
	return engagement_sums_transfn(fcinfo, "views");
}

/*
 * The per-post rate 100 * (likes + comments + shares) / followers, summed
 * with compensation and counted; er_post divides by the count, er_day does
 * not.  Posts with followers = 0 have no rate and are skipped.
 */
PG_FUNCTION_INFO_V1(post_rate_transfn);
Datum
post_rate_transfn(PG_FUNCTION_ARGS)
{
	MeanState  *state;
	int128		engagements;
	int64		followers;

	if (any_arg_null(fcinfo, 1, 4))
		RETURN_STATE_UNCHANGED();
	engagements = post_engagements(fcinfo);
	followers = count_arg(fcinfo, 4, "followers");

	if (followers == 0)
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(MeanState));
	mean_add(state, percent_of(engagements, followers));
	PG_RETURN_POINTER(state);
}

/* Σshares and the number of posts */
PG_FUNCTION_INFO_V1(amplification_rate_transfn);
Datum
amplification_rate_transfn(PG_FUNCTION_ARGS)
{
	RatioState *state;
	int64		shares;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	shares = count_arg(fcinfo, 1, "shares");

	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	state->num += shares;
	state->den += 1;
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(post_rate_mean_finalfn);
Datum
post_rate_mean_finalfn(PG_FUNCTION_ARGS)
{
	MeanState  *state = (MeanState *) PG_GETARG_POINTER(0);

	if (state->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean_total(state) / state->count);
}

PG_FUNCTION_INFO_V1(post_rate_sum_finalfn);
Datum
post_rate_sum_finalfn(PG_FUNCTION_ARGS)
{
	MeanState  *state = (MeanState *) PG_GETARG_POINTER(0);

	if (state->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean_total(state));
}
