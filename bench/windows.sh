#!/usr/bin/env bash
# Rolling metrics: window frames of 7, 30 and 365 rows.
#   bash bench/windows.sh [ROWS] [ROUNDS]
# ROWS posts (default 1 000 000: 1 000 accounts, one post a day) are timed
# ROUNDS times (default 3) for each frame: er_reach and er_post OVER a
# frame against the plain SQL a user would write (two sum() OVER for the
# ratio of sums, avg() OVER of the numeric per-post rate for the mean) and
# the floor, count(*) OVER the same frame.
# Then the same queries over 200 000 posts are counted in instructions
# with callgrind, which repeats exactly on a shared machine.  Like the
# other benchmarks it installs what is missing and runs a throwaway cluster.
set -euo pipefail

rows=${1:-1000000}
rounds=${2:-3}
small=200000

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages $VALGRIND_PACKAGES
build_and_install "$top"
make_workdir windows

ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54334} cluster_start "$work" \
	-c shared_buffers=2GB -c jit=off -c autovacuum=off -c synchronous_commit=off \
	-c max_parallel_workers_per_gather=0 -c work_mem=256MB
psql_bench() { as_cluster_user "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

log "generating $rows and $small posts"
psql_bench -d postgres -c "CREATE DATABASE bench"
psql_bench -d bench -c "CREATE EXTENSION engagement" -c "CREATE EXTENSION pg_prewarm" -c "
SELECT setseed(0.5);
CREATE UNLOGGED TABLE posts_w AS
    SELECT g % 1000 AS account, g / 1000 AS day,
           floor(exp(random() * 8))::int AS likes, floor(exp(random() * 4))::int AS comments,
           floor(exp(random() * 3))::int AS shares, 1 + floor(exp(random() * 12))::bigint AS reach,
           1000 + (g % 1000) * 10 + g / 100000 AS followers
    FROM generate_series(0, $rows - 1) g;
CREATE UNLOGGED TABLE posts_w_small AS SELECT * FROM posts_w WHERE account < $((small * 1000 / rows));" \
	-c "VACUUM ANALYZE posts_w, posts_w_small"

# query NAME TABLE FRAME: the SQL of one measured query
query() {
	local frame="PARTITION BY account ORDER BY day ROWS BETWEEN $(($3 - 1)) PRECEDING AND CURRENT ROW"
	case $1 in
		er_reach) echo "SELECT sum(v) FROM (SELECT er_reach(likes, comments, shares, reach) OVER w AS v FROM $2 WINDOW w AS ($frame)) s" ;;
		plain_er_reach) echo "SELECT sum(v) FROM (SELECT 100.0 * sum(likes + comments + shares) OVER w / nullif(sum(reach) OVER w, 0) AS v FROM $2 WINDOW w AS ($frame)) s" ;;
		er_post) echo "SELECT sum(v) FROM (SELECT er_post(likes, comments, shares, followers) OVER w AS v FROM $2 WINDOW w AS ($frame)) s" ;;
		plain_er_post) echo "SELECT sum(v) FROM (SELECT avg(100.0 * (likes + comments + shares) / nullif(followers, 0)) OVER w AS v FROM $2 WINDOW w AS ($frame)) s" ;;
		floor) echo "SELECT sum(v) FROM (SELECT count(*) OVER w AS v FROM $2 WINDOW w AS ($frame)) s" ;;
	esac
}
names="er_reach plain_er_reach er_post plain_er_post floor"
frames="7 30 365"

echo "engagement benchmark, window frames, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "PostgreSQL: $("$PG_BIN/postgres" --version | sed 's/.*) //'), jit=off, serial, work_mem=256MB;" \
	"time: $rows posts, median of $rounds rounds; instructions: $small posts, callgrind"
echo

log "timing ($rounds rounds)"
psql_bench -d bench -c "SELECT pg_prewarm('posts_w')" >/dev/null
declare -A ms
for round in $(seq 1 "$rounds"); do
	for frame in $frames; do
		for name in $names; do
			t=$(psql_bench -d bench -c '\timing on' -c "$(query "$name" posts_w "$frame")" |
				sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
			ms[$name,$frame]="${ms[$name,$frame]:-} $t"
		done
	done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

cluster_stop "$work"
log "counting instructions under callgrind"
mkdir -p "$work/cg"
chown "$(cluster_user)" "$work/cg"
{
	echo "SELECT pg_prewarm('posts_w_small');"
	for frame in $frames; do
		for name in $names; do
			echo "$(query "$name" posts_w_small "$frame");"
		done
	done
} >"$work/in.sql"
chmod a+r "$work/in.sql"
as_cluster_user valgrind --tool=callgrind --callgrind-out-file="$work/cg/cg" \
	--zero-before=PortalRun --dump-after=PortalRun \
	"$PG_BIN/postgres" --single -D "$work/data" -c shared_buffers=2GB -c jit=off \
	-c max_parallel_workers_per_gather=0 -c work_mem=256MB bench \
	<"$work/in.sql" >"$work/out" 2>"$work/log"
declare -A instr
i=0
# one dump per query, numbered in order (the first is pg_prewarm)
for f in $(ls "$work"/cg/cg.* | awk -F. '{print $NF, $0}' | sort -n | cut -d' ' -f2- | tail -n +2); do
	frame=$(echo $frames | cut -d' ' -f$((i / 5 + 1)))
	name=$(echo $names | cut -d' ' -f$((i % 5 + 1)))
	instr[$name,$frame]=$(sed -n 's/^summary: //p' "$f")
	i=$((i + 1))
done

printf '%-16s %6s %10s %12s %10s %14s\n' query frame "ms" "x plain ms" "instr/row" "x plain instr"
for name in er_reach er_post; do
	for frame in $frames; do
		ours=$(echo "${ms[$name,$frame]}" | median)
		plain=$(echo "${ms[plain_$name,$frame]}" | median)
		io=${instr[$name,$frame]}
		ip=${instr[plain_$name,$frame]}
		awk -v n="$name" -v f="$frame" -v o="$ours" -v p="$plain" -v io="$io" -v ip="$ip" -v r="$small" \
			'BEGIN { printf "%-16s %6d %10.0f %12.2f %10.1f %14.3f\n", n, f, o, o / p, io / r, io / ip }'
	done
done
echo
echo "plain SQL, and the floor count(*) OVER the same frame, for reference (ms, instructions per row):"
for name in plain_er_reach plain_er_post floor; do
	for frame in $frames; do
		awk -v n="$name" -v f="$frame" -v o="$(echo "${ms[$name,$frame]}" | median)" \
			-v io="${instr[$name,$frame]}" -v r="$small" \
			'BEGIN { printf "%-16s %6d %10.0f %10.1f\n", n, f, o, io / r }'
	done
done
