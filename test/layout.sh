#!/usr/bin/env bash
# Two properties of the layout of src/ (see the Layout of DEVELOPMENT.md),
# from a build in the checkout:
#   make && bash test/layout.sh [PG_CONFIG]
# - the calls between the source files: a line "a b" when a.o uses a symbol
#   that b.o defines; it fails when two files call each other, directly or
#   around a circle;
# - the headers the Makefile lists for each object are those its source
#   includes, directly or through another header (gcc -MM).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
pg_config=${1:-pg_config}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
ls src/*.o >/dev/null

for o in src/*.o; do
	name=$(basename "$o" .o)
	nm --defined-only "$o" | awk -v n="$name" '$2 ~ /^[TDBR]$/ {print $3, n}' >>"$tmp/defined"
	nm --undefined-only "$o" | awk -v n="$name" '{print $2, n}' >>"$tmp/used"
done
sort -u -o "$tmp/defined" "$tmp/defined"
sort -u -o "$tmp/used" "$tmp/used"
join "$tmp/used" "$tmp/defined" | awk '$2 != $3 {print $2, $3}' | sort -u >"$tmp/calls"
cat "$tmp/calls"
status=0
if ! tsort "$tmp/calls" >/dev/null 2>"$tmp/tsort" || [ -s "$tmp/tsort" ]; then
	cat "$tmp/tsort" >&2
	echo "the source files call each other in a circle" >&2
	status=1
else
	echo "no circle: $(wc -l <"$tmp/calls") calls between $(ls src/*.o | wc -l) objects"
fi

make -pn PG_CONFIG="$pg_config" >"$tmp/make" 2>/dev/null || true
for c in src/*.c; do
	o=${c%.c}.o
	included=$(${CC:-gcc} -MM -I src -I "$("$pg_config" --includedir-server)" "$c" |
		tr -d '\\\n' | tr ' ' '\n' | { grep '^src/.*\.h$' || true; } | sort -u | tr '\n' ' ')
	listed=$({ grep "^$o:" "$tmp/make" || true; } | tr ' ' '\n' | { grep '^src/.*\.h$' || true; } |
		sort -u | tr '\n' ' ')
	if [ "$included" != "$listed" ]; then
		echo "$o: the source includes ${included:-no header}, the Makefile lists ${listed:-none}" >&2
		status=1
	fi
done
[ $status -eq 0 ] && echo "the Makefile lists the headers of every object"
exit $status
