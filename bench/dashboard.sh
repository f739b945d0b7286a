#!/usr/bin/env bash
# The dashboard benchmark: do the Grafana panels of examples/grafana cost
# what the range on screen holds, not the whole history?
#   bash bench/dashboard.sh [POSTS_PER_YEAR]
# Builds the reporting schema of examples/reporting.sql twice, with
# POSTS_PER_YEAR posts (default 5 000 000) of 1 000 accounts over one year,
# and twice as many over two years; measures every panel that reads the
# posts or their daily summaries over the last 7 days and over the whole
# history (shared buffers and time, EXPLAIN (ANALYZE, BUFFERS), median of 3);
# then brings the summaries up to date after one more day of posts and a
# week of late metrics, against a full rebuild; then one long-lived session
# (its first refresh found no change) refreshing 2 000, 4 000, 8 000 and
# 16 000 new account-days, time per account-day.  ~15 minutes at the default.
set -euo pipefail

per_year=${1:-5000000}

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

make_workdir dashboard
cp "$top/bench/dashboard.pl" "$top/examples/reporting.sql" "$top/examples/grafana/dashboards/engagement.json" "$work/"
chmod a+r "$work"/*

ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54334} cluster_start "$work" \
	-c shared_buffers=4GB -c jit=off -c autovacuum=off -c synchronous_commit=off \
	-c max_parallel_workers_per_gather=0 -c work_mem=256MB -c maintenance_work_mem=1GB

load() {
	local db=$1 years=$2 posts=$(( per_year * $2 ))
	log "$db: $posts posts of 1 000 accounts over $years year(s)"
	as_cluster_user "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE $db"
	as_cluster_user "$PG_BIN/psql" -X -q -d "$db" -v ON_ERROR_STOP=1 \
		-c "CREATE EXTENSION engagement" -f "$work/reporting.sql" >/dev/null
	as_cluster_user "$PG_BIN/psql" -X -q -d "$db" -v ON_ERROR_STOP=1 >/dev/null <<SQL
SELECT setseed(0.42);
INSERT INTO accounts SELECT a, 'account ' || a, 1000 + a * 37 % 90000 FROM generate_series(1, 1000) a;
INSERT INTO account_daily
SELECT a.account_id, d::date, a.followers_start + (d::date - (current_date - 365 * $years)) * 3, 10, 5
FROM accounts a, generate_series(current_date - 365 * $years + 1, current_date, interval '1 day') d;
-- posts arrive in time order, as a loader appends them
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT 1 + g % 1000, current_date - 365 * $years + 1 + (g::float8 / $posts) * interval '1 day' * 365 * $years,
       floor(exp(random() * 6))::int, floor(exp(random() * 3))::int, floor(exp(random() * 2))::int,
       floor(exp(random() * 9))::bigint, floor(exp(random() * 8.5))::bigint, 10000
FROM generate_series(1, $posts) g;
CALL reporting.refresh_account_day_summary();
VACUUM ANALYZE;
SQL
}
load dash_1y 1
load dash_2y 2

echo "engagement dashboard benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "PostgreSQL: $("$PG_BIN/postgres" --version | sed 's/.*) //'), serial, shared_buffers=4GB (the tables stay in memory)"
echo
as_cluster_user env PG_BIN="$PG_BIN" PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" \
	perl "$work/dashboard.pl" "$work/engagement.json" dash_1y dash_2y
