#!/usr/bin/env bash
# The benchmark's serial queries counted in instructions instead of
# milliseconds: bash bench/instructions.sh [ROWS]
# ROWS posts (default 200 000) and the survey as bench/run.sh makes them;
# each query runs once in a single-user backend under callgrind, after the
# tables are read into shared buffers.  Instruction counts repeat exactly
# whatever else the machine is doing, so the ratios to the floor and to the
# plain SQL can be compared between runs and commits; they say nothing of
# cache misses, parallel workers or memory.  Instructions per row hardly
# change with ROWS (1 M rows gave the same to 0.1 %); 200 000 take ~5 minutes.
set -euo pipefail

rows=${1:-200000}

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages $VALGRIND_PACKAGES
build_and_install "$top"

make_workdir instructions
cp "$top/bench/data.sql" "$top/bench/bench.pl" "$work/"
chmod a+r "$work"/*

ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54333} cluster_start "$work" \
	-c shared_buffers=2GB -c jit=off -c autovacuum=off -c synchronous_commit=off

log "generating $rows posts (integer and bigint) and the survey"
as_cluster_user "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE bench"
as_cluster_user "$PG_BIN/psql" -X -q -d bench -v ON_ERROR_STOP=1 -v rows="$rows" \
	-c "CREATE EXTENSION engagement" -c "CREATE EXTENSION pg_prewarm" \
	-f "$work/data.sql" >/dev/null
cluster_stop "$work"

echo "engagement benchmark, instructions, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "PostgreSQL: $("$PG_BIN/postgres" --version | sed 's/.*) //'), jit=off, callgrind" \
	"($(valgrind --version)); $rows posts, $((rows / 10)) respondents; serial"
echo
log "counting instructions under callgrind (slow)"
as_cluster_user env PG_BIN="$PG_BIN" perl "$work/bench.pl" --instructions "$work/data" bench "$rows"
