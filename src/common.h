/*
 * common.h
 *		What every part of the extension shares and that knows no state
 *		type: the includes and version differences, the argument readers and
 *		their errors, percent_of, the in-place update of an aggregate state,
 *		and arrays read where they lie (common.c).
 */
#ifndef ENGAGEMENT_COMMON_H
#define ENGAGEMENT_COMMON_H

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

/* errors for bad arguments; the argument name is the SQL one */
pg_noreturn extern void report_negative_count(const char *argname, int64 value) pg_attribute_noreturn();
pg_noreturn extern void report_negative_double(const char *argname, double value) pg_attribute_noreturn();
pg_noreturn extern void report_not_finite(const char *argname, double value) pg_attribute_noreturn();
pg_noreturn extern void report_bigint_out_of_range(void) pg_attribute_noreturn();

/*
 * A count given as text, what an untyped parameter or a quoted literal
 * resolves to (the text forms exist so that such calls resolve), read as
 * a whole number that fits a bigint: its "width" is none of an integer
 * type's, and its arithmetic that of a bigint.
 */
#define ARG_TEXT_WIDTH 16
extern int64 text_arg_as_bigint(FunctionCallInfo fcinfo, int argno, const char *argname);

/*
 * An integer argument of the given width in bytes (2, 4 or 8; or text,
 * ARG_TEXT_WIDTH), widened to 64 bits: the aggregates have smallint, integer and bigint overloads so
 * that integer columns need no cast per row, and all of them read their
 * arguments through this.
 */
static inline int64
int_arg_width(FunctionCallInfo fcinfo, int argno, const char *argname, int width)
{
	if (width == ARG_TEXT_WIDTH)
		return text_arg_as_bigint(fcinfo, argno, argname);
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
	int64		value = int_arg_width(fcinfo, argno, argname, width);

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

/* for a transition function that skips its row */
#define RETURN_STATE_UNCHANGED() \
	do { \
		if (PG_ARGISNULL(0)) \
			PG_RETURN_NULL(); \
		PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
	} while (0)

/*
 * The inverse transition functions of moving-aggregate mode (window frames
 * whose start moves) take back one row's terms, exactly, since every sum is
 * an integer or an exact fixed-point sum.  Taking back what the state does
 * not hold is ERROR 22023.
 */
pg_noreturn extern void report_never_added(void) pg_attribute_noreturn();

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

/* element i of an array's packed non-NULL values, of 2 or 4 bytes (smallint, integer) */
static inline int64
array_int_element(const char *values, int i, int width)
{
	if (width == 2)
	{
		int16		value;

		memcpy(&value, values + i * 2, sizeof(value));
		return value;
	}
	return read_int32(values + i * 4);
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

#endif							/* ENGAGEMENT_COMMON_H */
