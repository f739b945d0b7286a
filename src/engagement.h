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
#include "utils/array.h"

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
 * An exact sum of non-negative doubles: a fixed-point number with 128 bits
 * each side of the binary point, value = whole + fraction / 2^128 (exact.c).
 * The per-row path adds to it 64 bits at a time, as limb[0] (lowest) to
 * limb[3]: the same bytes on a little-endian machine, and the layout is
 * only ever read through one of the two names within one function.
 */
#ifdef WORDS_BIGENDIAN
#define FIXED_LIMB(n) (3 - (n))
#else
#define FIXED_LIMB(n) (n)
#endif
#define FIXED_TOP_LIMB FIXED_LIMB(3)

/*
 * The 64-bit halves of a non-negative 128-bit sum, for adding to it in
 * memory: the per-row path then needs fewer registers (and no stack frame)
 * than with a 128-bit addition.  PostgreSQL builds with
 * -fno-strict-aliasing, which this relies on.
 */
#ifdef WORDS_BIGENDIAN
#define INT128_LOW_HALF 1
#define INT128_HIGH_HALF 0
#else
#define INT128_LOW_HALF 0
#define INT128_HIGH_HALF 1
#endif

static inline void
int128_add_in_place(int128 *sum, uint64 low, uint64 high)
{
	uint64	   *half = (uint64 *) sum;

	half[INT128_HIGH_HALF] += high +
		__builtin_add_overflow(half[INT128_LOW_HALF], low, &half[INT128_LOW_HALF]);
}

typedef union FixedSum
{
	struct
	{
#ifdef WORDS_BIGENDIAN
		uint128		whole;
		uint128		fraction;
#else
		uint128		fraction;
		uint128		whole;
#endif
	};
	uint64		limb[4];
} FixedSum;

/*
 * How many values and their exact sum.  SQL type engagement_index_state
 * holds three (work, management, events); engagement_stats holds one each
 * for love and talk rate.
 */
typedef struct MeanState
{
	int64		count;
	FixedSum	sum;
} MeanState;

/*
 * The per-post rates 100 * (likes + comments + shares) / followers of
 * er_post and er_day (SQL type engagement_mean_state), and what makes them
 * exact when every post shares one follower count: that count (in both
 * min_followers and max_followers) and the engagements of the posts.  Both
 * counts are 0, and the engagements too, when nothing was counted, when the
 * posts had several follower counts, and for a value written by 1.1.
 */
typedef struct RateState
{
	MeanState	rates;
	int128		engagements;
	int64		min_followers;
	int64		max_followers;
} RateState;

/*
 * What an interval needs beyond a ratio of sums: the exact sums of e, r,
 * their squares and their products over the units (posts, respondents) of
 * a group, e the numerator and r the denominator of each unit (intervals.c).
 */
typedef struct SpreadSums
{
	int128		e;
	int128		r;
	int128		ee;
	int128		rr;
	int128		er;
} SpreadSums;

/* State of engagement_index: one mean per indicator. */
typedef struct IndexState
{
	MeanState	work;
	MeanState	management;
	MeanState	events;
} IndexState;

/*
 * The two-step summary engagement_stats (engagement_stats.c), a varlena
 * so that later formats can be longer: every count and sum the SMM
 * aggregates need for a group of posts.  Every field is an integer, so two
 * summaries of the same posts are identical byte for byte, whatever the
 * order in which the posts were added or the summaries merged.
 */
typedef struct EngagementStats
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	int32		version;		/* STATE_FORMAT_VERSION */
	int64		posts;			/* every input row */
	int64		volume_posts;	/* rows with likes, comments and shares */
	int128		volume;			/* Σ(likes + comments + shares) over them */
	RatioState	reach;			/* er_reach: Σ engagements, Σ reach */
	RatioState	views;			/* er_view: Σ engagements, Σ views */
	RatioState	shares;			/* amplification_rate: Σ shares, posts */
	RateState	post_rate;		/* er_post, er_day */
	MeanState	love;			/* love_rate */
	MeanState	talk;			/* talk_rate */
	/*
	 * For er_reach_interval(s) and er_view_interval(s): the posts counted
	 * by er_reach and er_view and their spread sums (whose e and r are the
	 * sums of reach and views above).  spread_known is 0, and the rest 0,
	 * for a value written before 1.2 kept them.
	 */
	int64		spread_known;
	int64		reach_units;
	SpreadSums	reach_spread;
	int64		view_units;
	SpreadSums	view_spread;
} EngagementStats;

extern EngagementStats *stats_new(void);

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

/*
 * Bound on the sums a state may hold, well below the 2^127 / 100 at which
 * percent_of would overflow.  Rows reach it only after 2^54 of them at the
 * largest counts, but a state given as input or to a direct call may start
 * near it, so every addition checks it.
 */
#define STATE_SUM_LIMIT (((int128) 1) << 120)

pg_noreturn extern void report_sum_out_of_range(void) pg_attribute_noreturn();

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

/*
 * A finite non-negative double added to an exact sum, for the values from
 * 2^-11 to below 2^63 (every per-post rate in practice) while the sum is
 * below 2^119: false, and nothing added, for the others, which
 * fixed_add_double adds (exactly, or rounded below 2^-128) or rejects.
 *
 * Such a value splits exactly into its integer part, below 2^63, and its
 * fraction, whose bits all lie at 2^-63 or above: the two go into limbs 2
 * and 1 with a conversion each, and the carry runs on into limb 3.
 */
static pg_attribute_always_inline bool
fixed_try_add_double_below_limit(FixedSum *sum, double value)
{
	uint64		bits;
	int64		whole;
	uint64		fraction;
	bool		carry;

	memcpy(&bits, &value, sizeof(bits));
	if (bits == 0)
		return true;
	if (unlikely((unsigned) ((bits >> 52) - (1023 - 11)) >= 11 + 63))
		return false;
	whole = (int64) value;
	fraction = (uint64) (int64) ((value - (double) whole) * 9223372036854775808.0) << 1;
	carry = __builtin_add_overflow(sum->limb[FIXED_LIMB(1)], fraction, &sum->limb[FIXED_LIMB(1)]);
	carry = __builtin_add_overflow(sum->limb[FIXED_LIMB(2)], (uint64) whole + carry,
								   &sum->limb[FIXED_LIMB(2)]);
	sum->limb[FIXED_LIMB(3)] += carry;
	return true;
}

/* (the sum below 2^119, tested with a shift rather than a 64-bit constant) */
#define FIXED_HAS_ROOM(sum) (((sum)->limb[FIXED_TOP_LIMB] >> 55) == 0)

static pg_attribute_always_inline bool
fixed_try_add_double(FixedSum *sum, double value)
{
	return likely(FIXED_HAS_ROOM(sum)) && fixed_try_add_double_below_limit(sum, value);
}

extern void fixed_add_double(FixedSum *sum, double value);
extern void fixed_subtract_double(FixedSum *sum, double value);
extern void fixed_add(FixedSum *sum, const FixedSum *other);
extern double fixed_quotient(const FixedSum *sum, uint128 divisor);
extern double exact_quotient(uint128 numerator, uint128 denominator);

extern void mean_add(MeanState *state, double value);

static pg_attribute_always_inline bool
rate_try_add(RateState *state, double rate, int64 engagements, int64 followers)
{
	int64		count;

	/* the sums stay below 2^120 while they are below 2^119 (one test for both) */
	if (unlikely(__builtin_add_overflow(state->rates.count, 1, &count) ||
				 (((uint64) (state->engagements >> 64) | state->rates.sum.limb[FIXED_TOP_LIMB]) >> 55) != 0) ||
		!fixed_try_add_double_below_limit(&state->rates.sum, rate))
		return false;
	state->rates.count = count;
	if (count == 1)
	{
		state->engagements = (uint64) engagements;
		state->min_followers = state->max_followers = followers;
	}
	else if (likely(state->min_followers == followers))
		int128_add_in_place(&state->engagements, (uint64) engagements, 0);
	else if (state->min_followers != 0)
	{
		/* a second follower count: the exact one-count result is gone */
		state->engagements = 0;
		state->min_followers = state->max_followers = 0;
	}
	return true;
}

extern void rate_add(RateState *state, double rate, int128 engagements, int64 followers);

extern void mean_merge(MeanState *into, const MeanState *from);
extern void rate_merge(RateState *into, const RateState *from);
extern void ratio_merge(RatioState *into, const RatioState *from);

/* results: NULL (false) when nothing was counted */
extern bool mean_value(const MeanState *state, double *mean);
extern bool rate_mean(const RateState *state, double *mean);
extern bool rate_sum(const RateState *state, double *sum);

/*
 * The values final functions and accessors return, NULL when nothing was
 * counted: a ratio state as a percent.
 */
#define RETURN_RATIO_PERCENT(ratio) \
	do { \
		if ((ratio)->den == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_FLOAT8(percent_of((ratio)->num, (ratio)->den)); \
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
	if (PG_ARGISNULL(0) || fcinfo->context == NULL)
		return false;
	/* a plain aggregate first: the one test its rows pay */
	if (likely(IsA(fcinfo->context, AggState)))
		return true;
	return IsA(fcinfo->context, WindowAggState);
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
 * or, when that is not possible inline, out of line (to a copy for a direct
 * call, reporting any error).  With no call left on the per-row path, the
 * caller needs no stack frame for it.
 */
extern Datum ratio_add_to_copy(FunctionCallInfo fcinfo, int128 num, int64 den);
extern Datum rate_add_to_copy(FunctionCallInfo fcinfo, double rate, int128 engagements,
							  int64 followers);

static inline Datum
ratio_add_row(FunctionCallInfo fcinfo, int128 num, int64 den)
{
	if (unlikely(!agg_state_in_place(fcinfo)) ||
		!ratio_try_add((RatioState *) PG_GETARG_POINTER(0), num, den))
		return ratio_add_to_copy(fcinfo, num, den);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}


/*
 * The inverse transition functions of moving-aggregate mode (window frames
 * whose start moves): they take back one row's terms, exactly, since every
 * sum is an integer or an exact fixed-point sum.  Taking back what the
 * state does not hold is ERROR 22023.
 */
pg_noreturn extern void report_never_added(void) pg_attribute_noreturn();
extern Datum ratio_remove_row(FunctionCallInfo fcinfo, int128 num, int64 den);
extern Datum rate_remove_row(FunctionCallInfo fcinfo, double rate, int128 engagements,
							 int64 followers);
extern void ratio_subtract(RatioState *state, int128 num, int64 den);
extern void mean_subtract(MeanState *state, double value);
extern void rate_subtract(RateState *state, double rate, int128 engagements, int64 followers);
extern void ratio_unmerge(RatioState *from, const RatioState *part);
extern void mean_unmerge(MeanState *from, const MeanState *part);

/* for a transition function that skips its row */
#define RETURN_STATE_UNCHANGED() \
	do { \
		if (PG_ARGISNULL(0)) \
			PG_RETURN_NULL(); \
		PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
	} while (0)

/*
 * Text and binary forms of the states (state_types.c), and the checks that
 * every value read or built keeps its type's invariant.
 *
 * Text: "v2(...)", a parenthesised list of decimal integers after the
 * format version; version 1.1 wrote the list without a version.  Binary:
 * one byte of format version, then the fields in the same order; 1.1 wrote
 * the fields alone, and its lengths (32, 24, 72 and 200 bytes) are never
 * those of a later format, which is how the two are told apart.
 */
#define STATE_FORMAT_VERSION 2

typedef struct StateParser
{
	const char *input;
	const char *pos;
	const char *type_name;
} StateParser;

struct StringInfoData;

pg_noreturn extern void report_bad_state_text(StateParser *parser) pg_attribute_noreturn();
pg_noreturn extern void report_bad_state(const char *type_name, bool binary,
										 const char *why) pg_attribute_noreturn();
extern int	parse_version(StateParser *parser);
extern void expect_char(StateParser *parser, char c);
extern void expect_end(StateParser *parser);
extern int128 parse_count(StateParser *parser);
extern int64 parse_int64_count(StateParser *parser);
extern int64 parse_int64(StateParser *parser);
extern bool parse_at(StateParser *parser, char c);
extern double parse_double(StateParser *parser);
extern void parse_ratio(StateParser *parser, RatioState *state);
extern void parse_mean(StateParser *parser, MeanState *state);
extern void parse_rate(StateParser *parser, RateState *state);
extern void parse_mean_1_1(StateParser *parser, MeanState *state);
extern void mean_from_1_1(MeanState *state, int64 count, double sum, double comp,
						  const char *type_name, bool binary);
extern void append_version(struct StringInfoData *buf);
extern void append_count(struct StringInfoData *buf, int128 value);
extern void append_ratio(struct StringInfoData *buf, const RatioState *state);
extern void append_mean(struct StringInfoData *buf, const MeanState *state);
extern void append_rate(struct StringInfoData *buf, const RateState *state);

extern int	recv_version(struct StringInfoData *buf, int length_1_1, const char *type_name);
extern void recv_end(struct StringInfoData *buf, const char *type_name);
extern int64 recv_int64(struct StringInfoData *buf, const char *type_name);
extern int128 recv_int128(struct StringInfoData *buf, const char *type_name);
extern double recv_float8(struct StringInfoData *buf, const char *type_name);
extern void recv_ratio(struct StringInfoData *buf, RatioState *state, const char *type_name);
extern void recv_mean(struct StringInfoData *buf, MeanState *state, const char *type_name);
extern void recv_rate(struct StringInfoData *buf, RateState *state, const char *type_name);
extern void recv_mean_1_1(struct StringInfoData *buf, MeanState *state, const char *type_name);
extern void send_int128(struct StringInfoData *buf, int128 value);
extern void send_ratio(struct StringInfoData *buf, const RatioState *state);
extern void send_mean(struct StringInfoData *buf, const MeanState *state);
extern void send_rate(struct StringInfoData *buf, const RateState *state);

/* the 1.2 input functions, which the superseded 1.1 names share */
extern Datum engagement_mean_state_in_v2(PG_FUNCTION_ARGS);
extern Datum engagement_index_state_in_v2(PG_FUNCTION_ARGS);

extern void check_ratio(const RatioState *state, const char *type_name, bool binary);
extern void check_mean(const MeanState *state, const char *type_name, bool binary);
extern void check_rate(const RateState *state, const char *type_name, bool binary);

/*
 * A one-dimensional array argument read where it lies: PG_GETARG_ARRAYTYPE_P
 * would copy every array stored with a short header (survey answers all
 * are).  A short header only drops three bytes in front of the array; the
 * layout behind it is unchanged, so the fields are read with memcpy at
 * their usual offsets less the length word.  The non-NULL elements are
 * packed in values; nulls is NULL when no element is NULL.
 */
typedef struct ArrayView
{
	int32		ndim;
	int32		nitems;
	const bits8 *nulls;
	const char *values;
} ArrayView;

static inline int32
read_int32(const char *p)
{
	int32		value;

	memcpy(&value, p, sizeof(value));
	return value;
}

static inline void
array_view(Datum datum, ArrayView *view)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(datum);
	const char *body;
	int32		dataoffset;

	if (VARATT_IS_EXTERNAL(raw) || VARATT_IS_COMPRESSED(raw))
		raw = pg_detoast_datum(raw);
	body = VARDATA_ANY(raw);
	view->ndim = read_int32(body + offsetof(ArrayType, ndim) - VARHDRSZ);
	dataoffset = read_int32(body + offsetof(ArrayType, dataoffset) - VARHDRSZ);
	view->nitems = view->ndim == 0 ? 0 : read_int32(body + sizeof(ArrayType) - VARHDRSZ);
	if (dataoffset == 0)
	{
		view->nulls = NULL;
		view->values = body + ARR_OVERHEAD_NONULLS(1) - VARHDRSZ;
	}
	else
	{
		view->nulls = (const bits8 *) (body + sizeof(ArrayType) + 2 * sizeof(int) - VARHDRSZ);
		view->values = body + dataoffset - VARHDRSZ;
	}
}

/* intervals (intervals.c) */
extern double confidence_z(double confidence);
extern Datum percent_range_datum(FunctionCallInfo fcinfo, double lower, double upper);
extern bool spread_try_step(SpreadSums *sums, int128 e, int128 r, int sign);
extern bool spread_try_merge(SpreadSums *into, const SpreadSums *from, int sign);
extern bool ratio_interval(const SpreadSums *sums, int64 n, double z, int64 headcount,
						   bool proportion, double *lower, double *upper);
extern void count_q12_answers(Datum datum, int64 *yes, int64 *answered);
extern bool spread_valid(const SpreadSums *sums, int64 n);
extern void stats_forget_spread(EngagementStats *stats);

#endif							/* ENGAGEMENT_H */
