/*
 * ratio_state.h
 *		RatioState, the state of every "ratio of sums" aggregate: er_reach,
 *		er_view, amplification_rate, both q12_index forms, q12_mean and
 *		percent_favourable; SQL type engagement_ratio_state, text form
 *		v2(num,den).  Its operations are in ratio_state.c, but for the
 *		per-row addition, which runs inline.
 *
 * Invariant (check_ratio): both sums between 0 and STATE_SUM_LIMIT.
 */
#ifndef ENGAGEMENT_RATIO_STATE_H
#define ENGAGEMENT_RATIO_STATE_H

#include "common.h"

typedef struct RatioState
{
	int128		num;
	int128		den;
} RatioState;

struct StateParser;
struct StringInfoData;

/*
 * The per-row additions come in two forms: a *_try_add that runs inline and
 * either adds the row or, leaving the state as it was, returns false (a sum
 * would pass its limit, a value needs rounding); and a plain *_add, out of
 * the per-row path, that adds or reports the error.  The transition
 * functions try inline and fall back to the out-of-line form, so their
 * common path makes no call and needs no stack frame.
 */
/* a row adds less than 2^66 to a sum of counts */
#define ROW_SUM_HEADROOM_HIGH ((UINT64CONST(1) << 56) - 4)

static inline bool
ratio_try_add(RatioState *state, int128 num, int64 den)
{
	/*
	 * Sums below 2^120 - 2^66 stay below 2^120; the test needs only their
	 * high halves, and sums nearer the limit take the exact test out of line.
	 */
	if (unlikely((((uint64) (state->num >> 64)) | ((uint64) (state->den >> 64))) >=
				 ROW_SUM_HEADROOM_HIGH))
		return false;
	int128_add_in_place(&state->num, (uint64) num, (uint64) (num >> 64));
	int128_add_in_place(&state->den, (uint64) den, 0);
	return true;
}

static inline void
ratio_add(RatioState *state, int128 num, int64 den)
{
	if (!ratio_try_add(state, num, den))
		report_sum_out_of_range();
}

extern void ratio_subtract(RatioState *state, int128 num, int64 den);
extern void ratio_merge(RatioState *into, const RatioState *from);
/* the inverse of ratio_merge: takes back a part merged before */
extern void ratio_unmerge(RatioState *from, const RatioState *part);

extern void check_ratio(const RatioState *state, const char *type_name, bool binary);
extern void parse_ratio(struct StateParser *parser, RatioState *state);
extern void append_ratio(struct StringInfoData *buf, const RatioState *state);
extern void recv_ratio(struct StringInfoData *buf, RatioState *state, const char *type_name);
extern void send_ratio(struct StringInfoData *buf, const RatioState *state);

/*
 * A transition function's last step: add the row to its state in place,
 * or, when that is not possible inline, out of line (to a copy for a direct
 * call, reporting any error).  With no call left on the per-row path, the
 * caller needs no stack frame for it.  ratio_remove_row is the step of an
 * inverse transition function.
 */
extern Datum ratio_add_to_copy(FunctionCallInfo fcinfo, int128 num, int64 den);
extern Datum ratio_remove_row(FunctionCallInfo fcinfo, int128 num, int64 den);

static inline Datum
ratio_add_row(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	if (unlikely(!agg_state_in_place(fcinfo)) ||
		!ratio_try_add((RatioState *) PG_GETARG_POINTER(0), num, den))
		return ratio_add_to_copy(fcinfo, num, den);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/*
 * The value final functions and accessors return, NULL when nothing was
 * counted: a ratio state as a percent.
 */
#define RETURN_RATIO_PERCENT(ratio) \
	do { \
		if ((ratio)->den == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(percent_of((ratio)->num, (ratio)->den)); \
	} while (0)

#endif							/* ENGAGEMENT_RATIO_STATE_H */
