#!/usr/bin/env bash
# The benchmark: our aggregates beside the plain SQL a user would write and
# beside the bare scan, serial and with 2 parallel workers.
#   bash bench/run.sh [ROWS] [ROUNDS]
# ROWS posts (default 10 000 000) in an integer and a bigint table, ROWS/10
# survey respondents wide and ROWS*12/10 answers long; ROUNDS timed runs of
# each query after one warm-up (default 5).  SHARED_BUFFERS (default 8GB)
# must hold the tables.  As root the shared buffers live in huge pages,
# asked of the kernel for the run and given back after it: that spares each
# freshly started parallel worker ~12 000 page faults; HUGE_PAGES=off runs
# without them.
set -euo pipefail

rows=${1:-10000000}
rounds=${2:-5}
shared_buffers=${SHARED_BUFFERS:-8GB}

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

make_workdir bench
cp "$top/bench/data.sql" "$top/bench/bench.pl" "$work/"
chmod a+r "$work"/*

huge=off
if [ "${HUGE_PAGES:-on}" = on ] && [ "$(id -u)" -eq 0 ]; then
	# shared_buffers in MB / 2 MB pages, plus slack for the rest of shared memory
	case "$shared_buffers" in
		*GB) mb=$(( ${shared_buffers%GB} * 1024 )) ;;
		*MB) mb=${shared_buffers%MB} ;;
		*) echo "SHARED_BUFFERS must end in GB or MB" >&2; exit 2 ;;
	esac
	old_hugepages=$(cat /proc/sys/vm/nr_hugepages)
	# give the pages back when done, however the run ends
	trap 'cluster_stop "$work"; rm -rf "$work"; sysctl -q -w vm.nr_hugepages=$old_hugepages' EXIT
	sysctl -q -w vm.nr_hugepages=$((mb / 2 + 256)) || true
	# the kernel may find fewer free huge pages than asked for
	if [ "$(cat /proc/sys/vm/nr_hugepages)" -ge $((mb / 2 + 256)) ]; then
		huge=on
	else
		log "the kernel gave too few huge pages; running without them"
	fi
fi

ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54331} cluster_start "$work" \
	-c shared_buffers="$shared_buffers" -c huge_pages="$huge" -c jit=off \
	-c max_worker_processes=8 -c max_parallel_workers=8 \
	-c max_parallel_workers_per_gather=2 -c work_mem=256MB \
	-c maintenance_work_mem=1GB -c max_wal_size=20GB -c checkpoint_timeout=1h \
	-c autovacuum=off -c synchronous_commit=off

run() {
	as_cluster_user env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" \
		PGDATABASE=bench PSQL="$PG_BIN/psql" "$@"
}

log "generating $rows posts (integer and bigint) and the survey"
run "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE bench"
run "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -v rows="$rows" \
	-c "CREATE EXTENSION engagement" -c "CREATE EXTENSION pg_prewarm" \
	-f "$work/data.sql" >/dev/null
run "$PG_BIN/psql" -X -q -At -c "SELECT relname, pg_size_pretty(pg_relation_size(oid)), pg_prewarm(oid)
	FROM pg_class WHERE relname IN ('posts_int', 'posts_big', 'posts_mixed', 'survey_wide', 'survey_scales', 'survey_long')" |
	sed 's/^/    cached: /' >&2

echo "engagement benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
	"$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "PostgreSQL: $(run "$PG_BIN/psql" -X -At -c 'SHOW server_version')," \
	"shared_buffers=$shared_buffers, huge_pages=$huge, jit=off;" \
	"$rows posts, $((rows / 10)) respondents; median of $rounds rounds after a warm-up"
echo
run perl "$work/bench.pl" "$rounds" "$(( rows / 10 < 1000000 ? rows / 10 : 1000000 ))"
