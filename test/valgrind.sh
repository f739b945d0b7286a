#!/usr/bin/env bash
# The pg_regress suite with the server under valgrind memcheck:
#   bash test/valgrind.sh
# Every server process (postmaster, backends, parallel workers) runs under
# memcheck with --trace-children=yes and the suppressions in
# test/valgrind/postgres.supp, which cover PostgreSQL's own known reports
# only; any error left, in PostgreSQL or in engagement, fails the run.
# Slow: expect several minutes.  As root it installs what is missing.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages $VALGRIND_PACKAGES
build_and_install "$top"

work=$(mktemp -d /tmp/engagement-valgrind.XXXXXX)
trap 'cluster_stop "$work"; rm -rf "$work"' EXIT
cp "$top/test/valgrind/postgres.supp" "$work/"
chmod a+r "$work/postgres.supp"
mkdir -p "$work/logs"
chown "$(cluster_user)" "$work/logs"

export SERVER_WRAPPER="valgrind --quiet --trace-children=yes --track-origins=yes \
--read-var-info=no --num-callers=40 --error-limit=no --gen-suppressions=all \
--suppressions=$work/postgres.supp --log-file=$work/logs/valgrind.%p.log"
# JIT is off: llvmjit under memcheck is slow and only tests LLVM
ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54332} cluster_start "$work" -c jit=off

copy_tree "$top" "$work/src"
chown -R "$(cluster_user)" "$work/src"
set +e
as_cluster_user make -C "$work/src" PG_CONFIG="$PG_BIN/pg_config" installcheck
regress=$?
set -e
cluster_stop "$work"

processes=$(ls "$work"/logs/valgrind.*.log | wc -l)
bad=$(grep -l -E 'ERROR SUMMARY: [1-9]|^==[0-9]+== [A-Z]' "$work"/logs/valgrind.*.log || true)
rm -rf "$top/valgrind-logs"
if [ -n "$bad" ]; then
	mkdir -p "$top/valgrind-logs"
	cp $bad "$top/valgrind-logs/"
	grep -h -A30 -E '^==[0-9]+== [A-Z]' $bad | head -200
	log "valgrind reports are in $top/valgrind-logs/"
fi
errors=$(echo "$bad" | grep -c . || true)
echo "valgrind: $processes server processes, $errors with errors; pg_regress status $regress"
[ "$errors" -eq 0 ] && [ "$regress" -eq 0 ]
