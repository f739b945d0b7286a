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
 * One unit added or (remove) taken back out of line, with the constants of
 * its group checked against the state's: the step of a transition function
 * that interval_try_add could not make.
 */
extern Datum interval_unit(FunctionCallInfo fcinfo, int128 e, int128 r, double confidence,
						   int64 headcount, bool remove);

/* the interval in percent; false (NULL) for fewer than 2 units or Σr = 0 */
extern bool interval_bounds(const IntervalState *state, bool proportion,
							double *lower, double *upper);

#endif							/* ENGAGEMENT_INTERVAL_STATE_H */
