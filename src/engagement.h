/*
 * engagement.h
 *		Shared definitions of the engagement extension: aggregate states,
 *		argument checks and the percent helper every rate goes through.
 */
#ifndef ENGAGEMENT_H
#define ENGAGEMENT_H

#include "postgres.h"

#include <math.h>

#include "common/int.h"
#include "fmgr.h"
#include "nodes/nodes.h"

#include "compat.h"

#ifndef HAVE_INT128
#error "engagement needs a compiler with a 128-bit integer type"
#endif

/*
 * State of every "ratio of sums" aggregate: er_reach, er_view,
 * amplification_rate and both q12_index forms.  SQL type
 * engagement_ratio_state, text form (num,den).
 */
typedef struct RatioState
{
	int128		num;
	int128		den;
} RatioState;

/*
 * A compensated (Neumaier) running sum of non-negative doubles and how many
 * values went into it; the value of the sum is sum + comp.  SQL type
 * engagement_mean_state, text form (count,sum,comp); state of er_post and
 * er_day.
 */
typedef struct MeanState
{
	int64		count;
	double		sum;
	double		comp;
} MeanState;

/* State of engagement_index: one mean per indicator. */
typedef struct IndexState
{
	MeanState	work;
	MeanState	management;
	MeanState	events;
} IndexState;

/* errors for bad arguments; the argument name is the SQL one */
pg_noreturn extern void report_negative_count(const char *argname, int64 value) pg_attribute_noreturn();
pg_noreturn extern void report_negative_double(const char *argname, double value) pg_attribute_noreturn();
pg_noreturn extern void report_not_finite(const char *argname, double value) pg_attribute_noreturn();
pg_noreturn extern void report_bigint_out_of_range(void) pg_attribute_noreturn();

/*
 * An integer argument of the given width in bytes (2, 4 or 8), widened to
 * 64 bits: the aggregates have smallint, integer and bigint overloads so
 * that integer columns need no cast per row, and all of them read their
 * arguments through this.
 */
static inline int64
int_arg_width(FunctionCallInfo fcinfo, int argno, int width)
{
	if (width == 2)
		return PG_GETARG_INT16(argno);
	if (width == 4)
		return PG_GETARG_INT32(argno);
	return PG_GETARG_INT64(argno);
}

/* the same, for a count: negative is an error naming the argument */
static inline int64
count_arg_width(FunctionCallInfo fcinfo, int argno, const char *argname, int width)
{
	int64		value = int_arg_width(fcinfo, argno, width);

	if (unlikely(value < 0))
		report_negative_count(argname, value);
	return value;
}

static inline int64
count_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	return count_arg_width(fcinfo, argno, argname, 8);
}

/* a double argument that must be finite and not negative */
static inline double
score_arg(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	double		value = PG_GETARG_FLOAT8(argno);

	if (unlikely(!isfinite(value)))
		report_not_finite(argname, value);
	if (unlikely(value < 0))
		report_negative_double(argname, value);
	return value;
}

/*
 * 100 * num / den as a double; den must not be 0.  Multiplying before the
 * conversion keeps the result correctly rounded whenever 100 * num and den
 * both fit in 53 bits, which covers every count a real account produces.
 * The callers bound num far below 2^120, so 100 * num cannot overflow.
 */
static inline double
percent_of(int128 num, int128 den)
{
	int64		scaled;

	/* the same rounding, without libgcc's 128-bit conversion, when all fits in 64 bits */
	if (likely(num == (int64) num && den == (int64) den &&
			   !pg_mul_s64_overflow((int64) num, 100, &scaled)))
		return (double) scaled / (double) (int64) den;
	return (double) (num * 100) / (double) den;
}

/* one row's terms; sums from rows stay far below STATE_SUM_LIMIT */
static inline void
ratio_add(RatioState *state, int128 num, int64 den)
{
	state->num += num;
	state->den += den;
}

static inline void
mean_add(MeanState *state, double value)
{
	double		total = state->sum + value;

	if (fabs(state->sum) >= fabs(value))
		state->comp += (state->sum - total) + value;
	else
		state->comp += (value - total) + state->sum;
	state->sum = total;
	state->count++;
}

extern void mean_merge(MeanState *into, const MeanState *from);
extern double mean_total(const MeanState *state);

/*
 * The values final functions and accessors return, NULL when nothing was
 * counted: a ratio state as a percent, a mean state as its mean or its sum.
 */
#define RETURN_RATIO_PERCENT(ratio) \
	do { \
		if ((ratio)->den == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(percent_of((ratio)->num, (ratio)->den)); \
	} while (0)

#define RETURN_MEAN(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean_total(mean) / (mean)->count); \
	} while (0)

#define RETURN_MEAN_SUM(mean) \
	do { \
		if ((mean)->count == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(mean_total(mean)); \
	} while (0)

/*
 * The state an aggregate transition or combine function may update: the
 * argument itself when called as an aggregate (nodeAgg keeps it in the
 * aggregate context), a copy otherwise, so a direct call never scribbles
 * on its input.  A NULL state starts from zeros.  The common case is
 * decided inline because it runs once per row.
 */
extern void *agg_state_copy(FunctionCallInfo fcinfo, Size size);

static inline bool
agg_state_in_place(FunctionCallInfo fcinfo)
{
	return !PG_ARGISNULL(0) && fcinfo->context != NULL &&
		IsA(fcinfo->context, AggState);
}

static inline void *
agg_state_for_update(FunctionCallInfo fcinfo, Size size)
{
	if (likely(agg_state_in_place(fcinfo)))
		return PG_GETARG_POINTER(0);
	return agg_state_copy(fcinfo, size);
}

/*
 * A transition function's last step: add the row to its state in place,
 * or to a copy out of line.  With no call left on the per-row path, the
 * caller needs no stack frame for it.
 */
extern Datum ratio_add_to_copy(FunctionCallInfo fcinfo, int128 num, int64 den);
extern Datum mean_add_to_copy(FunctionCallInfo fcinfo, double value);

static inline Datum
ratio_add_row(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	if (unlikely(!agg_state_in_place(fcinfo)))
		return ratio_add_to_copy(fcinfo, num, den);
	ratio_add((RatioState *) PG_GETARG_POINTER(0), num, den);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

static inline Datum
mean_add_row(FunctionCallInfo fcinfo, double value)
{
	if (unlikely(!agg_state_in_place(fcinfo)))
		return mean_add_to_copy(fcinfo, value);
	mean_add((MeanState *) PG_GETARG_POINTER(0), value);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

/* for a transition function that skips its row */
#define RETURN_STATE_UNCHANGED() \
	do { \
		if (PG_ARGISNULL(0)) \
			PG_RETURN_NULL(); \
		PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
	} while (0)

/*
 * Text and binary forms of the states (state_types.c).  Text forms are
 * parenthesised lists of decimal integers and shortest round-trip doubles.
 */

/*
 * Bound on the sums a state may hold, well below the 2^127 / 100 at which
 * percent_of would overflow: a group needs 2^54 rows to pass it from
 * transition functions alone, so only input and combine check it.
 */
#define STATE_SUM_LIMIT (((int128) 1) << 120)

typedef struct StateParser
{
	const char *input;
	const char *pos;
	const char *type_name;
} StateParser;

struct StringInfoData;

pg_noreturn extern void report_bad_state_text(StateParser *parser) pg_attribute_noreturn();
pg_noreturn extern void report_bad_state(const char *type_name, const char *why) pg_attribute_noreturn();
extern void expect_char(StateParser *parser, char c);
extern void expect_end(StateParser *parser);
extern int128 parse_count(StateParser *parser);
extern void parse_ratio(StateParser *parser, RatioState *state);
extern void parse_mean(StateParser *parser, MeanState *state);
extern void append_count(struct StringInfoData *buf, int128 value);
extern void append_ratio(struct StringInfoData *buf, const RatioState *state);
extern void append_mean(struct StringInfoData *buf, const MeanState *state);
extern void send_int128(struct StringInfoData *buf, int128 value);
extern int128 recv_int128(struct StringInfoData *buf);
extern void send_ratio(struct StringInfoData *buf, const RatioState *state);
extern void recv_ratio(struct StringInfoData *buf, RatioState *state, const char *type_name);
extern void send_mean(struct StringInfoData *buf, const MeanState *state);
extern void recv_mean(struct StringInfoData *buf, MeanState *state, const char *type_name);
extern void ratio_merge(RatioState *into, const RatioState *from);
extern int128 checked_sum(int128 a, int128 b);

#endif							/* ENGAGEMENT_H */
