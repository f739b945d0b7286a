/*
 * state_types.c
 *		The SQL types that hold aggregate states, so that partial aggregates
 *		can travel between processes and nodes: text and binary forms,
 *		combine functions and the final function shared by every ratio of
 *		sums.
 *
 * Text forms (stable; documented in the README):
 *		engagement_ratio_state	(num,den)
 *		engagement_mean_state	(count,sum,comp)
 *		engagement_index_state	(count,sum,comp,count,sum,comp,count,sum,comp)
 * Integers are decimal, doubles are the shortest text that reads back to
 * the same double, so every state round-trips exactly.
 */
#include "engagement.h"

#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "parser/scansup.h"
#include "utils/builtins.h"

void
report_bad_state_text(StateParser *parser)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					parser->type_name, parser->input)));
}

void
report_bad_state(const char *type_name, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid value for type %s", type_name),
			 errdetail("%s", why)));
}

void
expect_char(StateParser *parser, char c)
{
	while (scanner_isspace(*parser->pos))
		parser->pos++;
	if (*parser->pos != c)
		report_bad_state_text(parser);
	parser->pos++;
}

/* a non-negative decimal integer no larger than STATE_SUM_LIMIT */
int128
parse_count(StateParser *parser)
{
	int128		value = 0;
	const char *start;

	while (scanner_isspace(*parser->pos))
		parser->pos++;
	start = parser->pos;
	while (*parser->pos >= '0' && *parser->pos <= '9')
	{
		value = value * 10 + (*parser->pos - '0');
		if (value > STATE_SUM_LIMIT)
			report_bad_state_text(parser);
		parser->pos++;
	}
	if (parser->pos == start)
		report_bad_state_text(parser);
	return value;
}

/* a finite double in plain decimal or exponent notation */
static double
parse_double(StateParser *parser)
{
	char		token[64];
	size_t		length;
	char	   *end;
	double		value;

	while (scanner_isspace(*parser->pos))
		parser->pos++;
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
	while (scanner_isspace(*parser->pos))
		parser->pos++;
	if (*parser->pos != '\0')
		report_bad_state_text(parser);
}

void
append_count(StringInfo buf, int128 value)
{
	char		digits[40];
	int			n = 0;

	Assert(value >= 0);
	do
	{
		digits[n++] = '0' + (int) (value % 10);
		value /= 10;
	} while (value > 0);
	while (n > 0)
		appendStringInfoChar(buf, digits[--n]);
}

static void
append_double(StringInfo buf, double value)
{
	char		text[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, text);
	appendStringInfoString(buf, text);
}

int128
checked_sum(int128 a, int128 b)
{
	int128		sum;

	if (__builtin_add_overflow(a, b, &sum) || sum > STATE_SUM_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate sum out of range")));
	return sum;
}

void
send_int128(StringInfo buf, int128 value)
{
	pq_sendint64(buf, (int64) (value >> 64));
	pq_sendint64(buf, (int64) (uint64) value);
}

int128
recv_int128(StringInfo buf)
{
	int64		high = pq_getmsgint64(buf);
	uint64		low = (uint64) pq_getmsgint64(buf);

	return (int128) (((uint128) high << 64) | low);
}

/* engagement_ratio_state, and three of them in engagement_stats */

static void
check_ratio_state(const RatioState *state, const char *type_name)
{
	if (state->num < 0 || state->den < 0 ||
		state->num > STATE_SUM_LIMIT || state->den > STATE_SUM_LIMIT)
		report_bad_state(type_name, "Sums must be between 0 and 2^120.");
}

/* num,den: parse_count already bounds both to [0, STATE_SUM_LIMIT] */
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
	state->num = recv_int128(buf);
	state->den = recv_int128(buf);
	check_ratio_state(state, type_name);
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
	into->num = checked_sum(into->num, from->num);
	into->den = checked_sum(into->den, from->den);
}

void
mean_merge(MeanState *into, const MeanState *from)
{
	int64		count;

	if (pg_add_s64_overflow(into->count, from->count, &count))
		report_bigint_out_of_range();
	mean_add(into, from->sum);
	into->comp += from->comp;
	into->count = count;
}

double
mean_total(const MeanState *state)
{
	double		total = state->sum + state->comp;

	if (!isfinite(total))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range: overflow")));
	return total;
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_in);
Datum
engagement_ratio_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, "engagement_ratio_state"};
	RatioState *state = palloc(sizeof(RatioState));

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

	recv_ratio(buf, state, "engagement_ratio_state");
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_ratio_state_send);
Datum
engagement_ratio_state_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
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

/* engagement_mean_state, and three of them in engagement_index_state */

static void
check_mean_state(const MeanState *state, const char *type_name)
{
	if (state->count < 0)
		report_bad_state(type_name, "A count must not be negative.");
	if (state->sum < 0)
		report_bad_state(type_name, "A sum must not be negative.");
	if (state->count == 0 && (state->sum != 0 || state->comp != 0))
		report_bad_state(type_name, "A sum of no values must be 0.");
}

void
parse_mean(StateParser *parser, MeanState *state)
{
	int128		count = parse_count(parser);

	if (count > PG_INT64_MAX)
		report_bad_state_text(parser);
	state->count = (int64) count;
	expect_char(parser, ',');
	state->sum = parse_double(parser);
	expect_char(parser, ',');
	state->comp = parse_double(parser);
	check_mean_state(state, parser->type_name);
}

void
append_mean(StringInfo buf, const MeanState *state)
{
	append_count(buf, state->count);
	appendStringInfoChar(buf, ',');
	append_double(buf, state->sum);
	appendStringInfoChar(buf, ',');
	append_double(buf, state->comp);
}

void
recv_mean(StringInfo buf, MeanState *state, const char *type_name)
{
	state->count = pq_getmsgint64(buf);
	state->sum = pq_getmsgfloat8(buf);
	state->comp = pq_getmsgfloat8(buf);
	if (!isfinite(state->sum) || !isfinite(state->comp))
		report_bad_state(type_name, "A sum must be a finite number.");
	check_mean_state(state, type_name);
}

void
send_mean(StringInfo buf, const MeanState *state)
{
	pq_sendint64(buf, state->count);
	pq_sendfloat8(buf, state->sum);
	pq_sendfloat8(buf, state->comp);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_in);
Datum
engagement_mean_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, "engagement_mean_state"};
	MeanState  *state = palloc(sizeof(MeanState));

	expect_char(&parser, '(');
	parse_mean(&parser, state);
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_out);
Datum
engagement_mean_state_out(PG_FUNCTION_ARGS)
{
	MeanState  *state = (MeanState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	append_mean(&buf, state);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_recv);
Datum
engagement_mean_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	MeanState  *state = palloc(sizeof(MeanState));

	recv_mean(buf, state, "engagement_mean_state");
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_mean_state_send);
Datum
engagement_mean_state_send(PG_FUNCTION_ARGS)
{
	MeanState  *state = (MeanState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	send_mean(&buf, state);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(mean_state_combine);
Datum
mean_state_combine(PG_FUNCTION_ARGS)
{
	MeanState  *state;

	if (PG_ARGISNULL(1))
		RETURN_STATE_UNCHANGED();
	state = agg_state_for_update(fcinfo, sizeof(MeanState));
	mean_merge(state, (MeanState *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_in);
Datum
engagement_index_state_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	StateParser parser = {text, text, "engagement_index_state"};
	IndexState *state = palloc(sizeof(IndexState));

	expect_char(&parser, '(');
	parse_mean(&parser, &state->work);
	expect_char(&parser, ',');
	parse_mean(&parser, &state->management);
	expect_char(&parser, ',');
	parse_mean(&parser, &state->events);
	expect_end(&parser);
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_out);
Datum
engagement_index_state_out(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '(');
	append_mean(&buf, &state->work);
	appendStringInfoChar(&buf, ',');
	append_mean(&buf, &state->management);
	appendStringInfoChar(&buf, ',');
	append_mean(&buf, &state->events);
	appendStringInfoChar(&buf, ')');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(engagement_index_state_recv);
Datum
engagement_index_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IndexState *state = palloc(sizeof(IndexState));

	recv_mean(buf, &state->work, "engagement_index_state");
	recv_mean(buf, &state->management, "engagement_index_state");
	recv_mean(buf, &state->events, "engagement_index_state");
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(engagement_index_state_send);
Datum
engagement_index_state_send(PG_FUNCTION_ARGS)
{
	IndexState *state = (IndexState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	send_mean(&buf, &state->work);
	send_mean(&buf, &state->management);
	send_mean(&buf, &state->events);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(index_state_combine);
Datum
index_state_combine(PG_FUNCTION_ARGS)
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
