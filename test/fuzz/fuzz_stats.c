/*
 * fuzz_stats.c
 *		Feeds engagement_stats' input functions what a careless or hostile
 *		client might send, through libpq: mutated and random strings to the
 *		text input, random and mutated bytes to the binary receive function.
 *		Every input must either parse (and then round-trip through its text
 *		form) or fail with a clean error, and the server must stay up.
 *
 *	fuzz_stats ITERATIONS SEED	(connection from the PG* environment)
 *
 * Prints one summary line; exits 1 on any crash, internal error (XX000) or
 * unexpected SQLSTATE.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libpq-fe.h"

static uint64_t rng_state;

/* xorshift64*: deterministic for a seed, so a failure can be replayed */
static uint64_t
next_random(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int
random_below(int n)
{
	return (int) (next_random() % (uint64_t) n);
}

/* valid summaries to mutate: empty, small, and with large sums */
static const char *seeds[] = {
	"(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)",
	"(3,2,85,85,1500,50,2000,3,3,2,15,0,2,9,0,2,1.6,0)",
	"(5,4,2305843009213693951,2305843009213693951,9223372036854775807,0,0,7,5,4,"
	"1.8446744073709552e+21,-262144,4,33.333333333333336,1.7763568394002505e-15,1,0.5,0)",
};

static const char *tokens[] = {
	"(", ")", ",", "-", "+", ".", "e", "E", "e+308", "e-400", "NaN", "Infinity",
	"-Infinity", "0x1p3", " ", "\t", "0", "1", "9223372036854775807",
	"9223372036854775808", "1329227995784915872903807060280344576",
	"99999999999999999999999999999999999999999", "1e400", "-0", "1.5e-320",
	",,", "((", "))", "\\", "'", "\"",
};

static void
mutate_text(char *buf, size_t size)
{
	size_t		len;

	snprintf(buf, size, "%s", seeds[random_below(sizeof(seeds) / sizeof(seeds[0]))]);
	for (int edits = 1 + random_below(4); edits > 0; edits--)
	{
		len = strlen(buf);
		switch (random_below(5))
		{
			case 0:				/* delete a span */
				if (len > 0)
				{
					size_t		at = random_below((int) len);
					size_t		n = 1 + random_below(8);

					if (at + n > len)
						n = len - at;
					memmove(buf + at, buf + at + n, len - at - n + 1);
				}
				break;
			case 1:				/* insert a token */
				{
					const char *t = tokens[random_below(sizeof(tokens) / sizeof(tokens[0]))];
					size_t		at = random_below((int) len + 1);
					size_t		tl = strlen(t);

					if (len + tl + 1 < size)
					{
						memmove(buf + at + tl, buf + at, len - at + 1);
						memcpy(buf + at, t, tl);
					}
				}
				break;
			case 2:				/* replace a character with a printable one */
				if (len > 0)
					buf[random_below((int) len)] = (char) (32 + random_below(95));
				break;
			case 3:				/* replace a digit with another */
				if (len > 0)
				{
					size_t		at = random_below((int) len);

					if (buf[at] >= '0' && buf[at] <= '9')
						buf[at] = (char) ('0' + random_below(10));
				}
				break;
			case 4:				/* truncate */
				buf[random_below((int) len + 1)] = '\0';
				break;
		}
	}
}

static void
random_text(char *buf, size_t size)
{
	int			len = random_below((int) size - 1);

	for (int i = 0; i < len; i++)
		buf[i] = (char) (1 + random_below(127));	/* ASCII: valid in any encoding */
	buf[len] = '\0';
}

static int	parsed,
			rejected,
			failures;

/* one input through $1::engagement_stats, in text (format 0) or binary (1) */
static void
try_input(PGconn *conn, const char *value, int length, int format)
{
	const char *values[1] = {value};
	int			lengths[1] = {length};
	int			formats[1] = {format};
	PGresult   *res;
	const char *state;

	res = PQexecPrepared(conn, format ? "binary" : "text", 1, values, lengths, formats, 0);
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
	{
		/* accepted: the text form must read back to the identical summary */
		if (strcmp(PQgetvalue(res, 0, 0), "t") != 0)
		{
			fprintf(stderr, "no round trip for input %s\n", format ? "(binary)" : value);
			failures++;
		}
		parsed++;
		PQclear(res);
		return;
	}
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (PQstatus(conn) != CONNECTION_OK || state == NULL)
	{
		fprintf(stderr, "connection lost: %s\n", PQerrorMessage(conn));
		exit(1);
	}
	/*
	 * text: 22P02.  binary: also PostgreSQL's own errors around the receive
	 * function, 08P01 for a message too short and 22P03 for bytes left over.
	 */
	if (strcmp(state, "22P02") == 0 ||
		(format == 1 && (strcmp(state, "08P01") == 0 || strcmp(state, "22P03") == 0)))
		rejected++;
	else
	{
		fprintf(stderr, "unexpected SQLSTATE %s: %s", state,
				PQresultErrorMessage(res));
		failures++;
	}
	PQclear(res);
}

int
main(int argc, char **argv)
{
	int			iterations = argc > 1 ? atoi(argv[1]) : 100000;
	PGconn	   *conn;
	PGresult   *res;
	char		text[512];
	char		bytes[256];
	char	   *sent;
	int			sent_length;
	unsigned int type_oid;
	char		check[256];

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) | 1 : 88172645463325252ULL;
	conn = PQconnectdb("");
	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "%s", PQerrorMessage(conn));
		return 1;
	}
	res = PQexec(conn, "SELECT 'engagement_stats'::regtype::oid");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		fprintf(stderr, "%s", PQerrorMessage(conn));
		return 1;
	}
	type_oid = (unsigned int) strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);

	snprintf(check, sizeof(check),
			 "SELECT $1::engagement_stats::text::engagement_stats = $1::engagement_stats");
	{
		Oid			types[1] = {type_oid};

		PQclear(PQprepare(conn, "text", check, 1, types));
		PQclear(PQprepare(conn, "binary", check, 1, types));
	}

	/* the binary form of a valid summary, to mutate */
	res = PQexecParams(conn, "SELECT '(3,2,85,85,1500,50,2000,3,3,2,15,0,2,9,0,2,1.6,0)'::engagement_stats",
					   0, NULL, NULL, NULL, NULL, 1);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		fprintf(stderr, "%s", PQerrorMessage(conn));
		return 1;
	}
	sent_length = PQgetlength(res, 0, 0);
	sent = malloc(sent_length);
	memcpy(sent, PQgetvalue(res, 0, 0), sent_length);
	PQclear(res);

	for (int i = 0; i < iterations; i++)
	{
		int			length;

		/* text: three mutated for each random string */
		if (i % 4 == 3)
			random_text(text, 64 + random_below(400));
		else
			mutate_text(text, sizeof(text));
		try_input(conn, text, 0, 0);

		/* binary: a mutated valid summary, or random bytes of any length */
		if (i % 2 == 0)
		{
			length = sent_length + random_below(3) - 1;
			if (length > (int) sizeof(bytes))
				length = sizeof(bytes);
			memcpy(bytes, sent, length < sent_length ? length : sent_length);
			for (int flips = 1 + random_below(3); flips > 0 && length > 0; flips--)
				bytes[random_below(length)] ^= (char) (1 << random_below(8));
		}
		else
		{
			length = random_below(sizeof(bytes));
			for (int b = 0; b < length; b++)
				bytes[b] = (char) random_below(256);
		}
		try_input(conn, bytes, length, 1);
	}

	res = PQexec(conn, "SELECT 1");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		fprintf(stderr, "server not answering after the run: %s", PQerrorMessage(conn));
		return 1;
	}
	PQclear(res);
	PQfinish(conn);
	printf("fuzz: %d text and %d binary inputs: %d parsed and round-tripped, "
		   "%d rejected cleanly, %d failures\n",
		   iterations, iterations, parsed, rejected, failures);
	return failures > 0;
}
