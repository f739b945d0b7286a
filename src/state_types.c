/*
 * state_types.c
 *		The SQL types that hold aggregate states, so that partial aggregates
 *		can travel between processes and nodes: text and binary forms, the
 *		invariant of each, merging, and the values final functions read.
 *
 * Text forms (format version 2; documented in doc/formats.md):
 *		engagement_ratio_state	v2(num,den)
 *		engagement_mean_state	v2(count,whole,fraction,engagements,min_followers,max_followers)
 *		engagement_index_state	v2(count,whole,fraction) three times
 * where whole + fraction / 2^128 is an exact sum.  Version 1.1 wrote
 * (num,den), (count,sum,comp) and nine numbers for the index state, with
 * sum + comp a compensated sum of doubles; they are still read.
 *
 * Invariant of every state, checked on input and receive and kept by every
 * function that builds one: counts and sums are not negative and at most
 * STATE_SUM_LIMIT (counts at most 2^63 - 1); a sum of no values is 0; a
 * rate state with no posts has no engagements and no follower count, and
 * one with posts has either the one follower count all its posts had (in
 * both min and max) and their engagements, or none (0, 0 and 0: the posts
 * had several counts, or the value came from 1.1).
 */
#include "engagement.h"

#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "parser/scansup.h"
#include "utils/builtins.h"

/* text */

void
report_bad_state_text(StateParser *parser)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					parser->type_name, parser->input)));
}

/* a value no aggregate could produce: 22P02 in text, 22P03 in binary */
void
report_bad_state(const char *type_name, bool binary, const char *why)
{
	ereport(ERROR,
			(errcode(binary ? ERRCODE_INVALID_BINARY_REPRESENTATION :
					 ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid value for type %s", type_name),
			 errdetail("%s", why)));
}

static void
skip_spaces(StateParser *parser)
{
	while (scanner_isspace(*parser->pos))
		parser->pos++;
}

/* "vN" before the list, or 1 for the unversioned 1.1 form */
int
parse_version(StateParser *parser)
{
	int			version = 0;

	skip_spaces(parser);
	if (*parser->pos != 'v')
		return 1;
	parser->pos++;
	while (*parser->pos >= '0' && *parser->pos <= '9' && version < 1000)
		version = version * 10 + (*parser->pos++ - '0');
	if (version != STATE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						parser->type_name, parser->input),
				 errdetail("Format version %d is not one this version of engagement reads.",
						   version)));
	return version;
}

void
expect_char(StateParser *parser, char c)
{
	skip_spaces(parser);
	if (*parser->pos != c)
		report_bad_state_text(parser);
	parser->pos++;
}

/* a non-negative decimal integer below 2^128 */
static uint128
parse_uint128(StateParser *parser)
{
	uint128		value = 0;
	const char *start;

	skip_spaces(parser);
	start = parser->pos;
	while (*parser->pos >= '0' && *parser->pos <= '9')
	{
		int			digit = *parser->pos - '0';

		if (value > (~(uint128) 0 - digit) / 10)
			report_bad_state_text(parser);
		value = value * 10 + digit;
		parser->pos++;
	}
	if (parser->pos == start)
		report_bad_state_text(parser);
	return value;
}

/* a non-negative decimal integer no larger than STATE_SUM_LIMIT */
int128
parse_count(StateParser *parser)
{
	uint128		value = parse_uint128(parser);

	if (value > (uint128) STATE_SUM_LIMIT)
		report_bad_state_text(parser);
	return (int128) value;
}

/* a signed 64-bit integer, e.g. a time in microseconds */
int64
parse_int64(StateParser *parser)
{
	bool		negative;
	int128		magnitude;

	skip_spaces(parser);
	negative = *parser->pos == '-';
	if (negative)
		parser->pos++;
	magnitude = parse_count(parser);
	if (magnitude > (negative ? -(int128) PG_INT64_MIN : PG_INT64_MAX))
		report_bad_state_text(parser);
	return (int64) (negative ? -magnitude : magnitude);
}

/* whether the next character but spaces is c, which stays unread */
bool
parse_at(StateParser *parser, char c)
{
	skip_spaces(parser);
	return *parser->pos == c;
}

int64
parse_int64_count(StateParser *parser)
{
	int128		value = parse_count(parser);

	if (value > PG_INT64_MAX)
		report_bad_state_text(parser);
	return (int64) value;
}

/* a finite double in plain decimal or exponent notation */
double
parse_double(StateParser *parser)
{
	char		token[64];
	size_t		length;
	char	   *end;
	double		value;

	skip_spaces(parser);
	length = strspn(parser->pos, "0123456789+-.eE");
	if (length == 0 || length >= sizeof(token))
		report_bad_state_text(parser);
	memcpy(token, parser->pos, length);
	token[length] = '\0';
	errno = 0;
	value = strtod(token, &end);
	if (end != token + length || !isfinite(value))
		report_bad_state_text(parser);
	parser->pos += length;
	return value;
}

void
expect_end(StateParser *parser)
{
	expect_char(parser, ')');
	skip_spaces(parser);
	if (*parser->pos != '\0')
		report_bad_state_text(parser);
}

void
append_version(StringInfo buf)
{
	appendStringInfo(buf, "v%d", STATE_FORMAT_VERSION);
}

static void
append_uint128(StringInfo buf, uint128 value)
{
	char		digits[40];
	int			n = 0;

	do
	{
		digits[n++] = '0' + (int) (value % 10);
		value /= 10;
	} while (value > 0);
	while (n > 0)
		appendStringInfoChar(buf, digits[--n]);
}

void
append_count(StringInfo buf, int128 value)
{
	Assert(value >= 0);
	append_uint128(buf, (uint128) value);
}

/* binary */

/* the format version, telling 1.1's unversioned form by its length */
int
recv_version(StringInfo buf, int length_1_1, const char *type_name)
{
	int			version;

	if (buf->len - buf->cursor == length_1_1)
		return 1;
	if (buf->len - buf->cursor < 1)
		report_bad_state(type_name, true, "The value is empty.");
	version = (unsigned char) buf->data[buf->cursor++];
	if (version != STATE_FORMAT_VERSION)
		report_bad_state(type_name, true,
						 "The format version is not one this version of engagement reads.");
	return version;
}

static void
recv_need(StringInfo buf, int bytes, const char *type_name)
{
	if (buf->len - buf->cursor < bytes)
		report_bad_state(type_name, true, "The value is shorter than its format.");
}

void
recv_end(StringInfo buf, const char *type_name)
{
	if (buf->cursor != buf->len)
		report_bad_state(type_name, true, "The value is longer than its format.");
}

int64
recv_int64(StringInfo buf, const char *type_name)
{
	recv_need(buf, 8, type_name);
	return pq_getmsgint64(buf);
}

double
recv_float8(StringInfo buf, const char *type_name)
{
	recv_need(buf, 8, type_name);
	return pq_getmsgfloat8(buf);
}

static uint128
recv_uint128(StringInfo buf, const char *type_name)
{
	uint64		high = (uint64) recv_int64(buf, type_name);
	uint64		low = (uint64) recv_int64(buf, type_name);

	return ((uint128) high << 64) | low;
}

int128
recv_int128(StringInfo buf, const char *type_name)
{
	return (int128) recv_uint128(buf, type_name);
}

static void
send_uint128(StringInfo buf, uint128 value)
{
	pq_sendint64(buf, (int64) (uint64) (value >> 64));
	pq_sendint64(buf, (int64) (uint64) value);
}

void
send_int128(StringInfo buf, int128 value)
{
	send_uint128(buf, (uint128) value);
}

/* ratio of sums: er_reach, er_view, amplification_rate, q12_index */

void
check_ratio(const RatioState *state, const char *type_name, bool binary)
{
	if (state->num < 0 || state->den < 0 ||
		state->num > STATE_SUM_LIMIT || state->den > STATE_SUM_LIMIT)
		report_bad_state(type_name, binary, "Sums must be between 0 and 2^120.");
}

void
parse_ratio(StateParser *parser, RatioState *state)
{
	state->num = parse_count(parser);
	expect_char(parser, ',');
	state->den = parse_count(parser);
}

void
append_ratio(StringInfo buf, const RatioState *state)
{
	append_count(buf, state->num);
	appendStringInfoChar(buf, ',');
	append_count(buf, state->den);
}

void
recv_ratio(StringInfo buf, RatioState *state, const char *type_name)
{
	state->num = recv_int128(buf, type_name);
	state->den = recv_int128(buf, type_name);
	check_ratio(state, type_name, true);
}

void
send_ratio(StringInfo buf, const RatioState *state)
{
	send_int128(buf, state->num);
	send_int128(buf, state->den);
}

void
ratio_merge(RatioState *into, const RatioState *from)
{
	into->num += from->num;
	into->den += from->den;
	if (into->num > STATE_SUM_LIMIT || into->den > STATE_SUM_LIMIT)
		report_sum_out_of_range();
}

/* exact means: engagement_index, love and talk rate */

void
check_mean(const MeanState *state, const char *type_name, bool binary)
{
	if (state->count < 0)
		report_bad_state(type_name, binary, "A count must not be negative.");
	if (state->sum.whole > (uint128) STATE_SUM_LIMIT)
		report_bad_state(type_name, binary, "A sum must be below 2^120.");
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
parse_mean_1_1(StateParser *parser, MeanState *state)
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
recv_mean_1_1(StringInfo buf, MeanState *state, const char *type_name)
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

bool
mean_value(const MeanState *state, double *mean)
{
	if (state->count == 0)
		return false;
	*mean = fixed_quotient(&state->sum, (uint128) state->count);
	return true;
}

/* per-post rates: er_post and er_day */

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

/* SQL functions of the three state types */

PG_FUNCTION_INFO_V1(engagement_ratio_state_in);
Datum
engagement_ratio_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, "engagement_ratio_state"};
	RatioState *state = palloc(sizeof(RatioState));

	parse_version(&parser);
	expect_char(&parser, '(');
	parse_ratio(&parser, state);
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_out);
Datum
engagement_ratio_state_out(PG_FUNCTION_ARGS)
{
	RatioState *state = (RatioState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	appendStringInfoChar(&buf, '(');
	append_ratio(&buf, state);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_recv);
Datum
engagement_ratio_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RatioState *state = palloc(sizeof(RatioState));

	recv_version(buf, 32, "engagement_ratio_state");
	recv_ratio(buf, state, "engagement_ratio_state");
	recv_end(buf, "engagement_ratio_state");
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_send);
Datum
engagement_ratio_state_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	send_ratio(&buf, (RatioState *) PG_GETARG_POINTER(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(ratio_state_combine);
Datum
ratio_state_combine(PG_FUNCTION_ARGS)
{
	RatioState *state;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(RatioState));
	ratio_merge(state, (RatioState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(state);
}

/* 100 * num / den; NULL when nothing was counted in the denominator */
PG_FUNCTION_INFO_V1(ratio_percent_finalfn);
Datum
ratio_percent_finalfn(PG_FUNCTION_ARGS)
{
	RETURN_RATIO_PERCENT((RatioState *) PG_GETARG_POINTER(0));
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
		parse_mean_1_1(&parser, &state->rates);
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
		recv_mean_1_1(buf, &state->rates, MEAN_STATE_TYPE);
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

/* engagement_index_state: three exact means; _v2 as for the mean state */
#define INDEX_STATE_TYPE "engagement_index_state"

PG_FUNCTION_INFO_V1(engagement_index_state_in_v2);
Datum
engagement_index_state_in_v2(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, INDEX_STATE_TYPE};
	IndexState *state = palloc0(sizeof(IndexState));
	MeanState  *means[] = {&state->work, &state->management, &state->events};
	int			version = parse_version(&parser);

	for (size_t i = 0; i < lengthof(means); i++)
	{
		expect_char(&parser, i == 0 ? '(' : ',');
		if (version == 1)
			parse_mean_1_1(&parser, means[i]);
		else
			parse_mean(&parser, means[i]);
	}
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_out_v2);
Datum
engagement_index_state_out_v2(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	const MeanState *means[] = {&state->work, &state->management, &state->events};
	StringInfoData buf;

	initStringInfo(&buf);
	append_version(&buf);
	for (size_t i = 0; i < lengthof(means); i++)
	{
		appendStringInfoChar(&buf, i == 0 ? '(' : ',');
		append_mean(&buf, means[i]);
	}
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_index_state_recv_v2);
Datum
engagement_index_state_recv_v2(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IndexState *state = palloc0(sizeof(IndexState));
	MeanState  *means[] = {&state->work, &state->management, &state->events};
	int			version = recv_version(buf, 72, INDEX_STATE_TYPE);

	for (size_t i = 0; i < lengthof(means); i++)
	{
		if (version == 1)
			recv_mean_1_1(buf, means[i], INDEX_STATE_TYPE);
		else
			recv_mean(buf, means[i], INDEX_STATE_TYPE);
	}
	recv_end(buf, INDEX_STATE_TYPE);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_send_v2);
Datum
engagement_index_state_send_v2(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	send_mean(&buf, &state->work);
	send_mean(&buf, &state->management);
	send_mean(&buf, &state->events);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(index_state_combine_v2);
Datum
index_state_combine_v2(PG_FUNCTION_ARGS)
{
	IndexState *state;
	IndexState *other;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	other = (IndexState *) PG_GETARG_POINTER(1);
	state = agg_state_for_update(fcinfo, sizeof(IndexState));
	mean_merge(&state->work, &other->work);
	mean_merge(&state->management, &other->management);
	mean_merge(&state->events, &other->events);
	PG_RETURN_POINTER(state);
}
