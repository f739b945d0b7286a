/*
 * nps_state.h
 *		NpsState, the state of enps: promoters (9-10), passives (7-8) and
 *		detractors (0-6) of a 0-10 question (SQL type engagement_nps_state,
 *		text form v2(promoters,passives,detractors)).  A row adds or takes
 *		back one answer inline; the rest is in nps_state.c.
 *
 * Invariant (check_nps): every count not negative, and the answers of all
 * three fit in a bigint.
 */
#ifndef ENGAGEMENT_NPS_STATE_H
#define ENGAGEMENT_NPS_STATE_H

#include "common.h"

#define NPS_MAX 10
#define PROMOTER_MIN 9
#define DETRACTOR_MAX 6

typedef struct NpsState
{
	int64		promoters;
	int64		passives;
	int64		detractors;
} NpsState;

/* the count a score from 0 to NPS_MAX goes to */
static inline int64 *
nps_group(NpsState *state, int64 score)
{
	if (score >= PROMOTER_MIN)
		return &state->promoters;
	if (score > DETRACTOR_MAX)
		return &state->passives;
	return &state->detractors;
}

static inline void
nps_add(NpsState *state, int64 score)
{
	int64	   *group = nps_group(state, score);

	/* the invariant keeps the total within a bigint: 2^63 answers reach it */
	if (unlikely(state->promoters + state->passives + state->detractors == PG_INT64_MAX))
		report_bigint_out_of_range();
	(*group)++;
}

static inline void
nps_subtract(NpsState *state, int64 score)
{
	int64	   *group = nps_group(state, score);

	if (*group == 0)
		report_never_added();
	(*group)--;
}

extern void nps_merge(NpsState *into, const NpsState *from);

#endif							/* ENGAGEMENT_NPS_STATE_H */
