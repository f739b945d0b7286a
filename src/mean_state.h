/*
 * mean_state.h
 *		MeanState, how many values and their exact sum: a part of the rate
 *		state (engagement_mean_state), three of the index state
 *		(engagement_index_state), and love and talk rate of engagement_stats.
 *		Its operations are in mean_state.c.
 *
 * Text form count,whole,fraction, where whole + fraction / 2^128 is the
 * exact sum.  Version 1.1 wrote count,sum,comp, with sum + comp a
 * compensated sum of doubles; the *_from_1_1 functions read it.
 *
 * Invariant (check_mean): the count not negative, the sum at most
 * STATE_SUM_LIMIT, and 0 for no values.
 */
#ifndef ENGAGEMENT_MEAN_STATE_H
#define ENGAGEMENT_MEAN_STATE_H

#include "fixed_sum.h"

typedef struct MeanState
{
	int64		count;
	FixedSum	sum;
} MeanState;

struct StateParser;
struct StringInfoData;

extern void mean_add(MeanState *state, double value);
extern void mean_subtract(MeanState *state, double value);
extern void mean_merge(MeanState *into, const MeanState *from);
/* the inverse of mean_merge: takes back a part merged before */
extern void mean_unmerge(MeanState *from, const MeanState *part);

/* the mean; false (NULL) when nothing was counted */
extern bool mean_value(const MeanState *state, double *mean);

extern void check_mean(const MeanState *state, const char *type_name, bool binary);
extern void parse_mean(struct StateParser *parser, MeanState *state);
extern void append_mean(struct StringInfoData *buf, const MeanState *state);
extern void recv_mean(struct StringInfoData *buf, MeanState *state, const char *type_name);
extern void send_mean(struct StringInfoData *buf, const MeanState *state);

/* a mean as 1.1 wrote it, read as the exact sum of the double 1.1 read from it */
extern void mean_from_1_1(MeanState *state, int64 count, double sum, double comp,
						  const char *type_name, bool binary);
extern void parse_mean_from_1_1(struct StateParser *parser, MeanState *state);
extern void recv_mean_from_1_1(struct StringInfoData *buf, MeanState *state,
							   const char *type_name);

#endif							/* ENGAGEMENT_MEAN_STATE_H */
