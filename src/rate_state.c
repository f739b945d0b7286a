/*
 * rate_state.c
 *		The per-post rates of er_post and er_day (rate_state.h): adding and
 *		taking back a post, merging, the mean and sum, the invariant, the
 *		text and binary forms, and the SQL functions of the type
 *		engagement_mean_state.
 */
#include "rate_state.h"

#include "state_io.h"

#include "libpq/pqformat.h"

/*
 * One post, out of line: as the merge of a state holding that post alone,
 * which checks every limit and keeps the follower count as a merge does.
 */
void
rate_add(RateState *state, double rate, int128 engagements, int64 followers)
{
	RateState	post;

	if (engagements == (int64) engagements &&
		rate_try_add(state, rate, (int64) engagements, followers))
		return;
	memset(&post, 0, sizeof(post));
	post.rates.count = 1;
	fixed_add_double(&post.rates.sum, rate);
	post.engagements = engagements;
	post.min_followers = post.max_followers = followers;
	rate_merge(state, &post);
}

/*
 * Once posts with a second follower count came, the state no longer knows
 * the counts, and does not learn them again when those posts leave: it
 * then keeps using the exact sum of the per-post rates, not the exact
 * one-count form.  The empty state is the canonical one again.
 */
void
rate_subtract(RateState *state, double rate, int128 engagements, int64 followers)
{
	mean_subtract(&state->rates, rate);
	if (state->min_followers != 0)
	{
		if (state->engagements < engagements || followers != state->min_followers)
			report_never_added();
		state->engagements -= engagements;
	}
	if (state->rates.count == 0)
	{
		state->engagements = 0;
		state->min_followers = state->max_followers = 0;
	}
}

void
check_rate(const RateState *state, const char *type_name, bool binary)
{
	check_mean(&state->rates, type_name, binary);
	if (state->engagements < 0 || state->engagements > STATE_SUM_LIMIT)
		report_bad_state(type_name, binary, "Engagements must be between 0 and 2^120.");
	if (state->min_followers == 0 && state->max_followers == 0)
	{
		if (state->engagements != 0)
			report_bad_state(type_name, binary,
							 "Engagements are counted only with a follower count.");
	}
	else if (state->rates.count == 0 || state->min_followers < 1 ||
			 state->max_followers != state->min_followers)
		report_bad_state(type_name, binary,
						 "The follower count must be the same at both ends, at least 1, and only with posts.");
	else
	{
		/*
		 * One follower count: the sum of the per-post rates is 100 times the
		 * engagements over it, to the rounding of each post's rate (half an
		 * ulp of each, so 2^-53 of the total; 2^-50 leaves room for the two
		 * conversions compared here)
		 */
		double		rates = fixed_quotient(&state->rates.sum, 1);
		double		exact = exact_quotient((uint128) state->engagements * 100,
										   (uint128) state->min_followers);

		if (fabs(rates - exact) > ldexp(exact, -50))
			report_bad_state(type_name, binary,
							 "The sum of the rates disagrees with the engagements and the follower count.");
	}
}

void
parse_rate(StateParser *parser, RateState *state)
{
	parse_mean(parser, &state->rates);
	expect_char(parser, ',');
	state->engagements = parse_count(parser);
	expect_char(parser, ',');
	state->min_followers = parse_int64_count(parser);
	expect_char(parser, ',');
	state->max_followers = parse_int64_count(parser);
	check_rate(state, parser->type_name, false);
}

void
append_rate(StringInfo buf, const RateState *state)
{
	append_mean(buf, &state->rates);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->engagements);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->min_followers);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->max_followers);
}

void
recv_rate(StringInfo buf, RateState *state, const char *type_name)
{
	recv_mean(buf, &state->rates, type_name);
	state->engagements = recv_int128(buf, type_name);
	state->min_followers = recv_int64(buf, type_name);
	state->max_followers = recv_int64(buf, type_name);
	check_rate(state, type_name, true);
}

void
send_rate(StringInfo buf, const RateState *state)
{
	send_mean(buf, &state->rates);
	send_int128(buf, state->engagements);
	pq_sendint64(buf, state->min_followers);
	pq_sendint64(buf, state->max_followers);
}

void
rate_merge(RateState *into, const RateState *from)
{
	bool		into_empty = into->rates.count == 0;

	if (from->rates.count == 0)
		return;
	mean_merge(&into->rates, &from->rates);
	if (into_empty)
	{
		into->engagements = from->engagements;
		into->min_followers = from->min_followers;
		into->max_followers = from->max_followers;
	}
	else if (into->min_followers != 0 && into->min_followers == from->min_followers)
	{
		into->engagements += from->engagements;
		if (into->engagements > STATE_SUM_LIMIT)
			report_sum_out_of_range();
	}
	else
	{
		/* two follower counts, or one side's is not known */
		into->engagements = 0;
		into->min_followers = into->max_followers = 0;
	}
}

/*
 * The mean per-post rate.  When every post had the same follower count f,
 * it is 100 * engagements / (f * posts) correctly rounded, as the scalar
 * er_post of the totals; otherwise the exact sum of the per-post rates
 * (each correctly rounded) divided by the count, rounded once.
 */
bool
rate_mean(const RateState *state, double *mean)
{
	if (state->rates.count == 0)
		return false;
	if (state->min_followers != 0 && state->min_followers == state->max_followers)
		*mean = exact_quotient((uint128) state->engagements * 100,
							   (uint128) state->min_followers * (uint128) state->rates.count);
	else
		*mean = fixed_quotient(&state->rates.sum, (uint128) state->rates.count);
	return true;
}

/* the sum of the per-post rates: with one follower count, the scalar er_day of the totals */
bool
rate_sum(const RateState *state, double *sum)
{
	if (state->rates.count == 0)
		return false;
	if (state->min_followers != 0 && state->min_followers == state->max_followers)
		*sum = percent_of(state->engagements, state->min_followers);
	else
		*sum = fixed_quotient(&state->rates.sum, 1);
	return true;
}

/* a·b as a 192-bit number in two halves */
static void
multiply_wide(uint128 a, uint64 b, uint128 *high, uint128 *low)
{
	uint128		p0 = (uint128) (uint64) a * b;
	uint128		p1 = (uint128) (uint64) (a >> 64) * b;

	*low = p0 + (p1 << 64);
	*high = (p1 >> 64) + (*low < p0);
}

void
follower_tally_step(FollowerTally *tally, const RateState *part, int sign)
{
	int64		n = part->rates.count;
	uint128		f = (uint128) part->min_followers;
	uint128		high,
				low;

	if (n == 0)
		return;
	if (part->min_followers == 0)
	{
		tally->unknown_parts += sign;
		if (tally->unknown_parts < 0)
			report_never_added();
		return;
	}
	multiply_wide(f * f, (uint64) n, &high, &low);
	if (sign > 0)
	{
		if (__builtin_add_overflow(tally->posts, n, &tally->posts) ||
			__builtin_add_overflow(tally->engagements, (uint128) part->engagements,
								   &tally->engagements))
			report_sum_out_of_range();
		tally->followers += f * (uint64) n;
		tally->squares_high += high + (tally->squares_low + low < low);
		tally->squares_low += low;
		return;
	}
	if (tally->posts < n || tally->engagements < (uint128) part->engagements ||
		tally->followers < f * (uint64) n || tally->squares_high < high ||
		(tally->squares_high == high && tally->squares_low < low))
		report_never_added();
	tally->posts -= n;
	tally->engagements -= (uint128) part->engagements;
	tally->followers -= f * (uint64) n;
	tally->squares_high -= high + (tally->squares_low < low);
	tally->squares_low -= low;
}

void
rate_set_followers(RateState *state, const FollowerTally *tally)
{
	uint128		f,
				high,
				low;

	state->engagements = 0;
	state->min_followers = state->max_followers = 0;
	if (state->rates.count == 0 || tally->unknown_parts != 0 ||
		tally->posts != state->rates.count || tally->followers % (uint64) tally->posts != 0)
		return;
	f = tally->followers / (uint64) tally->posts;
	multiply_wide(f * f, (uint64) tally->posts, &high, &low);
	if (high != tally->squares_high || low != tally->squares_low)
		return;
	if (tally->engagements > STATE_SUM_LIMIT)
		report_sum_out_of_range();
	state->engagements = (int128) tally->engagements;
	state->min_followers = state->max_followers = (int64) f;
}

Datum
rate_add_to_copy(FunctionCallInfo fcinfo, double rate, int128 engagements, int64 followers)
{
	RateState  *state = agg_state_copy(fcinfo, sizeof(RateState));

	rate_add(state, rate, engagements, followers);
	PG_RETURN_POINTER(state);
}

Datum
rate_remove_row(FunctionCallInfo fcinfo, double rate, int128 engagements, int64 followers)
{
	RateState  *state = agg_state_for_update(fcinfo, sizeof(RateState));

	rate_subtract(state, rate, engagements, followers);
	PG_RETURN_POINTER(state);
}

/*
 * engagement_mean_state.  Its C functions carry _v2: a database still at
 * 1.1 calls the 1.1 names, which this library no longer has, and gets
 * "could not find function" until ALTER EXTENSION engagement UPDATE,
 * instead of reading the 24-byte 1.1 layout as this one.
 */
#define MEAN_STATE_TYPE "engagement_mean_state"

PG_FUNCTION_INFO_V1(engagement_mean_state_in_v2);
Datum
engagement_mean_state_in_v2(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, MEAN_STATE_TYPE};
	RateState  *state = palloc0(sizeof(RateState));

	if (parse_version(&parser) == 1)
	{
		expect_char(&parser, '(');
		parse_mean_from_1_1(&parser, &state->rates);
		check_rate(state, MEAN_STATE_TYPE, false);
	}
	else
	{
		expect_char(&parser, '(');
		parse_rate(&parser, state);
	}
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_out_v2);
Datum
engagement_mean_state_out_v2(PG_FUNCTION_ARGS)
{
	RateState  *state = (RateState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfoChar(&buf, '(');
	append_rate(&buf, state);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_recv_v2);
Datum
engagement_mean_state_recv_v2(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RateState  *state = palloc0(sizeof(RateState));

	if (recv_version(buf, 24, MEAN_STATE_TYPE) == 1)
	{
		recv_mean_from_1_1(buf, &state->rates, MEAN_STATE_TYPE);
		check_rate(state, MEAN_STATE_TYPE, true);
	}
	else
		recv_rate(buf, state, MEAN_STATE_TYPE);
	recv_end(buf, MEAN_STATE_TYPE);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_send_v2);
Datum
engagement_mean_state_send_v2(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	send_rate(&buf, (RateState *) PG_GETARG_POINTER(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(mean_state_combine_v2);
Datum
mean_state_combine_v2(PG_FUNCTION_ARGS)
{
	RateState  *state;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(RateState));
	rate_merge(state, (RateState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(state);
}
