/*
 * interval_state.h
 *		IntervalState, the state of the interval aggregates (SQL type
 *		engagement_interval_state): the units counted, their spread sums, and
 *		the constants every row of the group must share: the confidence level
 *		and, for the Q12, the headcount (0: none).  Its operations are in
 *		interval_state.c, but for the per-row addition, which runs inline.
 *
 * Text form v2(n,headcount,confidence,e,r,ee,rr,er).
 *
 * Invariant (check_interval): counts not negative and the spread sums
 * valid for n units; no units and all 0, or a confidence between 0 and 1
 * and no more units than a headcount.
 */
#ifndef ENGAGEMENT_INTERVAL_STATE_H
#define ENGAGEMENT_INTERVAL_STATE_H

#include "spread_sums.h"

#include "utils/float.h"

/* the confidence of an interval aggregate called without one */
#define DEFAULT_CONFIDENCE 0.95

typedef struct IntervalState
{
	int64		n;
	int64		headcount;
	double		confidence;
	SpreadSums	sums;
} IntervalState;

/*
 * Adds a unit inline when the state is the aggregate's own and already has
 * units of the same confidence and no headcount, e and r are below 2^60
 * (so their products need no overflow test) and no sum passes 2^120;
 * false, with the state as it was, otherwise.
 */
static pg_attribute_always_inline bool
interval_try_add(FunctionCallInfo fcinfo, int128 e, int64 r, double confidence)
{
	IntervalState *state;
	SpreadSums *sums;
	uint64		ue;

	if (unlikely(!agg_state_in_place(fcinfo)))
		return false;
	state = (IntervalState *) PG_GETARG_POINTER(0);
	sums = &state->sums;
	if (unlikely(state->n <= 0 || state->n == PG_INT64_MAX || state->confidence != confidence ||
				 state->headcount != 0 || (e >> 60) != 0 || (r >> 60) != 0))
		return false;
	ue = (uint64) e;
	sums->e += e;
	sums->r += r;
	sums->ee += (int128) ((uint128) ue * ue);
	sums->rr += (int128) ((uint128) (uint64) r * (uint64) r);
	sums->er += (int128) ((uint128) ue * (uint64) r);
	if (unlikely(((sums->e | sums->r | sums->ee | sums->rr | sums->er) >> 120) != 0))
	{
		sums->e -= e;
		sums->r -= r;
		sums->ee -= (int128) ((uint128) ue * ue);
		sums->rr -= (int128) ((uint128) (uint64) r * (uint64) r);
		sums->er -= (int128) ((uint128) ue * (uint64) r);
		return false;
	}
	state->n++;
	return true;
}

/*
 * The steps interval_try_add cannot make: a unit added, or (remove) taken
 * back, with the constants of its group checked against the state's; and
 * the units of another state merged.  In the header as they were in the
 * file of the transition functions (for the Q12 every row takes them).
 */
/* the state to update, and the constants of its group checked against a row's */
static inline IntervalState *
interval_state(FunctionCallInfo fcinfo, double confidence, int64 headcount)
{
	IntervalState *state = agg_state_for_update(fcinfo, sizeof(IntervalState));

	if (state->n == 0)
	{
		confidence_z(confidence);
		state->confidence = confidence;
		state->headcount = headcount;
	}
	else if (state->confidence != confidence)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("confidence must be the same on every row of a group"),
				 errdetail("Values: %s and %s.", float8out_internal(state->confidence),
						   float8out_internal(confidence))));
	else if (state->headcount != headcount)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("headcount must be the same on every row of a group"),
				 errdetail("Values: " INT64_FORMAT " and " INT64_FORMAT ".",
						   state->headcount, headcount)));
	return state;
}

/* n units and their sums join a state: a row, or another state */
static inline void
interval_add(IntervalState *state, int64 n, const SpreadSums *sums)
{
	if (pg_add_s64_overflow(state->n, n, &state->n))
		report_bigint_out_of_range();
	if (!spread_try_merge(&state->sums, sums, 1))
		report_sum_out_of_range();
	if (state->headcount > 0 && state->n > state->headcount)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("headcount must be at least the number of respondents"),
				 errdetail("headcount: " INT64_FORMAT ", respondents: " INT64_FORMAT ".",
						   state->headcount, state->n)));
}

static inline Datum
interval_unit(FunctionCallInfo fcinfo, int128 e, int128 r, double confidence, int64 headcount,
			  bool remove)
{
	IntervalState *state = interval_state(fcinfo, confidence, headcount);
	SpreadSums	unit;

	if (!spread_unit(e, r, &unit))
		report_sum_out_of_range();
	if (remove)
	{
		if (state->n == 0 || !spread_try_merge(&state->sums, &unit, -1) ||
			!spread_valid(&state->sums, state->n - 1))
			report_never_added();
		if (--state->n == 0)
			state->confidence = 0, state->headcount = 0;
		PG_RETURN_POINTER(state);
	}
	interval_add(state, 1, &unit);
	PG_RETURN_POINTER(state);
}

/*
 * The constants of a row's group, from argument argno on (after its
 * answers): a headcount (headcount_width 8 for bigint, 4 for integer, 0 for
 * none, giving 0), at least 1; then a confidence, if has_confidence (else
 * DEFAULT_CONFIDENCE).  The caller has skipped a row with a NULL.
 */
static inline void
interval_group_args(FunctionCallInfo fcinfo, int argno, int headcount_width, bool has_confidence,
					int64 *headcount, double *confidence)
{
	*headcount = 0;
	*confidence = DEFAULT_CONFIDENCE;
	if (headcount_width > 0)
	{
		*headcount = int_arg_width(fcinfo, argno++, "headcount", headcount_width);
		if (*headcount < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("headcount must be at least 1"),
					 errdetail("Value: " INT64_FORMAT ".", *headcount)));
	}
	if (has_confidence)
		*confidence = PG_GETARG_FLOAT8(argno);
}

/* the interval in percent; false (NULL) for fewer than 2 units or Σr = 0 */
extern bool interval_bounds(const IntervalState *state, bool proportion,
							double *lower, double *upper);

/* its half-width in percent of Σe/Σr, for a final function that clamps otherwise */
extern bool interval_half_width(const IntervalState *state, double *half);

#endif							/* ENGAGEMENT_INTERVAL_STATE_H */
