/*
 * state_io.c
 *		The pieces of the text and binary forms of the state types
 *		(state_io.h): parsing and writing the format version, counts and
 *		128-bit integers, and the errors of a malformed or impossible value.
 */
#include "state_io.h"

#include "common/shortest_dec.h"
#include "libpq/pqformat.h"
#include "parser/scansup.h"

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
uint128
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

void
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

/*
 * A double in its shortest form that reads back to the same value, whatever
 * extra_float_digits says (float8out would round it at a setting of 0 or
 * less), so that a value's text reads back equal under any setting
 */
void
append_shortest_double(StringInfo buf, double value)
{
	char		digits[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, digits);
	appendStringInfoString(buf, digits);
}

/* binary */

/* the format version, telling 1.1's unversioned form by its length */
int
recv_version(StringInfo buf, int length_1_1, const char *type_name)
{
	int			version;

	/*
	 * 1.1 wrote the fields alone, and no count it held reached 2^56, so its
	 * first byte is 0; a value of another format cut or padded to that
	 * length starts with its version and is not read as 1.1.
	 */
	if (buf->len - buf->cursor == length_1_1 && buf->data[buf->cursor] == 0)
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

uint128
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

void
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
