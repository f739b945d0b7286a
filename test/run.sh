#!/usr/bin/env bash
# Runs every test of the extension on a throwaway cluster:
#   bash test/run.sh
# As root it first installs what is missing (apt-get) and the extension
# itself; the cluster runs as the postgres user and is stopped on exit.
# The last line is "N passed, M failed"; the exit status is 0 only when
# nothing failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

work=$(mktemp -d /tmp/engagement-test.XXXXXX)
trap 'cluster_stop "$work"; rm -rf "$work"' EXIT

# The tests read their inputs from a copy the cluster user can always read.
mkdir -p "$work/regress"
cp -r "$top/sql" "$top/expected" "$work/regress/"
chown -R "$(cluster_user)" "$work/regress"

cluster_start "$work"

tests=$(sed -n 's/^REGRESS = //p' "$top/Makefile")
log "running pg_regress: $tests"
set +e
as_cluster_user "$PG_BIN/../lib/pgxs/src/test/regress/pg_regress" \
	--bindir="$PG_BIN" --inputdir="$work/regress" --outputdir="$work/regress" \
	--host="$PGHOST" --port="$PGPORT" --user=postgres \
	--dbname=engagement_regression $tests | tee "$work/regress.out"
set -e

passed=$(grep -cE '\.\.\. ok' "$work/regress.out" || true)
failed=$(grep -cE '\.\.\. (FAILED|failed)' "$work/regress.out" || true)
rm -rf "$top/results" "$top/regression.diffs"
if [ -f "$work/regress/regression.diffs" ]; then
	# keep what a developer needs to read the failure; both are git-ignored
	cp -r "$work/regress/results" "$work/regress/regression.diffs" "$top/" 2>/dev/null || true
	log "differences are in $top/regression.diffs, outputs in $top/results/"
fi
[ "$passed" -gt 0 ] || failed=$((failed + 1))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
