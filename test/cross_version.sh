#!/usr/bin/env bash
# A dump made on one PostgreSQL version restores on another with every value
# bit-identical, as users move between major versions:
#   bash test/cross_version.sh save DIR      (on the old version)
#   bash test/cross_version.sh restore DIR   (on the new version)
# against the cluster that PGHOST/PGPORT/PGUSER name.  `save` fills a
# database with every kind of value the extension returns
# (test/cross_version/values.sql), dumps it with pg_dump -Fc and writes the
# binary send form of every value; `restore` restores the dump with this
# version's pg_restore into a new database and compares every send form and
# every text form.  test/suite.sh calls it; PG_BIN names the binaries.
set -euo pipefail
mode=$1 dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# every column of every table of the database: table, id, column, the send
# form in hex and the text form, in a stable order
values_query="
DO \$\$
DECLARE r record;
BEGIN
    CREATE TEMP TABLE sends (tbl text, id int, col text, hex text, txt text);
    -- an array's send form holds its element type's OID, which differs from
    -- database to database: arrays are compared by their dimensions and
    -- the send form of each element
    FOR r IN SELECT c.relname, a.attname, t.typsend, e.typsend AS elemsend
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typsubscript = 'array_subscript_handler'::regproc
             WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
               AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id'
    LOOP
        EXECUTE format('INSERT INTO sends SELECT %L, id, %L, %s, %I::text FROM %I',
                       r.relname, r.attname,
                       CASE WHEN r.elemsend IS NULL
                            THEN format('encode(%s(%I), ''hex'')', r.typsend, r.attname)
                            ELSE format('array_dims(%1\$I) || '':'' || (SELECT string_agg(coalesce(encode(%2\$s(e), ''hex''), ''NULL''), '','' ORDER BY o) FROM unnest(%1\$I) WITH ORDINALITY u(e, o))',
                                        r.attname, r.elemsend) END,
                       r.attname, r.relname);
    END LOOP;
END \$\$;
SELECT tbl, id, col, coalesce(hex, 'NULL'), coalesce(txt, 'NULL') FROM sends ORDER BY 1, 2, 3;"

case $mode in
save)
	mkdir -p "$dir"
	psql -d postgres -c "DROP DATABASE IF EXISTS engagement_cross" -c "CREATE DATABASE engagement_cross"
	psql -d engagement_cross -c "CREATE EXTENSION engagement" -f "$top/test/cross_version/values.sql" >/dev/null
	"$PG_BIN/pg_dump" -Fc -d engagement_cross -f "$dir/values.dump"
	psql -d engagement_cross -At -F '|' -c "$values_query" >"$dir/values.txt"
	"$PG_BIN/pg_config" --version >"$dir/version"
	echo "saved $(wc -l <"$dir/values.txt") values of $(cat "$dir/version") in $dir"
	;;
restore)
	psql -d postgres -c "DROP DATABASE IF EXISTS engagement_cross_restored" \
		-c "CREATE DATABASE engagement_cross_restored"
	"$PG_BIN/pg_restore" --exit-on-error -d engagement_cross_restored "$dir/values.dump"
	psql -d engagement_cross_restored -At -F '|' -c "$values_query" >"$dir/restored.txt"
	n=$(wc -l <"$dir/values.txt")
	if [ "$n" -lt 100 ]; then
		echo "the saved dump has only $n values"
		exit 1
	fi
	if ! diff "$dir/values.txt" "$dir/restored.txt" >"$dir/values.diff"; then
		head -20 "$dir/values.diff"
		echo "values differ after restoring the dump of $(cat "$dir/version") on $("$PG_BIN/pg_config" --version)"
		exit 1
	fi
	echo "all $n values of a dump made by $(cat "$dir/version") restored bit-identical on $("$PG_BIN/pg_config" --version)"
	;;
*)
	echo "usage: bash test/cross_version.sh save|restore DIR" >&2
	exit 2
	;;
esac
