/*
 * untyped_params.c
 *		A client that sends its parameters as text without types, as many
 *		drivers do (PQexecParams with no parameter types): every function
 *		and aggregate of the extension that has a text form (found in the
 *		catalog) must resolve and give what it gives for the same whole
 *		numbers as bigint (numeric for a cost's spend).
 *
 *   untyped_params     (connects with the PG* environment variables)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libpq-fe.h"

/* the result of untyped, sent with n untyped text parameters, against typed */
static int
same(PGconn *conn, const char *untyped, int n, const char *const *values, const char *typed)
{
	PGresult   *got = PQexecParams(conn, untyped, n, NULL, values, NULL, NULL, 0);
	PGresult   *want = PQexec(conn, typed);
	int			ok;

	ok = PQresultStatus(got) == PGRES_TUPLES_OK && PQresultStatus(want) == PGRES_TUPLES_OK &&
		PQgetisnull(got, 0, 0) == PQgetisnull(want, 0, 0) &&
		strcmp(PQgetvalue(got, 0, 0), PQgetvalue(want, 0, 0)) == 0;
	if (!ok)
		fprintf(stderr, "%s sent untyped: %s%s; %s: %s%s\n", untyped,
				PQntuples(got) > 0 ? PQgetvalue(got, 0, 0) : "", PQresultErrorMessage(got), typed,
				PQntuples(want) > 0 ? PQgetvalue(want, 0, 0) : "", PQresultErrorMessage(want));
	PQclear(got);
	PQclear(want);
	return ok;
}

/* a two-argument rate or cost */
static int
check(PGconn *conn, const char *function, int cost, const char *a, const char *b)
{
	char		untyped[256];
	char		typed[256];
	const char *values[2] = {a, b};

	snprintf(untyped, sizeof(untyped), "SELECT %s($1, $2)", function);
	snprintf(typed, sizeof(typed), cost ? "SELECT %s(%s::numeric, %s::bigint)" : "SELECT %s(%s::bigint, %s::bigint)",
			 function, a, b);
	return same(conn, untyped, 2, values, typed);
}

/* an aggregate of one or four counts, over three rows */
static int
check_aggregate(PGconn *conn, const char *aggregate, int nargs, const char *likes)
{
	char		untyped[256];
	char		typed[256];
	const char *values[4] = {likes, "3", "1", "400"};

	if (nargs == 1)
	{
		snprintf(untyped, sizeof(untyped), "SELECT %s($1) FROM generate_series(1, 3)", aggregate);
		snprintf(typed, sizeof(typed), "SELECT %s(%s::bigint) FROM generate_series(1, 3)", aggregate, likes);
	}
	else
	{
		snprintf(untyped, sizeof(untyped), "SELECT %s($1, $2, $3, $4) FROM generate_series(1, 3)", aggregate);
		snprintf(typed, sizeof(typed),
				 "SELECT %s(%s::bigint, 3::bigint, 1::bigint, 400::bigint) FROM generate_series(1, 3)",
				 aggregate, likes);
	}
	return same(conn, untyped, nargs, values, typed);
}

int
main(void)
{
	PGconn	   *conn = PQconnectdb("");
	PGresult   *functions;
	int			checked = 0;
	int			failed = 0;

	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "%s", PQerrorMessage(conn));
		return 2;
	}
	/* the two-argument rates and costs: a text form beside a bigint one */
	functions = PQexec(conn,
					   "SELECT DISTINCT p.proname, p.proargtypes[0] = 'numeric'::regtype "
					   "FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
					   "JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid "
					   "WHERE e.extname = 'engagement' AND d.deptype = 'e' AND p.pronargs = 2 "
					   "AND p.proargtypes[1] = 'text'::regtype AND EXISTS (SELECT FROM pg_proc q "
					   "WHERE q.proname = p.proname AND q.pronargs = 2 AND q.proargtypes[1] = 'bigint'::regtype) "
					   "ORDER BY 1");
	if (PQresultStatus(functions) != PGRES_TUPLES_OK || PQntuples(functions) < 10)
	{
		fprintf(stderr, "expected the text forms of the rates and costs: %s", PQresultErrorMessage(functions));
		return 1;
	}
	for (int i = 0; i < PQntuples(functions); i++)
	{
		const char *name = PQgetvalue(functions, i, 0);
		int			cost = strcmp(PQgetvalue(functions, i, 1), "t") == 0;
		const char *pairs[][2] = {{"12", "400"}, {"9007199254740993", "3"}, {"0", "0"},
		{"9223372036854775807", "1"}};

		for (size_t j = 0; j < sizeof(pairs) / sizeof(pairs[0]); j++)
		{
			checked++;
			if (!check(conn, name, cost, pairs[j][0], pairs[j][1]))
				failed++;
		}
	}
	printf("untyped parameters: %d calls of %d functions, ", checked, PQntuples(functions));
	PQclear(functions);

	/* the aggregates whose every argument is text */
	functions = PQexec(conn,
					   "SELECT DISTINCT p.proname, p.pronargs "
					   "FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
					   "JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid "
					   "WHERE e.extname = 'engagement' AND d.deptype = 'e' AND p.prokind = 'a' "
					   "AND p.proargtypes[0] = 'text'::regtype ORDER BY 1");
	if (PQresultStatus(functions) != PGRES_TUPLES_OK || PQntuples(functions) < 5)
	{
		fprintf(stderr, "expected the text forms of the aggregates: %s", PQresultErrorMessage(functions));
		return 1;
	}
	for (int i = 0; i < PQntuples(functions); i++)
	{
		const char *likes[] = {"12", "9007199254740993", "0"};

		for (size_t j = 0; j < sizeof(likes) / sizeof(likes[0]); j++)
		{
			checked++;
			if (!check_aggregate(conn, PQgetvalue(functions, i, 0), atoi(PQgetvalue(functions, i, 1)), likes[j]))
				failed++;
		}
	}
	printf("%d aggregates; %d calls in all, %d differ from the typed call\n",
		   PQntuples(functions), checked, failed);
	PQclear(functions);
	PQfinish(conn);
	return failed == 0 ? 0 : 1;
}
