/*
 * index_state.h
 *		IndexState, the state of engagement_index: one mean per indicator
 *		(SQL type engagement_index_state, text form v2(count,whole,fraction)
 *		three times; 1.1 wrote nine numbers, three (count,sum,comp)).  A
 *		row adds to or takes from each mean with mean_add and mean_subtract;
 *		the rest is in index_state.c.
 *
 * Invariant (check_index): that of each of its means.
 */
#ifndef ENGAGEMENT_INDEX_STATE_H
#define ENGAGEMENT_INDEX_STATE_H

#include "mean_state.h"

typedef struct IndexState
{
	MeanState	work;
	MeanState	management;
	MeanState	events;
} IndexState;

extern void index_merge(IndexState *into, const IndexState *from);
extern void check_index(const IndexState *state, const char *type_name, bool binary);

/* work + management + events, each the mean of its own values; false when one has none */
extern bool index_value(const IndexState *state, double *index);

/* the input function, which the superseded 1.1 name shares (superseded.c) */
extern Datum engagement_index_state_in_v2(PG_FUNCTION_ARGS);

#endif							/* ENGAGEMENT_INDEX_STATE_H */
