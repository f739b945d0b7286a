/*
 * untyped_params.c
 *		A client that sends its parameters as text without types, as many
 *		drivers do (PQexecParams with no parameter types): every function of
 *		the extension that has a text form (found in the catalog) must
 *		resolve and give what it gives for the same whole numbers as bigint
 *		(numeric for a cost's spend).
 *
 *   untyped_params     (connects with the PG* environment variables)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libpq-fe.h"

static int
check(PGconn *conn, const char *function, int cost, const char *a, const char *b)
{
	char		untyped[256];
	char		typed[256];
	const char *values[2];
	PGresult   *got;
	PGresult   *want;
	int			ok;

	snprintf(untyped, sizeof(untyped), "SELECT %s($1, $2)", function);
	snprintf(typed, sizeof(typed), cost ? "SELECT %s(%s::numeric, %s::bigint)" : "SELECT %s(%s::bigint, %s::bigint)",
			 function, a, b);
	values[0] = a;
	values[1] = b;
	got = PQexecParams(conn, untyped, 2, NULL, values, NULL, NULL, 0);
	want = PQexec(conn, typed);
	ok = PQresultStatus(got) == PGRES_TUPLES_OK && PQresultStatus(want) == PGRES_TUPLES_OK &&
		PQgetisnull(got, 0, 0) == PQgetisnull(want, 0, 0) &&
		strcmp(PQgetvalue(got, 0, 0), PQgetvalue(want, 0, 0)) == 0;
	if (!ok)
		fprintf(stderr, "%s(%s, %s) sent untyped: %s%s, as bigint: %s%s\n", function, a, b,
				PQgetvalue(got, 0, 0), PQresultErrorMessage(got),
				PQgetvalue(want, 0, 0), PQresultErrorMessage(want));
	PQclear(got);
	PQclear(want);
	return ok;
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
	/* the two-argument functions of the extension whose last argument is text */
	functions = PQexec(conn,
					   "SELECT DISTINCT p.proname, p.proargtypes[0] = 'numeric'::regtype "
					   "FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid "
					   "JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid "
					   "WHERE e.extname = 'engagement' AND d.deptype = 'e' AND p.pronargs = 2 "
					   "AND p.proargtypes[1] = 'text'::regtype ORDER BY 1");
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
	printf("untyped parameters: %d calls of %d functions, %d differ from the typed call\n",
		   checked, PQntuples(functions), failed);
	PQclear(functions);
	PQfinish(conn);
	return failed == 0 ? 0 : 1;
}
