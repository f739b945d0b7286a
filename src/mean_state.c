/*
 * mean_state.c
 *		The count and exact sum of values (mean_state.h): adding and taking
 *		back a value, merging, the mean, the invariant, and the text and
 *		binary forms of both format versions.
 */
#include "mean_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

void
mean_add(MeanState *state, double value)
{
	if (pg_add_s64_overflow(state->count, 1, &state->count))
		report_bigint_out_of_range();
	fixed_add_double(&state->sum, value);
}

void
mean_subtract(MeanState *state, double value)
{
	if (state->count == 0)
		report_never_added();
	fixed_subtract_double(&state->sum, value);
	if (--state->count == 0 && (state->sum.whole != 0 || state->sum.fraction != 0))
		report_never_added();
}

void
check_mean(const MeanState *state, const char *type_name, bool binary)
{
	if (state->count < 0)
		report_bad_state(type_name, binary, "A count must not be negative.");
	if (state->sum.whole > (uint128) STATE_SUM_LIMIT ||
		(state->sum.whole == (uint128) STATE_SUM_LIMIT && state->sum.fraction != 0))
		report_bad_state(type_name, binary, "A sum must be at most 2^120.");
	if (state->count == 0 && (state->sum.whole != 0 || state->sum.fraction != 0))
		report_bad_state(type_name, binary, "A sum of no values must be 0.");
}

void
parse_mean(StateParser *parser, MeanState *state)
{
	state->count = parse_int64_count(parser);
	expect_char(parser, ',');
	state->sum.whole = (uint128) parse_count(parser);
	expect_char(parser, ',');
	state->sum.fraction = parse_uint128(parser);
	check_mean(state, parser->type_name, false);
}

void
append_mean(StringInfo buf, const MeanState *state)
{
	append_count(buf, state->count);
	appendStringInfoChar(buf, ',');
	append_uint128(buf, state->sum.whole);
	appendStringInfoChar(buf, ',');
	append_uint128(buf, state->sum.fraction);
}

void
recv_mean(StringInfo buf, MeanState *state, const char *type_name)
{
	state->count = recv_int64(buf, type_name);
	state->sum.whole = recv_uint128(buf, type_name);
	state->sum.fraction = recv_uint128(buf, type_name);
	check_mean(state, type_name, true);
}

void
send_mean(StringInfo buf, const MeanState *state)
{
	pq_sendint64(buf, state->count);
	send_uint128(buf, state->sum.whole);
	send_uint128(buf, state->sum.fraction);
}

/*
 * A 1.1 mean, (count, sum, comp) with sum + comp a compensated sum, as an
 * exact sum of the double 1.1 read from it, so that every result is the
 * one 1.1 gave.  Checked as 1.1 should have: the value is a finite sum,
 * not negative, and 0 for no values.
 */
void
mean_from_1_1(MeanState *state, int64 count, double sum, double comp,
			  const char *type_name, bool binary)
{
	double		total = sum + comp;

	if (!isfinite(sum) || !isfinite(comp) || !isfinite(total) || sum < 0 || total < 0)
		report_bad_state(type_name, binary, "A sum must be a finite number, not negative.");
	if (count < 0)
		report_bad_state(type_name, binary, "A count must not be negative.");
	if (count == 0 && (sum != 0 || comp != 0))
		report_bad_state(type_name, binary, "A sum of no values must be 0.");
	if (total >= (double) STATE_SUM_LIMIT)
		report_bad_state(type_name, binary, "A sum must be below 2^120.");
	memset(&state->sum, 0, sizeof(state->sum));
	state->count = count;
	fixed_add_double(&state->sum, total);
}

void
parse_mean_from_1_1(StateParser *parser, MeanState *state)
{
	int64		count = parse_int64_count(parser);
	double		sum;
	double		comp;

	expect_char(parser, ',');
	sum = parse_double(parser);
	expect_char(parser, ',');
	comp = parse_double(parser);
	mean_from_1_1(state, count, sum, comp, parser->type_name, false);
}

void
recv_mean_from_1_1(StringInfo buf, MeanState *state, const char *type_name)
{
	int64		count = recv_int64(buf, type_name);
	double		sum = recv_float8(buf, type_name);
	double		comp = recv_float8(buf, type_name);

	mean_from_1_1(state, count, sum, comp, type_name, true);
}

void
mean_merge(MeanState *into, const MeanState *from)
{
	if (pg_add_s64_overflow(into->count, from->count, &into->count))
		report_bigint_out_of_range();
	fixed_add(&into->sum, &from->sum);
}

void
mean_unmerge(MeanState *from, const MeanState *part)
{
	uint128		borrow = from->sum.fraction < part->sum.fraction;

	if (from->count < part->count || from->sum.whole < part->sum.whole + borrow)
		report_never_added();
	from->count -= part->count;
	from->sum.fraction -= part->sum.fraction;
	from->sum.whole -= part->sum.whole + borrow;
	if (from->count == 0 && (from->sum.whole != 0 || from->sum.fraction != 0))
		report_never_added();
}

bool
mean_value(const MeanState *state, double *mean)
{
	if (state->count == 0)
		return false;
	*mean = fixed_quotient(&state->sum, (uint128) state->count);
	return true;
}
